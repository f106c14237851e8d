"""What the API returns for each resource. Translated texts come in the request's language (`?lang=`,
English when a translation is missing) and, under `translations`, in every language."""

from django.conf import settings
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from drafts.models import ExportJob
from objectives.models import Action, Activity, GuidingPrinciple, Indicator, IndicatorObservation, Objective
from reviews.models import ActionProgress, ObjectiveAssessment, ReviewCycle, narrative_in
from stakeholders.models import Organisation


class TranslationsField(serializers.Field):
    """{"title": {"en": ..., "ru": ..., "be": ...}, ...} for the named modeltranslation fields."""

    def __init__(self, names: tuple[str, ...], **kwargs) -> None:
        self.names = names
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, obj) -> dict:
        return {
            name: {code: getattr(obj, f"{name}_{code}") or "" for code in settings.LANGUAGE_CODES}
            for name in self.names
        }


TranslationsField = extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {"type": "object", "additionalProperties": {"type": "string"}},
        "description": "Each translated field in every language (empty: not translated).",
    }
)(TranslationsField)


class ObjectiveSerializer(serializers.ModelSerializer):
    round_table = serializers.IntegerField(source="round_table.number", read_only=True)
    translations = TranslationsField(("title", "short_name"))

    class Meta:
        model = Objective
        fields = ["number", "title", "short_name", "paragraph", "action_count", "round_table", "translations"]


class ActionSerializer(serializers.ModelSerializer):
    objective = serializers.IntegerField(source="objective.number", read_only=True)
    translations = TranslationsField(("summary",))

    class Meta:
        model = Action
        fields = ["code", "objective", "letter", "summary", "translations"]


class PrincipleSerializer(serializers.ModelSerializer):
    translations = TranslationsField(("name",))

    class Meta:
        model = GuidingPrinciple
        fields = ["letter", "name", "translations"]


class OrganisationSerializer(serializers.ModelSerializer):
    translations = TranslationsField(("name", "acronym"))

    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym", "kind", "translations"]


class CycleSerializer(serializers.ModelSerializer):
    published = serializers.SerializerMethodField()
    translations = TranslationsField(("name",))

    class Meta:
        model = ReviewCycle
        fields = [
            "id",
            "name",
            "level",
            "forum",
            "year",
            "forum_starts",
            "forum_ends",
            "submission_deadline",
            "data_cutoff",
            "status",
            "lead_organisation",
            "published",
            "translations",
        ]

    def get_published(self, cycle) -> bool:
        publication = getattr(cycle, "publication", None)
        return bool(publication and publication.is_published)


class AssessmentSerializer(serializers.ModelSerializer):
    objective = serializers.IntegerField(source="objective.number", read_only=True)
    narratives = serializers.SerializerMethodField()

    class Meta:
        model = ObjectiveAssessment
        fields = ["id", "cycle", "objective", "status", "not_prioritised", "narratives", "updated_at"]

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "additionalProperties": {"type": "string"},
            "description": "The five narratives in the request's language; null where they are not public.",
        }
    )
    def get_narratives(self, assessment) -> dict | None:
        if not self.context["shows_narratives"](assessment):
            return None
        language = get_language()
        return {field: narrative_in(assessment, field, language)[0] for field in ObjectiveAssessment.NARRATIVE_FIELDS}


class ActionStatusSerializer(serializers.ModelSerializer):
    action = serializers.CharField(source="action.code", read_only=True)

    class Meta:
        model = ActionProgress
        fields = ["id", "cycle", "action", "status", "updated_at"]


class ActivitySerializer(serializers.ModelSerializer):
    objectives = serializers.SerializerMethodField()
    actions = serializers.SerializerMethodField()

    class Meta:
        model = Activity
        fields = [
            "id",
            "title",
            "lead_organisation",
            "partners",
            "objectives",
            "actions",
            "start_date",
            "end_date",
            "status",
            "budget",
            "currency",
            "location",
            "description",
            "link",
        ]

    def get_objectives(self, activity) -> list[int]:
        return sorted(o.number for o in activity.objectives.all())

    def get_actions(self, activity) -> list[str]:
        return [a.code for a in activity.actions.all()]


class ObservationSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)

    class Meta:
        model = IndicatorObservation
        fields = ["id", "indicator", "year", "value", "disaggregation", "source"]


class IndicatorSerializer(serializers.ModelSerializer):
    objectives = serializers.SerializerMethodField()
    sdg_targets = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "code",
            "name",
            "unit",
            "source",
            "scope",
            "objectives",
            "sdg_targets",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
        ]

    def get_objectives(self, indicator) -> list[int]:
        return sorted(o.number for o in indicator.objectives.all())


class ExportSerializer(serializers.ModelSerializer):
    version = serializers.SerializerMethodField()

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "cycle",
            "language",
            "status",
            "requested_at",
            "finished_at",
            "pdf_pages",
            "pdf_size",
            "docx_size",
            "version",
        ]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_version(self, export) -> dict | None:
        version = getattr(export, "draft_version", None)
        return {"label": version.label, "status": version.status} if version else None

"""The read API (v1). Each resource has two querysets: what anyone may read (published data, from
reviews.models.publication) and what members read (as in the portal). Filters are the portal's own
FilterSets where the portal has them."""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import conditional_page
from rest_framework import viewsets
from rest_framework.exceptions import NotFound, ValidationError

from drafts.models import (
    DraftVersion,
    ExportJob,
    Publication,
    public_action_statuses,
    public_activities,
    public_assessments,
    public_indicators,
    public_observations,
    public_organisations,
    published_cycles,
    shows_narratives,
)
from objectives.models import Action, Activity, GuidingPrinciple, Indicator, IndicatorObservation, Objective
from reviews.models import ActionProgress, ObjectiveAssessment, ReviewCycle
from reviews.permissions import can_export
from stakeholders.models import Organisation
from uncnm_portal.freshness import generation

from . import serializers
from .filters import (
    ActionFilter,
    ActionStatusFilter,
    ActivityFilter,
    AssessmentFilter,
    CycleFilter,
    ExportFilter,
    IndicatorFilter,
    ObservationFilter,
    TextFilter,
)
from .schema import MAX_ID


class ReadViewSet(viewsets.ReadOnlyModelViewSet):
    """Lists and details, GET only; `?lang=` picks the language; ETag and Last-Modified for caches."""

    # Models whose changes move Last-Modified (uncnm_portal.freshness); others answer with an ETag only.
    fresh = True
    member_check = None
    # Any path segment reaches the view (the router's default stops at a dot), so every unknown id gets the
    # API's JSON 404, not the site's HTML page.
    lookup_value_regex = "[^/]+"

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        view = conditional_page(super().as_view(actions, **initkwargs))
        view.login_required = False  # anonymous clients read published data
        return view

    def public_queryset(self):
        raise NotImplementedError

    def member_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator: the model, no query
            return self.serializer_class.Meta.model.objects.none()
        if self.request.user.is_authenticated:
            return self.member_queryset()
        return self.public_queryset()

    def initial(self, request, *args, **kwargs) -> None:
        language = request.query_params.get("lang")
        translation.activate(language if language in settings.LANGUAGE_CODES else settings.LANGUAGE_CODE)
        super().initial(request, *args, **kwargs)
        if language is not None and language not in settings.LANGUAGE_CODES:
            choices = ", ".join(settings.LANGUAGE_CODES)
            raise ValidationError({"lang": [_("One of: %(choices)s.") % {"choices": choices}]})
        empty = [name for name, value in request.query_params.items() if value == "" and name not in self._texts()]
        if empty:
            raise ValidationError({name: [_("Give a value, or leave the parameter out.")] for name in empty})

    def _texts(self) -> set[str]:
        """The query parameters that may be empty: searches and codes (an empty search finds everything)."""
        filterset = getattr(self, "filterset_class", None)
        if filterset is None:
            return set()
        return {name for name, f in filterset.base_filters.items() if isinstance(f, TextFilter)}

    def get_object(self):
        """An id that no record can have (not a whole number, out of range) is not found, without a query."""
        value = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
        if self.lookup_field in ("pk", "id", "number") and not (value.isascii() and value.isdigit()):
            raise NotFound
        if self.lookup_field in ("pk", "id") and not 1 <= int(value) <= MAX_ID:
            raise NotFound
        return super().get_object()

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = translation.get_language()
        if self.fresh and response.status_code == 200:
            response["Last-Modified"] = http_date(generation()[1])
        response.setdefault("Cache-Control", "private, no-cache")
        response.setdefault("Vary", "Authorization, Cookie")
        return response


class ObjectiveViewSet(ReadViewSet):
    """The 23 GCM objectives (reference data: public)."""

    serializer_class = serializers.ObjectiveSerializer
    lookup_field = "number"

    def public_queryset(self):
        return Objective.objects.select_related("round_table").order_by("number")

    member_queryset = public_queryset


class ActionViewSet(ReadViewSet):
    """The 187 lettered actions (reference data: public)."""

    serializer_class = serializers.ActionSerializer
    filterset_class = ActionFilter

    def public_queryset(self):
        return Action.objects.select_related("objective").order_by("objective__number", "letter")

    member_queryset = public_queryset


class PrincipleViewSet(ReadViewSet):
    """The ten guiding principles (reference data: public)."""

    serializer_class = serializers.PrincipleSerializer
    lookup_field = "letter"

    def public_queryset(self):
        return GuidingPrinciple.objects.order_by("letter")

    member_queryset = public_queryset


class OrganisationViewSet(ReadViewSet):
    """Organisations; anonymous clients see those named by published content."""

    serializer_class = serializers.OrganisationSerializer

    def public_queryset(self):
        return public_organisations().order_by("name")

    def member_queryset(self):
        return Organisation.objects.order_by("name")


class CycleViewSet(ReadViewSet):
    """Review cycles; anonymous clients see the published ones."""

    serializer_class = serializers.CycleSerializer
    filterset_class = CycleFilter

    def public_queryset(self):
        return published_cycles()

    def member_queryset(self):
        return ReviewCycle.objects.select_related("publication").order_by("year", "level")


class AssessmentViewSet(ReadViewSet):
    """The status of each objective in each cycle, with the narratives where they may be read."""

    serializer_class = serializers.AssessmentSerializer
    filterset_class = AssessmentFilter

    def _base(self, queryset):
        return (
            queryset.select_related("objective")
            .prefetch_related("translations")
            .order_by("cycle__year", "objective__number")
        )

    def public_queryset(self):
        return self._base(public_assessments())

    def member_queryset(self):
        return self._base(ObjectiveAssessment.objects.all())

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        if self.request.user.is_authenticated:
            context["shows_narratives"] = lambda assessment: True
        else:
            publications = {p.cycle_id: p for p in Publication.objects.live()}
            context["shows_narratives"] = lambda assessment: shows_narratives(
                assessment, publications[assessment.cycle_id]
            )
        return context


class ActionStatusViewSet(ReadViewSet):
    """What was reported on each lettered action in each cycle."""

    serializer_class = serializers.ActionStatusSerializer
    filterset_class = ActionStatusFilter

    def _base(self, queryset):
        return queryset.select_related("action__objective").order_by(
            "cycle__year", "action__objective__number", "action__letter"
        )

    def public_queryset(self):
        return self._base(public_action_statuses())

    def member_queryset(self):
        return self._base(ActionProgress.objects.all())


class ActivityViewSet(ReadViewSet):
    """Activities; filters as on the portal's activity list."""

    serializer_class = serializers.ActivitySerializer
    filterset_class = ActivityFilter

    def _base(self, queryset):
        # Only the columns the list shows: each row names its objectives, actions and partners by number, code, id.
        return queryset.prefetch_related(
            Prefetch("partners", queryset=Organisation.objects.only("pk")),
            Prefetch("objectives", queryset=Objective.objects.only("pk", "number")),
            Prefetch(
                "actions", queryset=Action.objects.select_related("objective").only("letter", "objective__number")
            ),
        ).order_by("-start_date", "pk")

    def public_queryset(self):
        return self._base(public_activities())

    def member_queryset(self):
        return self._base(Activity.objects.all())


class IndicatorViewSet(ReadViewSet):
    """Indicators; filters as on the portal's indicator list."""

    serializer_class = serializers.IndicatorSerializer
    filterset_class = IndicatorFilter

    def _base(self, queryset):
        return queryset.prefetch_related("objectives", "sdg_targets").order_by("code")

    def public_queryset(self):
        return self._base(public_indicators())

    def member_queryset(self):
        return self._base(Indicator.objects.all())


class ObservationViewSet(ReadViewSet):
    """Observed values of the indicators."""

    serializer_class = serializers.ObservationSerializer
    filterset_class = ObservationFilter

    def _base(self, queryset):
        return queryset.select_related("indicator").order_by("indicator__code", "year", "disaggregation")

    def public_queryset(self):
        return self._base(public_observations())

    def member_queryset(self):
        return self._base(IndicatorObservation.objects.all())


class ExportViewSet(ReadViewSet):
    """Exports' metadata: staff who export drafts see every export; anyone the published drafts'."""

    serializer_class = serializers.ExportSerializer
    filterset_class = ExportFilter
    member_check = staticmethod(can_export)
    fresh = False

    def _base(self, queryset):
        return queryset.select_related("draft_version").order_by("-requested_at", "-pk")

    def public_queryset(self):
        published = DraftVersion.objects.submitted().filter(
            cycle__publication__is_published=True, cycle__publication__draft=True
        )
        return self._base(ExportJob.objects.filter(draft_version__in=published))

    def member_queryset(self):
        return self._base(ExportJob.objects.all())

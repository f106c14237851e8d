"""Forms of a review cycle and its progress: the cycle, assessments, status rows of actions, measures, pledges."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from stakeholders.models import Organisation
from uncnm_portal.validators import int_or_none
from uncnm_portal.widgets import Picker

from ..models import (
    ActionProgress,
    MeasureProgress,
    ObjectiveAssessment,
    PledgeProgress,
    ReviewCycle,
)
from .fields import (
    NARRATIVE_MAX_LENGTH,
    KeepsSourceLanguage,
)


class ReviewCycleForm(forms.ModelForm):
    """A review cycle as the secretariat creates and edits it: its name in each language, its dates."""

    class Meta:
        model = ReviewCycle
        fields = [
            "name_en",
            "name_ru",
            "name_be",
            "level",
            "year",
            "forum",
            "forum_starts",
            "forum_ends",
            "input_opens",
            "input_closes",
            "submission_deadline",
            "data_cutoff",
            "status",
            "lead_organisation",
            "coordination_mechanism_en",
            "coordination_mechanism_ru",
            "coordination_mechanism_be",
            "mechanism_members",
            "validating_body_en",
            "validating_body_ru",
            "validating_body_be",
            "validation_due",
            "notes",
        ]
        DATES = ["forum_starts", "forum_ends", "input_opens", "input_closes", "submission_deadline"]
        widgets = {
            **{
                name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
                for name in [*DATES, "data_cutoff", "validation_due"]
            },
            "mechanism_members": Picker(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "name_en": _("Name in English"),
            "name_ru": _("Name in Russian"),
            "name_be": _("Name in Belarusian"),
            "coordination_mechanism_en": _("National coordination mechanism, in English"),
            "coordination_mechanism_ru": _("National coordination mechanism, in Russian"),
            "coordination_mechanism_be": _("National coordination mechanism, in Belarusian"),
            "validating_body_en": _("Validated by, in English"),
            "validating_body_ru": _("Validated by, in Russian"),
            "validating_body_be": _("Validated by, in Belarusian"),
        }
        help_texts = {
            "name_ru": _("Empty: the English name is shown."),
            "name_be": _("Empty: the English name is shown."),
            "input_opens": _("The dates follow each other: the input window, the submission deadline, the forum."),
            "coordination_mechanism_en": _("For example, the inter-agency working group that prepares the review."),
            "validating_body_en": _(
                "Who validates the draft on behalf of the Government, for example the Council of Ministers."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_en"].required = True
        organisations = Organisation.objects.active()
        self.fields["lead_organisation"].queryset = organisations.filter(kind=Organisation.Kind.GOVERNMENT)
        self.fields["mechanism_members"].queryset = organisations


class AssessmentForm(KeepsSourceLanguage, forms.ModelForm):
    """The secretariat's edit form; `version` is the one the editor started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = ObjectiveAssessment
        fields = [
            "status",
            "source_language",
            *ObjectiveAssessment.NARRATIVE_FIELDS,
            "not_prioritised",
            "narratives_public",
            "principles",
            "lead_organisations",
            "contributing_organisations",
        ]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 5}) for name in ObjectiveAssessment.NARRATIVE_FIELDS},
            "principles": Picker(),
            "lead_organisations": Picker(),
            "contributing_organisations": Picker(),
        }
        help_texts = {
            name: _("Markdown: **bold**, *italic*, lists, links.") for name in ObjectiveAssessment.NARRATIVE_FIELDS
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.active()
        self.fields["lead_organisations"].queryset = organisations
        self.fields["contributing_organisations"].queryset = organisations
        for name in ObjectiveAssessment.NARRATIVE_FIELDS:
            self.fields[name].validators.append(MaxLengthValidator(NARRATIVE_MAX_LENGTH))
            self.fields[name].widget.attrs["maxlength"] = NARRATIVE_MAX_LENGTH
        if self.instance.pk:  # also when bound: a form that changed nothing else has not changed
            self.initial["version"] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        lead = set(cleaned.get("lead_organisations") or [])
        both = lead & set(cleaned.get("contributing_organisations") or [])
        if both:
            names = ", ".join(sorted(o.display_name for o in both))
            self.add_error(
                "contributing_organisations",
                _("An organisation cannot both lead and contribute: %(names)s.") % {"names": names},
            )
        return cleaned

    def m2m_values(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ("principles", "lead_organisations", "contributing_organisations")
        }


class StatusRowForm(forms.Form):
    """One row's status and note (an action's, a plan measure's) with the values the editor started from,
    so that only their own changes count. Subclasses name the row's key field (KEY) and its statuses."""

    KEY = ""
    STATUSES: type[models.TextChoices]

    status = forms.ChoiceField(label=_("Status"), choices=())
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    started_status = forms.CharField(widget=forms.HiddenInput, required=False)
    started_note = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = self.STATUSES.choices

    @staticmethod
    def note_field() -> str:
        """The note is edited in the page's language: its own column (note_ru...), never another language's
        text shown in its place."""
        language = get_language()
        return f"note_{language if language in settings.LANGUAGE_CODES else settings.LANGUAGE_CODE}"

    @classmethod
    def saved_note(cls, row) -> str:
        return (getattr(row, cls.note_field()) or "") if row is not None else ""

    @classmethod
    def initial_rows(cls, objects: dict, saved: dict) -> list[dict]:
        """The formset's rows: each object's saved status and note (else the first status), also as the values the
        editor starts from."""
        rows = []
        for pk in objects:
            status = getattr(saved.get(pk), "status", cls.STATUSES.values[0])
            note = cls.saved_note(saved.get(pk))
            # No note in the page's language: the one in another language is offered as a hint (placeholder).
            elsewhere = "" if note or pk not in saved else saved[pk].note
            rows.append(
                {
                    cls.KEY: pk,
                    "status": status,
                    "note": note,
                    "started_status": status,
                    "started_note": note,
                    "note_elsewhere": elsewhere,
                }
            )
        return rows

    @classmethod
    def paired(cls, formset, objects: dict) -> list[tuple]:
        """(form, its object) for the page: bound forms name their object in their hidden key field."""
        return [
            (form, objects.get(form.initial.get(cls.KEY) or int_or_none(form[cls.KEY].value()))) for form in formset
        ]

    @property
    def note_hint(self) -> str:
        """The row's note in another language, where the page's language has none."""
        return self.initial.get("note_elsewhere", "")

    @property
    def key(self) -> int | None:
        return self.cleaned_data.get(self.KEY)

    @property
    def started_from(self) -> tuple[str, str]:
        """The row as the editor's page showed it; a client that does not send it is taken to mean the saved row."""
        if self.add_prefix("started_status") not in self.data:
            return self.initial.get("status", self.STATUSES.values[0]), self.initial.get("note", "")
        return self.cleaned_data["started_status"], self.cleaned_data["started_note"]

    @property
    def wanted(self) -> tuple[str, str]:
        return self.cleaned_data["status"], self.cleaned_data["note"]

    def is_edited(self) -> bool:
        """True when the editor changed this row (compared with what they started from, not with the saved row)."""
        return self.wanted != self.started_from


class ActionProgressForm(StatusRowForm):
    KEY = "action"
    STATUSES = ActionProgress.Status
    action = forms.IntegerField(widget=forms.HiddenInput)


class MeasureProgressForm(StatusRowForm):
    KEY = "measure"
    STATUSES = MeasureProgress.Status
    measure = forms.IntegerField(widget=forms.HiddenInput)


class PledgeProgressForm(StatusRowForm):
    KEY = "pledge"
    STATUSES = PledgeProgress.Status
    pledge = forms.IntegerField(widget=forms.HiddenInput)


ActionProgressFormSet = forms.formset_factory(ActionProgressForm, extra=0, max_num=30, validate_max=True)


MeasureProgressFormSet = forms.formset_factory(MeasureProgressForm, extra=0, max_num=500, validate_max=True)


PledgeProgressFormSet = forms.formset_factory(PledgeProgressForm, extra=0, max_num=500, validate_max=True)

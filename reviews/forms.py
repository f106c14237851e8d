from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from objectives.models import Objective
from stakeholders.models import Organisation, User
from uncnm_portal import uploads
from uncnm_portal.forms import english_fallback_help_texts
from uncnm_portal.validators import int_or_none, validate_plausible_date
from uncnm_portal.widgets import Picker, SinglePicker

from . import translation_files
from .evidence import check_upload
from .models import (
    ActionProgress,
    Assignment,
    Consultation,
    ConsultationParticipants,
    ExportJob,
    Input,
    MeasureProgress,
    NarrativeTranslation,
    ObjectiveAssessment,
    PledgeProgress,
    Publication,
    ReportSection,
    ReviewCycle,
    WrittenContribution,
    fingerprint,
    narrative_in,
)
from .word_templates import check_template

NARRATIVE_MAX_LENGTH = 20_000


class KeepsSourceLanguage:
    """For a model form with a `source_language` field: a client that does not send it keeps the saved one,
    and the form does not count it as changed (a record otherwise read as edited)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_language"].required = False

    def clean_source_language(self) -> str:
        return self.cleaned_data.get("source_language") or self.instance.source_language

    @property
    def changed_data(self) -> list[str]:
        changed = super().changed_data
        if self.is_bound and self.add_prefix("source_language") not in self.data:
            changed = [name for name in changed if name != "source_language"]
        return changed


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


class ExportForm(forms.ModelForm):
    class Meta:
        model = ExportJob
        fields = ["language", "objectives", "include_annexes"]
        widgets = {"objectives": forms.CheckboxSelectMultiple}
        help_texts = {"objectives": _("Leave all unticked to include the 23 objectives.")}

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self) -> dict:
        cleaned = super().clean()
        if ExportJob.objects.unfinished().filter(requested_by=self.user).count() >= ExportJob.MAX_UNFINISHED_PER_USER:
            raise ValidationError(
                _("%(count)s of your drafts are still being built; export again when one of them is finished.")
                % {"count": ExportJob.MAX_UNFINISHED_PER_USER}
            )
        return cleaned


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


class ReportSectionForm(KeepsSourceLanguage, forms.ModelForm):
    """A section; `version` is the one the editor started from (a save on top of a newer one is a conflict)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = ReportSection
        fields = ["title", "position", "enabled", "source_language", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # also when bound: a form that changed nothing else has not changed
            self.initial["version"] = self.instance.version
        # The text field edits the page's language; beside a translation, its source and whether it is current.
        language = get_language()
        self.body_state = self.instance.text_state(language) if self.instance.pk else "source"
        self.source_text = self.instance.source_text


ReportSectionFormSet = forms.modelformset_factory(
    ReportSection, form=ReportSectionForm, extra=1, can_delete=True, max_num=40, validate_max=True
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


def too_large(name: str) -> str:
    return _("The file %(name)s is larger than %(size)s.") % {
        "name": name,
        "size": filesizeformat(settings.UPLOAD_MAX_FILE_BYTES),
    }


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by its content (reviews/evidence.py)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg"}))
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        checked, errors = [], []
        for upload in files:
            try:
                upload = super().clean(upload, initial)
                checked.append((upload, *check_upload(upload)))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return checked


class InputForm(KeepsSourceLanguage, forms.ModelForm):
    """An input's texts; `version` is the one the editor started from (a save on top of a newer one is a conflict)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    evidence = MultipleFileField(
        label=_("Evidence files"),
        help_text=_("PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG, at most 20 MB each."),
        widget=MultipleFileInput(
            attrs={
                "accept": ".pdf,.docx,.xlsx,.odt,.ods,.png,.jpg,.jpeg",
                "data-too-large": _("Too large (at most 20 MB each), not attached:"),
                "data-message-id": "evidence-too-large",
            }
        ),
    )

    class Meta:
        model = Input
        fields = ["source_language", *Input.TEXT_FIELDS, "actions"]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 4, "maxlength": Input.MAX_TEXT}) for name in Input.TEXT_FIELDS},
            "actions": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, refused_uploads: list[tuple[str, str]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        # Files the upload handler stopped reading (uncnm_portal/uploads.py): too large to be attached.
        self.refused_uploads = list(refused_uploads)
        self.fields["evidence"].widget.attrs["data-max-bytes"] = settings.UPLOAD_MAX_FILE_BYTES
        self.fields["actions"].queryset = self.instance.assignment.objective.actions.order_by("letter")
        self.fields["actions"].label_from_instance = lambda action: action.code
        if not self.is_bound:
            self.initial["version"] = self.instance.version
        for name in Input.TEXT_FIELDS:
            self.fields[name].validators.append(MaxLengthValidator(Input.MAX_TEXT))

    def clean(self):
        cleaned = super().clean()
        for name, reason in self.refused_uploads:
            if reason == uploads.TOO_LARGE:
                self.add_error("evidence", too_large(name))
            else:
                message = _("A file named “%(name)s” cannot be stored: rename it and attach it again.")
                self.add_error("evidence", message % {"name": name})
        return cleaned


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should change"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000, strip=True
    )


class AssignmentForm(forms.Form):
    """A call for inputs: one organisation asked for one or more objectives of a cycle."""

    objectives = forms.ModelMultipleChoiceField(
        label=_("Objectives"),
        queryset=Objective.objects.order_by("number"),
        widget=Picker(),
    )
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.active())
    role = forms.ChoiceField(label=_("Role"), choices=Assignment.Role.choices)
    focal_point = forms.ModelChoiceField(
        label=_("Focal point"),
        queryset=User.objects.filter(is_active=True, organisation__isnull=False)
        .select_related("organisation")
        .order_by("last_name"),
        required=False,
        widget=SinglePicker(follows="organisation", follows_value=lambda user: user.organisation_id),
    )
    deadline = forms.DateField(
        label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}), validators=[validate_plausible_date]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focal_point"].label_from_instance = lambda user: (
            f"{user.display_name} ({user.organisation.display_name})"
        )

    def clean(self):
        cleaned = super().clean()
        focal_point, organisation = cleaned.get("focal_point"), cleaned.get("organisation")
        if focal_point and organisation and focal_point.organisation_id != organisation.pk:
            self.add_error("focal_point", _("The focal point must belong to the organisation."))
        return cleaned


class DraftUseForm(forms.Form):
    """How the draft uses each part of an input: quoted under its objective, in the annex only, or left out."""

    def __init__(self, *args, input_: Input, **kwargs):
        super().__init__(*args, **kwargs)
        self.input = input_
        for name in Input.TEXT_FIELDS:
            self.fields[name] = forms.ChoiceField(
                label=Input._meta.get_field(name).verbose_name,
                choices=Input.DraftUse.choices,
                initial=input_.use_of(name).value,
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    def save(self) -> Input:
        self.input.draft_use = {name: self.cleaned_data[name] for name in Input.TEXT_FIELDS}
        self.input.save(update_fields=["draft_use", "updated_at"])
        return self.input


class ConsultationForm(KeepsSourceLanguage, forms.ModelForm):
    """A consultation with its participants counted per kind of stakeholder (one number field per kind)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = Consultation
        fields = [
            "title_en",
            "title_ru",
            "title_be",
            "held_on",
            "format",
            "organiser",
            "objectives",
            "source_language",
            "key_messages_en",
            "key_messages_ru",
            "key_messages_be",
            "women",
            "men",
            "inputs",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "objectives": Picker(),
            "inputs": Picker(),
            **{f"key_messages_{code}": forms.Textarea(attrs={"rows": 4}) for code, _name in settings.LANGUAGES},
        }
        labels = {
            "title_en": _("Title in English"),
            "title_ru": _("Title in Russian"),
            "title_be": _("Title in Belarusian"),
            "key_messages_en": _("Key messages in English"),
            "key_messages_ru": _("Key messages in Russian"),
            "key_messages_be": _("Key messages in Belarusian"),
        }
        help_texts = {
            **english_fallback_help_texts("title"),
            "key_messages_en": _("What participants said; Markdown. Printed in the draft."),
            "women": _("Where known."),
        }

    def __init__(self, *args, cycle: ReviewCycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        self.fields["source_language"].label = _("Key messages written in")
        if self.instance.pk:
            for code in settings.LANGUAGE_CODES:
                state = self.instance.text_state(code)
                if state == NarrativeTranslation.State.OUTDATED:
                    self.fields[f"key_messages_{code}"].help_text = _(
                        "Outdated: the key messages in the source language changed after this translation."
                    )
        self.fields["title_en"].required = True
        self.fields["organiser"].queryset = Organisation.objects.active()
        self.fields["inputs"].queryset = (
            Input.objects.filter(assignment__cycle=cycle)
            .exclude(status=Input.Status.DRAFT)
            .select_related("assignment__objective", "assignment__organisation", "assignment__cycle")
        )
        counts = self.instance.counts_by_kind() if self.instance.pk else {}
        for kind, label in ConsultationParticipants.Kind.choices:
            self.fields[f"participants_{kind}"] = forms.IntegerField(
                label=label, min_value=0, max_value=100_000, required=False, initial=counts.get(kind)
            )
        if self.instance.pk:  # also when bound: a form that changed nothing else has not changed
            self.initial["version"] = self.instance.version

    def participant_fields(self) -> list:
        return [self[f"participants_{kind}"] for kind in ConsultationParticipants.Kind.values]

    def main_fields(self) -> list:
        """The visible fields the template lays out one under the other (the counts go in a grid)."""
        counted = {f.name for f in self.participant_fields()} | {"women", "men"}
        return [field for field in self.visible_fields() if field.name not in counted]

    def clean(self):
        cleaned = super().clean()
        known = (cleaned.get("women") or 0) + (cleaned.get("men") or 0)
        total = sum(cleaned.get(f"participants_{kind}") or 0 for kind in ConsultationParticipants.Kind.values)
        if known > total:
            self.add_error(
                "women",
                _("Women and men add up to %(known)s, more than the %(total)s participants counted by kind.")
                % {"known": known, "total": total},
            )
        return cleaned

    def save(self, commit: bool = True) -> Consultation:
        consultation = super().save(commit=False)
        consultation.cycle = self.cycle
        consultation.save()
        self.save_m2m()
        for kind in ConsultationParticipants.Kind.values:
            count = self.cleaned_data.get(f"participants_{kind}")
            if count:
                ConsultationParticipants.objects.update_or_create(
                    consultation=consultation, kind=kind, defaults={"count": count}
                )
            else:
                ConsultationParticipants.objects.filter(consultation=consultation, kind=kind).delete()
        return consultation


class DraftCommentForm(forms.Form):
    """A reviewer's comment on one section of a version of the draft (or on the whole)."""

    section = forms.ModelChoiceField(
        label=_("Section"), queryset=ReportSection.objects.none(), required=False, empty_label=_("The whole draft")
    )
    body = forms.CharField(label=_("Comment"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, sections: list[ReportSection], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = ReportSection.objects.filter(pk__in=[s.pk for s in sections])
        self.fields["section"].label_from_instance = lambda section: section.display_title


class ValidateVersionForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference of the validation"),
        max_length=300,
        required=False,
        help_text=_("For example, the letter or decision by which the Government validated the draft."),
    )


class SubmitVersionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for submitting with open checklist items"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only needed while the checklist has open items."),
    )


class ContributionInvitationForm(forms.ModelForm):
    """The secretariat invites an organisation from outside the call for inputs to write to the review."""

    class Meta:
        model = WrittenContribution
        fields = ["organisation", "contact_name", "contact_email", "language", "open_until"]
        widgets = {"open_until": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, cycle: ReviewCycle, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.cycle = cycle
        self.fields["organisation"].queryset = Organisation.objects.active().exclude(
            kind__in=[Organisation.Kind.GOVERNMENT, Organisation.Kind.UN_AGENCY]
        )
        self.fields["open_until"].required = False
        self.fields["open_until"].help_text = _("Empty: until the input window closes.")

    def clean_open_until(self):
        return self.cleaned_data.get("open_until") or self.instance.cycle.input_closes


class ContributionForm(forms.ModelForm):
    """What the invited organisation writes, on the page its link opens (no account needed)."""

    class Meta:
        model = WrittenContribution
        fields = ["title", "text", "objectives", "consent_to_cite", "consent_to_publish"]
        widgets = {"text": forms.Textarea(attrs={"rows": 12}), "objectives": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = True
        self.fields["text"].validators.append(MaxLengthValidator(WrittenContribution.MAX_TEXT))
        self.fields["text"].widget.attrs["maxlength"] = WrittenContribution.MAX_TEXT


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Take it up in the review")), ("decline", _("Do not take it up"))],
        widget=forms.RadioSelect,
    )
    in_annex = forms.BooleanField(label=_("Print it in full in the annex (the authors agreed)"), required=False)
    note = forms.CharField(label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2}))


class FileOrNoneForm(forms.Form):
    """A file of the cycle's drafts (the Word template, the emblem): upload one, or tick the box to go without it.
    Subclasses name the file field (FILE) and say what is missing when neither is done (MISSING)."""

    FILE = ""
    MISSING = ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get(self.FILE) and not cleaned.get("remove") and not self.errors:
            raise ValidationError(self.MISSING)
        return cleaned

    @property
    def upload(self):
        """The file to keep, or None to go without."""
        return None if self.cleaned_data["remove"] else self.cleaned_data[self.FILE]


class WordTemplateForm(FileOrNoneForm):
    FILE = "template"
    MISSING = _("Choose a template to upload, or tick the box to use the default.")

    template = forms.FileField(
        label=_("Word template (.docx or .dotx)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.dotx"}),
    )
    remove = forms.BooleanField(label=_("Use the portal's A4 default instead"), required=False)

    def clean_template(self):
        upload = self.cleaned_data.get("template")
        if upload:
            check_template(upload)
        return upload


class NarrativeTranslationForm(forms.Form):
    """One text box per written narrative of a record (an assessment, an input), and the fingerprint of the
    source text the page showed."""

    def __init__(self, *args, record: ObjectiveAssessment | Input, fields: tuple, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        self.record, self.language = record, language
        for name in fields:
            source = getattr(record, name)
            if not source.strip():
                continue
            text, state = narrative_in(record, name, language)
            label = record._meta.get_field(name).verbose_name
            self.fields[name] = forms.CharField(
                label=label,
                required=False,
                max_length=20_000,
                initial=text if state != NarrativeTranslation.State.MISSING else "",
                widget=forms.Textarea(attrs={"rows": 5, "lang": language}),
            )
            self.fields[f"{name}_from"] = forms.RegexField(
                regex=r"^[0-9a-f]{64}$", widget=forms.HiddenInput, initial=fingerprint(source)
            )
            self.rows.append((self[name], self[f"{name}_from"], source, state))

    @transaction.atomic
    def save(self, by) -> None:
        """Each translation as typed, made from the source the page showed (if the source changed meanwhile,
        the translation reads as outdated); an emptied box removes that translation."""
        for field, _made_from, _source, _state in self.rows:
            name = field.name
            text = self.cleaned_data[name].strip()
            existing = self.record.translations.filter(field=name, language=self.language)
            if not text:
                existing.delete()
                continue
            self.record.translations.update_or_create(
                field=name,
                language=self.language,
                defaults={"text": text, "source_fingerprint": self.cleaned_data[f"{name}_from"], "updated_by": by},
            )


class PublicationForm(forms.ModelForm):
    """What of a cycle is public; publishing itself is the button pressed."""

    class Meta:
        model = Publication
        fields = list(Publication.PARTS)


class EmblemForm(FileOrNoneForm):
    """The emblem on the drafts' cover: a PNG or JPEG (judged by its content), or none. Its fields are prefixed:
    it shares a page with the Word template's form."""

    prefix = "emblem"
    FILE = "emblem"
    MISSING = _("Choose an image to upload, or tick the box to have no emblem.")
    extension = "png"  # of the accepted image, as its content says

    emblem = forms.FileField(
        label=_("Emblem (PNG or JPEG)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".png,.jpg,.jpeg"}),
    )
    remove = forms.BooleanField(label=_("No emblem on the cover"), required=False)

    def clean_emblem(self):
        upload = self.cleaned_data.get("emblem")
        if upload:
            self.extension, _mime = check_upload(upload)
            if self.extension not in ("png", "jpg"):
                raise ValidationError(_("%(name)s is not a PNG or JPEG image.") % {"name": upload.name})
        return upload


class TranslationFileForm(forms.Form):
    """A translator's filled file (XLSX or XLIFF) for one target language."""

    language = forms.ChoiceField(label=_("Language of the translations"), choices=settings.LANGUAGES)
    file = forms.FileField(
        label=_("Filled file (.xlsx or .xlf)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.xlf,.xliff,.xml"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("file") and not self.errors:
            try:
                cleaned["rows"] = translation_files.parse(cleaned["file"].read())
            except ValueError as error:
                self.add_error("file", str(error))
        return cleaned

"""Forms of the call for inputs: assignments, inputs and their return, written contributions, consultations."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from objectives.models import Objective
from reviews.forms import KeepsSourceLanguage
from reviews.models import NarrativeTranslation, ReviewCycle
from stakeholders.models import Organisation, User
from uncnm_portal import uploads
from uncnm_portal.forms import english_fallback_help_texts
from uncnm_portal.validators import validate_plausible_date
from uncnm_portal.widgets import Picker, SinglePicker

from .evidence import check_upload
from .models import Assignment, Consultation, ConsultationParticipants, Input, WrittenContribution


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


def too_large(name: str) -> str:
    return _("The file %(name)s is larger than %(size)s.") % {
        "name": name,
        "size": filesizeformat(settings.UPLOAD_MAX_FILE_BYTES),
    }


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked by its content (inputs/evidence.py)."""

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

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from stakeholders.models import Organisation

from .models import ActionProgress, ExportJob, ObjectiveAssessment, ReportSection

NARRATIVE_MAX_LENGTH = 20_000


class AssessmentForm(forms.ModelForm):
    """The secretariat's edit form; `version` is the one the editor started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = ObjectiveAssessment
        fields = [
            "status",
            *ObjectiveAssessment.NARRATIVE_FIELDS,
            "principles",
            "lead_organisations",
            "contributing_organisations",
        ]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 5}) for name in ObjectiveAssessment.NARRATIVE_FIELDS},
            "principles": forms.CheckboxSelectMultiple,
            "lead_organisations": forms.SelectMultiple(attrs={"size": 8}),
            "contributing_organisations": forms.SelectMultiple(attrs={"size": 8}),
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
        if not self.is_bound and self.instance.pk:
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


class ActionProgressForm(forms.Form):
    action = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=ActionProgress.Status.choices)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


ActionProgressFormSet = forms.formset_factory(ActionProgressForm, extra=0, max_num=30, validate_max=True)


class ExportForm(forms.ModelForm):
    class Meta:
        model = ExportJob
        fields = ["language", "objectives", "include_annexes"]
        widgets = {"objectives": forms.CheckboxSelectMultiple}
        help_texts = {"objectives": _("Leave all unticked to include the 23 objectives.")}


class ReportSectionForm(forms.ModelForm):
    class Meta:
        model = ReportSection
        fields = ["title", "position", "enabled", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}


ReportSectionFormSet = forms.modelformset_factory(
    ReportSection, form=ReportSectionForm, extra=1, can_delete=True, max_num=40, validate_max=True
)

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from stakeholders.models import Organisation
from uncnm_portal.forms import english_fallback_help_texts, language_labels
from uncnm_portal.widgets import Picker

from .models import Action, Activity, Indicator, IndicatorObservation

DESCRIPTION_LENGTH = 20_000


class DateInput(forms.DateInput):
    input_type = "date"


class ActivityForm(forms.ModelForm):
    """An activity; `version` is the one the editor started from (an edit on top of a newer save is a conflict)."""

    link = forms.URLField(label=_("link"), required=False, assume_scheme="https", max_length=200)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = Activity
        fields = [
            "title_en",
            "title_ru",
            "title_be",
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
            "description_en",
            "description_ru",
            "description_be",
            "link",
        ]
        widgets = {
            "partners": Picker(),
            "objectives": Picker(),
            "actions": Picker(follows="objectives", follows_value=lambda action: action.objective_id),
            "start_date": DateInput(format="%Y-%m-%d"),
            "end_date": DateInput(format="%Y-%m-%d"),
            **{
                f"description_{code}": forms.Textarea(attrs={"rows": 6, "maxlength": DESCRIPTION_LENGTH})
                for code in settings.LANGUAGE_CODES
            },
        }
        labels = {**language_labels("title", _("Title")), **language_labels("description", _("Description"))}
        help_texts = {
            **english_fallback_help_texts("title", "description"),
            f"description_{settings.LANGUAGE_CODE}": _("Markdown."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[f"title_{settings.LANGUAGE_CODE}"].required = True
        too_long = _("The description is too long (at most 20,000 characters).")
        for code in settings.LANGUAGE_CODES:
            self.fields[f"description_{code}"].validators.append(MaxLengthValidator(DESCRIPTION_LENGTH, too_long))
        if self.instance.pk:
            self.initial["version"] = self.instance.version
        self.fields["partners"].queryset = Organisation.objects.active()
        self.fields["actions"].queryset = Action.objects.select_related("objective")
        self.fields["actions"].label_from_instance = lambda action: action.code
        if not user.is_secretariat:
            # Agency staff record the activities their own organisation leads.
            self.fields["lead_organisation"].queryset = Organisation.objects.filter(pk=user.organisation_id)
            self.fields["lead_organisation"].initial = user.organisation_id
        else:
            self.fields["lead_organisation"].queryset = Organisation.objects.active()

    def clean(self):
        cleaned = super().clean()
        objectives = set(cleaned.get("objectives") or [])
        stray = [a.code for a in cleaned.get("actions") or [] if a.objective not in objectives]
        if stray:
            self.add_error(
                "actions",
                _("These actions belong to objectives the activity does not support: %(codes)s.")
                % {"codes": ", ".join(stray)},
            )
        lead = cleaned.get("lead_organisation")
        if lead and lead in set(cleaned.get("partners") or []):
            self.add_error("partners", _("The lead organisation is not also a partner."))
        return cleaned


class IndicatorForm(forms.ModelForm):
    """An indicator; `version` is the one the editor started from (an edit on top of a newer save is a conflict)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name_en",
            "name_ru",
            "name_be",
            "unit_en",
            "unit_ru",
            "unit_be",
            "source",
            "scope",
            "objectives",
            "sdg_targets",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "notes",
        ]
        widgets = {
            "objectives": Picker(),
            "sdg_targets": Picker(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {**language_labels("name", _("Name")), **language_labels("unit", _("Unit"))}
        help_texts = english_fallback_help_texts("name", "unit")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name_en"].required = True
        if self.instance.pk:
            self.initial["version"] = self.instance.version


class ObservationForm(forms.ModelForm):
    class Meta:
        model = IndicatorObservation
        fields = ["year", "value", "disaggregation", "source"]


ObservationFormSet = forms.inlineformset_factory(
    Indicator, IndicatorObservation, form=ObservationForm, extra=2, can_delete=True, max_num=200, validate_max=True
)

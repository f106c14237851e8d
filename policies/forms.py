from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from objectives.models import Action
from stakeholders.models import Organisation
from uncnm_portal.forms import language_labels
from uncnm_portal.widgets import Picker

from .models import Instrument, PlanMeasure


class InstrumentForm(forms.ModelForm):
    """An instrument of the policy register; `version` is the one the editor started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    url = forms.URLField(label=_("Link"), required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = Instrument
        fields = [
            "kind",
            "title_en",
            "title_ru",
            "title_be",
            "reference",
            "adopted_on",
            "status",
            "responsible",
            "summary_en",
            "summary_ru",
            "summary_be",
            "url",
            "objectives",
            "actions",
        ]
        widgets = {
            "adopted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "objectives": Picker(),
            "actions": Picker(follows="objectives", follows_value=lambda action: action.objective_id),
            **{f"summary_{code}": forms.Textarea(attrs={"rows": 3}) for code, _name in settings.LANGUAGES},
        }
        labels = {**language_labels("title", _("Title")), **language_labels("summary", _("Summary"))}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_en"].required = True
        self.fields["responsible"].queryset = Organisation.objects.active()
        self.fields["actions"].queryset = Action.objects.select_related("objective")
        if self.instance.pk:  # also when bound: a form that changed nothing else has not changed
            self.initial["version"] = self.instance.version

    def clean(self):
        cleaned = super().clean()
        objectives, actions = set(cleaned.get("objectives") or []), cleaned.get("actions") or []
        outside = sorted({a.code for a in actions if a.objective not in objectives})
        if outside:
            self.add_error(
                "actions",
                _("These actions belong to objectives not ticked above: %(codes)s.") % {"codes": ", ".join(outside)},
            )
        return cleaned


class PlanMeasureForm(forms.ModelForm):
    class Meta:
        model = PlanMeasure
        fields = ["number", "title_en", "title_ru", "title_be", "responsible", "deadline", "objectives"]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "objectives": Picker(),
        }
        labels = language_labels("title", _("Measure"))

    def __init__(self, *args, plan: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.plan = plan
        self.fields["title_en"].required = True
        self.fields["responsible"].queryset = Organisation.objects.active()

    def clean_number(self) -> str:
        number = self.cleaned_data["number"].strip()
        taken = PlanMeasure.objects.filter(plan=self.instance.plan, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("The plan already has a measure with this number."))
        return number

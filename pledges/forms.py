from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stakeholders.models import Organisation
from uncnm_portal.widgets import Picker

from .models import Pledge, check_objectives


class PledgeForm(forms.ModelForm):
    """A pledge as its organisation proposes it (the secretariat also chooses the organisation)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)
    network_url = forms.URLField(
        label=_("Page on the Migration Network Hub"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Pledge
        fields = [
            "organisation",
            "title",
            "description",
            "kind",
            "nature",
            "objectives",
            "partners",
            "champion",
            "starts",
            "due",
            "network_id",
            "network_url",
            "matching",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "objectives": Picker(),
            "partners": Picker(),
            "matching": Picker(),
            "starts": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, organisation: Organisation | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.active()
        self.fields["organisation"].queryset = organisations
        self.fields["partners"].queryset = organisations
        self.fields["matching"].queryset = Pledge.objects.exclude(pk=self.instance.pk).select_related("organisation")
        if organisation is not None:  # a reporter pledges for their own organisation only
            self.fields["organisation"].queryset = Organisation.objects.filter(pk=organisation.pk)
            self.fields["organisation"].initial = organisation.pk
            self.fields["organisation"].disabled = True
        if self.instance.pk:
            self.initial["version"] = self.instance.version

    def clean_objectives(self):
        objectives = self.cleaned_data.get("objectives") or []
        check_objectives(objectives)
        return objectives

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in (Pledge.Kind.COMMON, Pledge.Kind.PARTNERSHIP) and not cleaned.get("partners"):
            self.add_error(
                "partners", ValidationError(_("Name the partners of a common pledge or one in partnership."))
            )
        return cleaned


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why the pledge is declined"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )

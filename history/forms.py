from django import forms
from django.utils.translation import gettext_lazy

from .changes import Change


class RestoreForm(forms.Form):
    """Which of the differing fields to bring back from an earlier version."""

    fields = forms.MultipleChoiceField(
        label=gettext_lazy("Fields to restore"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one field to restore.")},
    )

    def __init__(self, *args, changes: list[Change], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].choices = [(change.name, change.label) for change in changes]
        self.fields["fields"].initial = [change.name for change in changes]

"""The pieces the forms of every seam share: narrative limits, the source-language rule, file fields."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..evidence import check_upload

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

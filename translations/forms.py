"""Forms of content translation: one narrative at a time, or a whole translation file."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from inputs.models import Input
from reviews.models import NarrativeTranslation, ObjectiveAssessment, fingerprint, narrative_in

from . import files


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
                cleaned["rows"] = files.parse(cleaned["file"].read())
            except ValueError as error:
                self.add_error("file", str(error))
        return cleaned

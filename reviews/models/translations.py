"""Narratives in several languages: an assessment's texts are written in a source language; each translation
keeps a fingerprint of the source text it was made from, so an edit of the source shows it as outdated."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assessments import ObjectiveAssessment
from .texts import TextState, fingerprint, narrative_in  # noqa: F401  (narrative_in: re-exported)


class TranslatedText(models.Model):
    """A text written in one language and translated, in its modeltranslation columns, into the others
    (`TRANSLATED = "body"`: body_en, body_ru, body_be). For each translated language, `made_from` keeps
    the fingerprint of the source text the translation was made from: a save that changes a
    translation records the source as it is then; a save that changes the source leaves the others'
    fingerprints, so they read as outdated."""

    TRANSLATED = ""

    source_language = models.CharField(
        _("written in"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the text is written in; the others are its translations."),
    )
    made_from = models.JSONField(_("translations made from"), default=dict, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        loaded, texts = getattr(self, "_loaded_texts", {}), self.texts()
        for code, text in texts.items():
            if code != self.source_language and text.strip() and text != loaded.get(code):
                self.made_from[code] = fingerprint(texts[self.source_language])
        super().save(*args, **kwargs)
        self._loaded_texts = self.texts()

    @classmethod
    def from_db(cls, db, field_names, values):
        record = super().from_db(db, field_names, values)
        record._loaded_texts = record.texts()
        return record

    def texts(self) -> dict[str, str]:
        return {code: getattr(self, f"{self.TRANSLATED}_{code}", "") or "" for code in settings.LANGUAGE_CODES}

    @property
    def source_text(self) -> str:
        return self.texts()[self.source_language]

    def text_state(self, language: str) -> str:
        """The state of the text in `language`: one of NarrativeTranslation.State's values."""
        texts = self.texts()
        source = texts[self.source_language]
        if not source.strip() or language == self.source_language:
            return NarrativeTranslation.State.SOURCE
        if not texts[language].strip():
            return NarrativeTranslation.State.MISSING
        if self.made_from.get(language) == fingerprint(source):
            return NarrativeTranslation.State.CURRENT
        return NarrativeTranslation.State.OUTDATED


class TextTranslation(models.Model):
    """One text field of a record in one language other than the record's source language, with the
    fingerprint of the source text it was made from."""

    State = TextState

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("translation"))
    source_fingerprint = models.CharField(_("made from"), max_length=64)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True

    def is_current(self, source: str) -> bool:
        return self.source_fingerprint == fingerprint(source)


class NarrativeTranslation(TextTranslation):
    """One narrative field of an assessment in one language other than its source language."""

    assessment = models.ForeignKey(
        ObjectiveAssessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="translations"
    )
    field = models.CharField(
        _("text"), max_length=32, choices=[(name, name) for name in ObjectiveAssessment.NARRATIVE_FIELDS]
    )

    class Meta:
        verbose_name = _("translation of a narrative")
        verbose_name_plural = _("translations of narratives")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "field", "language"], name="one_translation_per_narrative_and_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessment} · {self.field} · {self.language}"

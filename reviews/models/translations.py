"""Narratives in several languages: an assessment's texts are written in a source language; each translation
keeps a fingerprint of the source text it was made from, so an edit of the source shows it as outdated."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assessments import ObjectiveAssessment


def fingerprint(text: str) -> str:
    """What a translation was made from: the source text's SHA-256 (whitespace at the ends ignored)."""
    return hashlib.sha256(text.strip().encode()).hexdigest()


class NarrativeTranslation(models.Model):
    """One narrative field of an assessment in one language other than its source language."""

    class State(models.TextChoices):
        SOURCE = "source", _("Source text")
        CURRENT = "current", _("Translated")
        OUTDATED = "outdated", _("Outdated")
        MISSING = "missing", _("Missing")

    assessment = models.ForeignKey(
        ObjectiveAssessment, verbose_name=_("assessment"), on_delete=models.CASCADE, related_name="translations"
    )
    field = models.CharField(
        _("text"), max_length=32, choices=[(name, name) for name in ObjectiveAssessment.NARRATIVE_FIELDS]
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("translation"))
    source_fingerprint = models.CharField(_("made from"), max_length=64)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

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

    def is_current(self, source: str) -> bool:
        return self.source_fingerprint == fingerprint(source)


def narrative_in(assessment: ObjectiveAssessment, field: str, language: str) -> tuple[str, str]:
    """(text, state) of one narrative in a language: the source text, its translation (current or
    outdated), or the source again when no translation exists (state "missing"). Uses the prefetched
    `translations` of the assessment."""
    source = getattr(assessment, field)
    if not source.strip() or language == assessment.source_language:
        return source, NarrativeTranslation.State.SOURCE
    for translation in assessment.translations.all():
        if translation.field == field and translation.language == language:
            current = translation.is_current(source)
            return (
                translation.text,
                NarrativeTranslation.State.CURRENT if current else NarrativeTranslation.State.OUTDATED,
            )
    return source, NarrativeTranslation.State.MISSING

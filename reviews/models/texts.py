"""A text and its translations, as any record with `source_language` and prefetched `translations` (an
assessment, an input) holds them: the fingerprint a translation keeps of its source, its state, the text to
print in a language. A leaf: models import it, it imports none of them."""

import hashlib

from django.db import models
from django.utils.translation import gettext_lazy as _


def fingerprint(text: str) -> str:
    """What a translation was made from: the source text's SHA-256 (whitespace at the ends ignored)."""
    return hashlib.sha256(text.strip().encode()).hexdigest()


class TextState(models.TextChoices):
    SOURCE = "source", _("Source text")
    CURRENT = "current", _("Translated")
    OUTDATED = "outdated", _("Outdated")
    MISSING = "missing", _("Missing")


def narrative_in(record, field: str, language: str) -> tuple[str, str]:
    """(text, state) of one narrative of an assessment or an input in a language: the source text, its
    translation (current or outdated), or the source again when no translation exists (state "missing").
    Uses the prefetched `translations` of the record."""
    source = getattr(record, field)
    if not source.strip() or language == record.source_language:
        return source, TextState.SOURCE
    for translation in record.translations.all():
        if translation.field == field and translation.language == language:
            current = translation.is_current(source)
            return (
                translation.text,
                TextState.CURRENT if current else TextState.OUTDATED,
            )
    return source, TextState.MISSING

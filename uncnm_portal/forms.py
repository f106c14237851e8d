"""What forms of every app share."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {"en": _("in English"), "ru": _("in Russian"), "be": _("in Belarusian")}


def language_labels(field: str, label) -> dict:
    """Labels of a translated field's columns: {"title_en": "Title (in English)", ...}."""
    return {f"{field}_{code}": f"{label} ({LANGUAGE_NAMES[code]})" for code in settings.LANGUAGE_CODES}


def english_fallback_help_texts(*fields: str) -> dict:
    """Help for the non-English columns of translated fields: an empty one shows the English text."""
    return {
        f"{field}_{code}": _("Empty: the English text is shown.")
        for field in fields
        for code in settings.LANGUAGE_CODES
        if code != settings.LANGUAGE_CODE
    }

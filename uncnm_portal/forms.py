"""What forms of every app share."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

LANGUAGE_NAMES = {"en": _("in English"), "ru": _("in Russian"), "be": _("in Belarusian")}


def language_labels(field: str, label) -> dict:
    """Labels of a translated field's columns: {"title_en": "Title (in English)", ...}."""
    return {f"{field}_{code}": f"{label} ({LANGUAGE_NAMES[code]})" for code in settings.LANGUAGE_CODES}

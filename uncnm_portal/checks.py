"""Deployment checks of the portal's own, run by `manage.py check --deploy`."""

from pathlib import Path

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.translation, deploy=True)
def check_compiled_catalogues(app_configs=None, **kwargs) -> list[Warning]:
    """Each language's catalogue must be compiled (.mo files are built, not committed), or the portal serves English."""
    warnings = []
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        compiled = [Path(root) / code / "LC_MESSAGES" / "django.mo" for root in settings.LOCALE_PATHS]
        if not any(path.is_file() for path in compiled):
            warnings.append(
                Warning(
                    f"The {code} message catalogue is not compiled: the portal would show English instead.",
                    hint="Run `python manage.py compilemessages` after each deployment of the code.",
                    id="uncnm.W001",
                )
            )
    return warnings

"""Validators every app may use: values outside them would only be typing mistakes, and break date arithmetic."""

import datetime
import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 1990, 2100
PLAUSIBLE_YEAR = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


def validate_plausible_date(value: datetime.date) -> None:
    """A date of the migration work the portal records: between 1990 and 2100."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR},
            code="implausible_date",
        )


def int_or_none(value) -> int | None:
    """A number from a query string or form value; None when it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@functools.cache
def time_zone_names() -> list[str]:
    """The IANA time zones this machine knows, sorted (Europe/Minsk, Europe/Geneva, ...)."""
    return sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})


def validate_time_zone(value: str) -> None:
    if value not in time_zone_names():
        raise ValidationError(_("Choose a time zone from the list."), code="unknown_time_zone")

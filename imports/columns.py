"""How a cell of an import file becomes a value: each parser returns the value or raises CellError with a message
in the user's language. Lists in one cell are separated by semicolons."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _


class CellError(ValueError):
    pass


# A cell that a spreadsheet computes is refused (paste the values); a leading apostrophe (the portal's own
# downloads neutralise formula-like text with it) is dropped.
FORMULA = re.compile(r"^=")


def clean_text(raw) -> str:
    if raw is None:
        return ""
    if isinstance(raw, (datetime.date, datetime.datetime)):
        return raw.isoformat()
    text = str(raw).strip()
    if text.startswith("'") and len(text) > 1 and text[1] in "=+-@":
        return text[1:]
    if FORMULA.match(text):
        raise CellError(_("“%(text)s” is a formula: paste its value instead.") % {"text": text[:40]})
    return text


def text(max_length: int):
    def parse(raw):
        value = clean_text(raw)
        if len(value) > max_length:
            raise CellError(_("At most %(n)s characters (this cell has %(m)s).") % {"n": max_length, "m": len(value)})
        return value

    return parse


def choice(choices):
    """A code (in_progress) or its label in English or the user's language (In progress)."""

    def parse(raw):
        value = clean_text(raw)
        if not value:
            return ""
        for code, label in choices.choices:
            if value.lower() in (code, str(label).lower()):
                return code
        allowed = ", ".join(choices.values)
        raise CellError(_("“%(value)s” is not one of: %(allowed)s.") % {"value": value[:40], "allowed": allowed})

    return parse


def date(raw):
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    value = clean_text(raw)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CellError(_("“%(value)s” is not a date: write it as 2022-05-17.") % {"value": value[:40]}) from None


def integer(low: int, high: int):
    def parse(raw):
        value = clean_text(raw)
        if value == "":
            return None
        try:
            number = int(float(value)) if re.fullmatch(r"-?\d+(\.0+)?", value) else int(value)
        except ValueError:
            raise CellError(_("“%(value)s” is not a whole number.") % {"value": value[:40]}) from None
        if not low <= number <= high:
            raise CellError(_("%(value)s is outside %(low)s–%(high)s.") % {"value": number, "low": low, "high": high})
        return number

    return parse


def decimal(raw):
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return Decimal(str(raw))
    value = clean_text(raw).replace(" ", "").replace(",", ".")
    if value == "":
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CellError(_("“%(value)s” is not a number.") % {"value": value[:40]}) from None
    if not number.is_finite() or abs(number) >= Decimal("1e13"):
        raise CellError(_("“%(value)s” is not a number the portal keeps.") % {"value": value[:40]})
    return number


def boolean(raw):
    value = clean_text(raw).lower()
    if value in ("", "no", "false", "0", "нет", "не"):
        return False
    if value in ("yes", "true", "1", "да", "так"):
        return True
    raise CellError(_("Write yes or no, not “%(value)s”.") % {"value": value[:40]})


def many(parse_one):
    """Several values in one cell, separated by semicolons."""

    def parse(raw):
        value = clean_text(raw)
        return [parse_one(part) for part in (p.strip() for p in value.split(";")) if part]

    return parse

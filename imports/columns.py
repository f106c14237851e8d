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


# What spreadsheets write between groups of thousands: a space, a no-break space (a Russian-locale Excel),
# a narrow no-break space or a thin space.
GROUP_SPACES = re.compile(r"[ \u00a0\u202f\u2009]")
GROUPED = re.compile(r"-?\d{1,3}(?:[,.]\d{3})+")


def _number_text(written: str) -> str:
    """The number as Decimal reads it (1234.5) from the ways people write it: 1 234,5 / 1,234.5 / 1.234,5.

    A single comma before exactly three digits (1,234) is refused: one thousand two hundred and thirty-four
    in English, one point two three four in Russian.
    """
    value = GROUP_SPACES.sub("", written)
    if "," in value and "." in value:
        decimal_mark = "," if value.rindex(",") > value.rindex(".") else "."
        group_mark = "." if decimal_mark == "," else ","
        whole, _mark, fraction = value.rpartition(decimal_mark)
        if not GROUPED.fullmatch(whole) or group_mark not in whole:
            raise CellError(_("“%(value)s” is not a number.") % {"value": written[:40]})
        return whole.replace(group_mark, "") + "." + fraction
    for mark in ",.":
        if value.count(mark) > 1:  # 1,234,567 or 1.234.567: groups of thousands
            if not GROUPED.fullmatch(value):
                raise CellError(_("“%(value)s” is not a number.") % {"value": written[:40]})
            return value.replace(mark, "")
    if re.fullmatch(r"-?\d{1,3},\d{3}", value):
        raise CellError(
            _(
                "“%(value)s” can be read two ways: write %(whole)s for a whole number or %(fraction)s for a "
                "fraction (no thousands separator, or a space between thousands)."
            )
            % {"value": written[:40], "whole": value.replace(",", ""), "fraction": value.replace(",", ".")}
        )
    return value.replace(",", ".")


def decimal(raw):
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return Decimal(str(raw))
    written = clean_text(raw)
    if written == "":
        return None
    try:
        number = Decimal(_number_text(written))
    except InvalidOperation:
        raise CellError(_("“%(value)s” is not a number.") % {"value": written[:40]}) from None
    if not number.is_finite() or abs(number) >= Decimal("1e13"):
        raise CellError(_("“%(value)s” is not a number the portal keeps.") % {"value": written[:40]})
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

"""Translations of the GCM frame loaded from a file: CSV or XLSX with the columns
kind, key, field, language, text (objectives/data/frame_translations.csv is an example).

kind is "objective" (key: its number), "principle" (key: its letter) or "action" (key: its code,
such as 5(c)); field is one of the kind's translated fields; language is a portal language other
than English (English is the source), except for action summaries: the official English wording
of an action, which the secretariat holds, replaces the portal's own short summary. The whole
file is checked first: one bad row and nothing is changed. Texts loaded as official clear the
"working translation" mark of their language.
"""

import csv
import io
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Action, GuidingPrinciple, Objective

COLUMNS = ["kind", "key", "field", "language", "text"]
FIELDS = {"objective": {"title", "short_name"}, "principle": {"name"}, "action": {"summary"}}


class TranslationFileError(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class Row:
    line: int
    kind: str
    key: str
    field: str
    language: str
    text: str


def read(content: bytes, filename: str) -> list[Row]:
    """The rows of a CSV (UTF-8) or XLSX file; a file that is neither is a TranslationFileError."""
    try:
        if filename.lower().endswith(".xlsx"):
            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
            table = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        else:
            table = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    except Exception as error:  # a damaged or foreign file: say so, change nothing
        raise TranslationFileError([_("The file could not be read: %(error)s") % {"error": error}]) from error
    if not table or [cell.strip().lower() for cell in table[0][:5]] != COLUMNS:
        message = _("The first row must name the columns: %(columns)s.") % {"columns": ", ".join(COLUMNS)}
        raise TranslationFileError([message])
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if any(cells):
            rows.append(Row(number, *[cell.strip() for cell in (cells + [""] * 5)[:5]]))
    return rows


def _targets() -> dict[str, dict[str, object]]:
    return {
        "objective": {str(o.number): o for o in Objective.objects.all()},
        "principle": {p.letter: p for p in GuidingPrinciple.objects.all()},
        "action": {a.code: a for a in Action.objects.select_related("objective")},
    }


def _problem(row: Row, target, languages: set[str]) -> str:
    """What is wrong with the row, or an empty string."""
    values = {"line": row.line, "kind": row.kind, "key": row.key, "field": row.field, "language": row.language}
    if row.kind not in FIELDS:
        return _("Line %(line)s: unknown kind “%(kind)s”.") % values
    if target is None:
        return _("Line %(line)s: no %(kind)s “%(key)s”.") % values
    if row.field not in FIELDS[row.kind]:
        return _("Line %(line)s: “%(field)s” is not translated.") % values
    if row.language not in languages and not (row.kind == "action" and row.language == settings.LANGUAGE_CODE):
        return _("Line %(line)s: “%(language)s” is not a language to translate into.") % values
    if not row.text:
        return _("Line %(line)s: the text is empty.") % values
    return ""


@transaction.atomic
def load(rows: list[Row], *, official: bool) -> int:
    """Store the texts; returns how many were stored. Raises TranslationFileError, changing nothing."""
    languages = set(settings.LANGUAGE_CODES) - {settings.LANGUAGE_CODE}
    targets = _targets()
    found = [(row, targets.get(row.kind, {}).get(row.key)) for row in rows]
    errors = [problem for row, target in found if (problem := _problem(row, target, languages))]
    if errors:
        raise TranslationFileError(errors)
    touched = {}
    for row, target in found:
        setattr(target, f"{row.field}_{row.language}", row.text)
        if hasattr(target, "unofficial_languages"):
            marked = set(target.unofficial_languages.split())
            marked = marked - {row.language} if official else marked | {row.language}
            target.unofficial_languages = " ".join(sorted(marked))
        touched[(type(target), target.pk)] = target
    for target in touched.values():
        target.save()
    return len(found)

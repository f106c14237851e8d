"""Reading an import file, checking every cell, and the plan of what applying it creates and changes.

A file is an XLSX workbook with one sheet per kind of record (named as in the template), one CSV file of one
kind (named after it: assessments.csv), or a ZIP of such CSV files. Nothing is written while checking; applying
writes the whole plan in one transaction, or nothing.
"""

import copy
import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .columns import CellError
from .sheets import SHEET_NAMES, Lookups, Ref, Sheet, sheets

MAX_ROWS = 50_000
# Translated fields (django-modeltranslation): an import writes the English text.
TRANSLATED = {
    "cycles": {"name": "name_en"},
    "consultations": {"title": "title_en", "key_messages": "key_messages_en"},
    "activities": {"title": "title_en", "description": "description_en"},
    "indicators": {"name": "name_en", "unit": "unit_en"},
    "action_statuses": {"note": "note_en"},
}


class FileProblem(Exception):
    """The file as a whole cannot be read (not a workbook, no known sheet, wrong columns)."""


@dataclass
class Problem:
    sheet: str
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class RowPlan:
    row: int
    key: tuple
    label: str
    values: dict
    action: str = "create"  # create, update, unchanged
    changes: list = field(default_factory=list)


@dataclass
class Plan:
    sheets: dict = field(default_factory=dict)  # sheet name -> [RowPlan]
    problems: list = field(default_factory=list)
    notices: list = field(default_factory=list)  # how the file was read, when it is not as the template writes it

    @property
    def summary(self) -> dict:
        return {
            name: {action: sum(r.action == action for r in rows) for action in ("create", "update", "unchanged")}
            for name, rows in self.sheets.items()
        }

    def preview(self, limit: int = 200) -> list[dict]:
        """The rows that change something, as the preview page lists them."""
        lines = []
        for name, rows in self.sheets.items():
            for row in rows:
                if row.action != "unchanged" and len(lines) < limit:
                    lines.append(
                        {
                            "sheet": name,
                            "row": row.row,
                            "action": row.action,
                            "label": row.label,
                            "changes": row.changes,
                        }
                    )
        return lines


def read_tables(content: bytes, filename: str, notices: list | None = None) -> dict[str, list[list]]:
    """{sheet name: rows of cells} of a workbook, a CSV file or a ZIP of CSV files; how a CSV file was read, when
    it is not as the template writes it, is added to `notices`."""
    notices = [] if notices is None else notices
    suffix = PurePath(filename).suffix.lower()
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook

            # Formulas are read as written (=SUM(...)), so that they can be refused, not computed values trusted.
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
            tables = {
                sheet.title.strip().lower(): [list(row) for row in sheet.iter_rows(values_only=True)]
                for sheet in workbook
            }
        elif suffix == ".zip":
            tables = {}
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                for name in archive.namelist():
                    if name.lower().endswith(".csv"):
                        tables[PurePath(name).stem.lower()] = _csv(archive.read(name), PurePath(name).name, notices)
        elif suffix == ".csv":
            tables = {PurePath(filename).stem.lower(): _csv(content, PurePath(filename).name, notices)}
        else:
            raise FileProblem(_("Upload an XLSX workbook, a CSV file or a ZIP of CSV files."))
    except FileProblem:
        raise
    except Exception as error:  # a damaged or foreign file: say so, change nothing
        raise FileProblem(_("The file could not be read: %(error)s") % {"error": error}) from error
    known = {name: rows for name, rows in tables.items() if name in SHEET_NAMES}
    if not known:
        raise FileProblem(
            _("No sheet of the file is named as the template's: %(names)s.") % {"names": ", ".join(SHEET_NAMES)}
        )
    return known


SAVE_AS_UTF8 = gettext_lazy(
    "Save it again as UTF-8: in Excel, File › Save As › “CSV UTF-8 (Comma delimited)”; in LibreOffice, "
    "Save As › Text CSV with “Edit filter settings” and the character set Unicode (UTF-8)."
)


def _csv(content: bytes, name: str, notices: list) -> list[list]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if _looks_like_windows_1251(content):
            message = _("%(name)s is in the Windows-1251 encoding (Cyrillic), not UTF-8.") % {"name": name}
        else:
            message = _("%(name)s is not UTF-8 text.") % {"name": name}
        raise FileProblem(f"{message} {SAVE_AS_UTF8}") from error
    first_line = text.split("\n", 1)[0]
    if ";" in first_line and "," not in first_line:
        # What Excel writes as "CSV" where the decimal mark is a comma (Russian, Belarusian locales).
        notices.append(_("%(name)s was read as separated by semicolons.") % {"name": name})
        return list(csv.reader(io.StringIO(text), delimiter=";"))
    return list(csv.reader(io.StringIO(text)))


def _looks_like_windows_1251(content: bytes) -> bool:
    """Most of the bytes above ASCII are Cyrillic letters in Windows-1251 (0xC0-0xFF)."""
    high = [b for b in content if b >= 0x80]
    return bool(high) and sum(b >= 0xC0 for b in high) / len(high) > 0.8


def check(content: bytes, filename: str, *, progress=None) -> Plan:
    """Every cell checked, every row given its action; problems listed by sheet, row and column."""
    plan = Plan()
    tables = read_tables(content, filename, plan.notices)
    lookups = Lookups()
    for sheet in sheets(lookups):
        if sheet.name not in tables:
            continue
        table = [row for row in tables[sheet.name] if any(cell not in (None, "") for cell in row)]
        if not table:
            continue
        header = [str(cell or "").strip().lower() for cell in table[0]]
        missing = [name for name in sheet.column_names() if name not in header]
        unknown = [name for name in header if name and name not in sheet.column_names()]
        if missing or unknown:
            message = _("The columns must be: %(columns)s.") % {"columns": ", ".join(sheet.column_names())}
            if missing:
                message += " " + _("Missing: %(names)s.") % {"names": ", ".join(missing)}
            if unknown:
                message += " " + _("Unknown: %(names)s.") % {"names": ", ".join(unknown)}
            plan.problems.append(Problem(sheet.name, 1, "", message))
            continue
        if len(table) - 1 > MAX_ROWS:
            plan.problems.append(
                Problem(sheet.name, 1, "", _("At most %(n)s rows per sheet.") % {"n": f"{MAX_ROWS:,}"})
            )
            continue
        plan.sheets[sheet.name] = _check_sheet(sheet, header, table[1:], lookups, plan.problems)
        if progress:
            progress(sheet.name)
    if not plan.sheets and not plan.problems:
        raise FileProblem(_("The file holds no rows."))
    return plan


def _check_sheet(sheet: Sheet, header: list[str], rows: list[list], lookups: Lookups, problems: list) -> list[RowPlan]:
    existing = sheet.existing(lookups)
    planned, seen = [], {}
    for number, cells in enumerate(rows, start=2):
        cells = list(cells) + [None] * (len(header) - len(cells))
        raw = dict(zip(header, cells, strict=False))
        values, ok = {}, True
        for column in sheet.columns:
            cell = raw.get(column.name)
            try:
                value = column.parse(cell)
                if column.required and value in (None, "", []):
                    raise CellError(_("This column must be filled in."))
                values[column.name] = value
            except CellError as error:
                problems.append(Problem(sheet.name, number, column.name, str(error)))
                ok = False
        if not ok:
            continue
        key = sheet.key(values)
        if key in seen:
            problems.append(
                Problem(
                    sheet.name, number, "", _("The same record as row %(row)s: each appears once.") % {"row": seen[key]}
                )
            )
            continue
        seen[key] = number
        row = RowPlan(number, key, sheet.label(values), values)
        record = existing.get(key)
        if not _valid(sheet, record, row, lookups, problems):
            continue
        if record is not None:
            row.changes = _differences(sheet, record, values, lookups)
            row.action = "update" if row.changes else "unchanged"
        else:
            row.changes = [name for name, value in values.items() if value not in (None, "", [])]
        if sheet.registers:
            lookups.pending[sheet.registers].add(key if sheet.registers == "cycle" else key[0])
        planned.append(row)
    return planned


def _field_name(sheet: Sheet, name: str) -> str:
    return TRANSLATED.get(sheet.name, {}).get(name, name)


def _final(sheet: Sheet, name: str, value):
    """A blank choice cell means the field's default; other values as read."""
    if value == "" and name not in sheet.m2m:
        model_field = sheet.model._meta.get_field(_field_name(sheet, name))
        if model_field.choices and model_field.has_default():
            return model_field.get_default()
    return value


def _differences(sheet: Sheet, record, values: dict, lookups: Lookups) -> list[str]:
    changed = []
    for name, value in values.items():
        value = _final(sheet, name, value)
        if name in sheet.m2m:
            wanted = {lookups.resolve(v).pk for v in value}
            if {o.pk for o in getattr(record, name).all()} != wanted:
                changed.append(name)
            continue
        if isinstance(value, Ref):
            value = lookups.resolve(value)
        current = getattr(record, _field_name(sheet, name))
        if isinstance(value, models.Model) or isinstance(current, models.Model):
            if getattr(current, "pk", None) != getattr(value, "pk", None):
                changed.append(name)
        elif (current if current is not None else "") != (value if value is not None else ""):
            changed.append(name)
    return changed


def apply(plan: Plan, *, by, reason: str, progress=None) -> dict:
    """Write the plan in one transaction: everything or, on any error, nothing."""
    if plan.problems:
        raise FileProblem(_("The file has problems: nothing was applied."))
    done = {}
    with transaction.atomic():
        lookups = Lookups()
        for sheet in sheets(lookups):
            rows = plan.sheets.get(sheet.name, [])
            if not rows:
                continue
            existing = sheet.existing(lookups)
            for row in rows:
                if row.action == "unchanged":
                    continue
                _write(sheet, existing.get(row.key), row, lookups, by=by, reason=reason)
            done[sheet.name] = sum(r.action != "unchanged" for r in rows)
            lookups.reload()  # later sheets refer to the cycles and indicators just written
            if progress:
                progress(sheet.name)
    return done


def _assigned(sheet: Sheet, record, values: dict, lookups: Lookups, *, copy_record: bool = True) -> tuple:
    """(record with the row's values, {m2m name: objects}, field names left out because their record is yet to be
    created by this file). Checking works on a copy of an existing record, so that it never changes what a page
    shows; applying writes the record itself."""
    if record is None:
        record = sheet.model()
    elif copy_record:
        record = copy.copy(record)
    many, pending = {}, []
    for name, value in values.items():
        if name in sheet.m2m:
            many[name] = value
            continue
        value = _final(sheet, name, value)
        if isinstance(value, Ref) and not lookups.exists(value):
            pending.append(sheet.model._meta.get_field(name).name)
            continue
        setattr(record, _field_name(sheet, name), lookups.resolve(value))
    return record, many, pending


def _valid(sheet: Sheet, record, row: RowPlan, lookups: Lookups, problems: list) -> bool:
    """The model's own rules (lengths, dates in order, constraints) on the row, named by column."""
    candidate, _many, pending = _assigned(sheet, record, row.values, lookups)
    # Only what the row writes is checked (with the constraints on it); bookkeeping is the importer's.
    written = {
        sheet.model._meta.get_field(_field_name(sheet, name)).name for name in row.values if name not in sheet.m2m
    }
    others = [f.name for f in sheet.model._meta.concrete_fields if f.name not in written]
    try:
        candidate.full_clean(exclude=pending + others, validate_unique=False)
    except ValidationError as error:
        columns = {_field_name(sheet, n): n for n in row.values}
        for name, messages in error.message_dict.items():
            for message in messages:
                problems.append(
                    Problem(sheet.name, row.row, columns.get(name, "" if name == "__all__" else name), message)
                )
        return False
    return True


def _write(sheet: Sheet, record, row: RowPlan, lookups: Lookups, *, by, reason: str) -> None:
    # Every record the row refers to exists by now (earlier sheets were written first): nothing is left out.
    record, many, _pending = _assigned(sheet, record, row.values, lookups, copy_record=False)
    if hasattr(record, "updated_by"):
        record.updated_by = by
    if hasattr(record, "proposed_by") and record.pk is None:
        record.proposed_by = by
    if hasattr(record, "created_by") and record.pk is None:
        record.created_by = by
    record._change_reason = reason  # the history says where the change came from
    record._history_user = by
    record.save()
    for name, objects in many.items():
        manager = getattr(record, name)
        if {o.pk for o in manager.all()} != {o.pk for o in objects}:
            manager.set(objects)

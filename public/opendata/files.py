"""The files of an open-data download: CSV files in a zip with their Data Package, JSON, XLSX and SDMX."""

import csv
import datetime
import io
import json
import zipfile
from decimal import Decimal

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from drafts.models import Publication
from uncnm_portal.spreadsheets import _safe

from . import package, sdmx
from .columns import LIST_DELIMITER, Column, Table, plain_number
from .tables import tables

FORMATS = ("csv", "json", "xlsx", "sdmx")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "yyyy-mm-dd"


def _plain(value):
    """A cell for CSV and JSON: numbers without trailing zeros, ISO dates, text as is."""
    if isinstance(value, Decimal):
        return plain_number(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value


def _json_value(column: Column, value):
    """A JSON value of the column's type: numbers as numbers, lists as arrays, no value as null."""
    if value is None or value == "":
        return [] if column.type == "list" else None
    if column.type == "number":
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)
    if column.type == "list":
        items = str(value).split(LIST_DELIMITER)
        return [int(i) for i in items] if column.item_type == "integer" else items
    return _plain(value)


def _spreadsheet_cell(value):
    """A cell for CSV: text that a spreadsheet would run as a formula is neutralised."""
    if isinstance(value, str):
        return _safe(value)
    return _plain(value)


def _xlsx_cell(column: Column, value):
    """A cell of the workbook as its type: dates as dates, numbers as numbers, a single objective as a number."""
    if value is None or value == "":
        return None
    if column.type == "date":
        return value
    if column.type in ("integer", "number"):
        return int(value) if column.type == "integer" else float(value)
    if column.type == "list" and column.item_type == "integer" and str(value).isdigit():
        return int(value)
    return _spreadsheet_cell(value)


def _csv(table: Table) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    writer.writerows([_spreadsheet_cell(v) for v in row] for row in table.rows)
    return "\ufeff" + text.getvalue()


def _licence_rows(facts: dict) -> list[list[str]]:
    return [
        ["title", facts["title"]],
        ["publisher", facts["publisher"]],
        ["published", facts["published"] or ""],
        ["licence", facts["licence"]["name"]],
        ["licence_url", facts["licence"]["url"]],
        ["citation", _("Cite the source when you use these data.")],
    ]


def _licence_text(facts: dict) -> str:
    return (
        f"{facts['title']}\n{facts['publisher']}\n\n"
        + _("Licence: %(name)s (%(url)s). Cite the source when you use these data.") % facts["licence"]
        + "\n"
    )


def _sheet(workbook: Workbook, table: Table) -> None:
    sheet = workbook.create_sheet(table.name[:31])
    sheet.append([c.name for c in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_xlsx_cell(c, v) for c, v in zip(table.columns, row, strict=True)])
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        if column.type == "date":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = DATE_FORMAT
        sheet.column_dimensions[letter].width = max(12, min(60, len(column.name) + 4))
    sheet.freeze_panes = "A2"


def _workbook(found: list[Table], facts: dict) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in [*found, package.dictionary(found)]:
        _sheet(workbook, table)
    licence = Table("licence", "", [Column("field", ""), Column("value", "")], _licence_rows(facts))
    _sheet(workbook, licence)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def response(request: HttpRequest, publication: Publication, fmt: str) -> HttpResponse:
    language = get_language()
    cycle = publication.cycle
    if fmt == "sdmx":
        body = sdmx.data_csv(publication).encode()
        return _download(body, "text/csv; charset=utf-8", f"uncnm-{cycle.level}-{cycle.year}.sdmx.csv")
    stem = f"uncnm-{cycle.level}-{cycle.year}-{language}"
    found = tables(publication, language)
    facts = package.about(publication)
    if fmt == "json":
        dictionary = package.dictionary(found)
        document = {
            **facts,
            "dictionary": [dict(zip([c.name for c in dictionary.columns], r, strict=True)) for r in dictionary.rows],
            "schemas": package.schemas(found),
            "tables": {
                t.name: [{c.name: _json_value(c, v) for c, v in zip(t.columns, row, strict=True)} for row in t.rows]
                for t in found
            },
        }
        body = json.dumps(document, ensure_ascii=False, indent=1).encode()
        return _download(body, "application/json", f"{stem}.json")
    if fmt == "xlsx":
        return _download(_workbook(found, facts), XLSX, f"{stem}.xlsx")
    page = request.build_absolute_uri(reverse("public:cycle", args=[cycle.pk]))
    descriptor = package.descriptor(publication, stem, found, page_url=page)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for table in [*found, package.dictionary(found)]:
            zipped.writestr(f"{table.name}.csv", _csv(table))
        zipped.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=1))
        zipped.writestr("LICENCE.txt", _licence_text(facts))
    return _download(archive.getvalue(), "application/zip", f"{stem}-csv.zip")


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

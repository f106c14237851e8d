"""The open-data downloads open in a spreadsheet program (LibreOffice Calc, headless) with their values intact."""

import csv
import io
import zipfile

import pytest
from django.test import Client
from django.urls import reverse

from tests.checkers import libreoffice_convert

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]

# Every sheet to its own UTF-8 CSV file (the last field: -1 = all sheets).
ALL_SHEETS_AS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def test_the_workbook_opens_in_libreoffice_with_its_numbers(world, tmp_path):
    response = Client().get(reverse("public:download", args=[world.published.pk, "xlsx"]))
    workbook = tmp_path / "open-data.xlsx"
    workbook.write_bytes(response.content)
    written = {p.name: p for p in libreoffice_convert(workbook, ALL_SHEETS_AS_CSV, tmp_path / "out")}
    observations = list(csv.DictReader(io.StringIO(written["open-data-observations.csv"].read_text())))
    assert [(o["year"], o["value"]) for o in observations] == [("2027", "40"), ("2028", "45.5"), ("2029", "-1.5")]
    activities = list(csv.DictReader(io.StringIO(written["open-data-activities.csv"].read_text())))
    assert activities[0]["lead_organisation"].endswith('=HYPERLINK("http://evil.example")')  # text, not a link
    assert "open-data-dictionary.csv" in written and "open-data-licence.csv" in written


def test_a_csv_file_of_the_zip_opens_in_libreoffice(world, tmp_path):
    response = Client().get(reverse("public:download", args=[world.published.pk, "csv"]))
    with zipfile.ZipFile(io.BytesIO(response.content)) as zipped:
        (tmp_path / "objective_statuses.csv").write_bytes(zipped.read("objective_statuses.csv"))
    # What Calc's text import dialog offers for the file: comma-separated, UTF-8 (76).
    written = libreoffice_convert(
        tmp_path / "objective_statuses.csv", "xlsx", tmp_path / "out", infilter="CSV:44,34,76"
    )
    from openpyxl import load_workbook

    rows = list(load_workbook(written[0]).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("objective", "objective_title")
    assert rows[1][0] == 1 and rows[1][2] == "advanced"

"""Numbers and CSV files as ministries send them: thousands separators of each locale, no-break spaces, semicolon
CSV from a Russian-locale Excel, Windows-1251 files; messages quote the cell as it was written."""

from decimal import Decimal

import pytest
from django.urls import reverse

from imports.columns import CellError, decimal
from objectives.models import IndicatorObservation
from tests.factories import IndicatorFactory

from .test_import import upload

pytestmark = pytest.mark.django_db

NBSP, NARROW_NBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("1234.5", "1234.5"),
        ("12,5", "12.5"),  # a decimal comma
        ("-0,25", "-0.25"),
        (f"1{NBSP}234,5", "1234.5"),  # what a Russian-locale Excel writes
        (f"1{NARROW_NBSP}234{NARROW_NBSP}567", "1234567"),
        ("1 234 567,89", "1234567.89"),
        ("1,234.5", "1234.5"),  # English thousands and decimal point
        ("1.234,5", "1234.5"),  # German, Russian in print
        ("1,234,567", "1234567"),
        ("1.234.567", "1234567"),
        (4500, "4500"),  # a number cell of a workbook
        (45.5, "45.5"),
    ],
)
def test_numbers_are_read_as_their_writer_meant(written, value):
    assert decimal(written) == Decimal(value)


@pytest.mark.parametrize(
    ("written", "quoted"),
    [
        ("1,234", "“1,234” can be read two ways: write 1234 for a whole number or 1.234 for a fraction"),
        ("-12,500", "“-12,500” can be read two ways"),
        (f"1{NBSP}23x", f"“1{NBSP}23x” is not a number."),  # quoted as written, not as the portal cleaned it
        ("1,23,4.5", "“1,23,4.5” is not a number."),
        ("1.234.5", "“1.234.5” is not a number."),
    ],
)
def test_an_ambiguous_or_wrong_number_is_refused_quoting_the_cell_as_written(written, quoted):
    with pytest.raises(CellError) as refused:
        decimal(written)
    assert quoted in str(refused.value)


def test_a_semicolon_csv_with_decimal_commas_is_read_and_says_how(secretariat, login, run_jobs):
    indicator = IndicatorFactory(code="BY-SEMI")
    content = f"indicator;year;value;disaggregation;source\r\nBY-SEMI;2026;1{NBSP}234,5;;Belstat\r\n".encode()
    client = login(secretariat)
    job = upload(client, run_jobs, content, "observations.csv")
    assert job.status == "checked", job.problems
    assert job.notices == ["observations.csv was read as separated by semicolons."]
    page = client.get(job.get_absolute_url()).content.decode()
    assert "observations.csv was read as separated by semicolons." in page
    run_jobs(lambda: client.post(reverse("imports:import-apply", args=[job.pk])))
    assert IndicatorObservation.objects.get(indicator=indicator, year=2026).value == Decimal("1234.5")


def test_a_windows_1251_csv_is_refused_with_how_to_save_it_as_utf8(secretariat, login, run_jobs):
    IndicatorFactory(code="BY-1251")
    content = "indicator,year,value,disaggregation,source\r\nBY-1251,2026,15,,Белстат\r\n".encode("cp1251")
    job = upload(login(secretariat), run_jobs, content, "observations.csv")
    assert job.status == "invalid"
    message = job.problems[0]["message"]
    assert "observations.csv is in the Windows-1251 encoding" in message
    assert "CSV UTF-8 (Comma delimited)" in message and not IndicatorObservation.objects.filter(year=2026).exists()

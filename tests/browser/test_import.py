"""A secretariat officer imports an earlier review from the XLSX template: a file with errors is refused and says
where, the corrected file is previewed, applied, and its data is on the objective page and in the history."""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def filled(template: bytes, *, status: str) -> bytes:
    book = load_workbook(io.BytesIO(template))
    book["cycles"].append(
        [
            "regional",
            2028,
            "Third UNECE regional review (2028)",
            "UNECE, Geneva",
            "2028-03-10",
            "2028-03-10",
            "2027-09-01",
            "2027-12-15",
            "2028-01-31",
            "closed",
        ]
    )
    book["assessments"].append(
        ["regional 2028", 6, status, "Work permits are issued online.", "", "", "", "", "en", "yes", "", "", ""]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_review_is_imported_from_the_template(page, tmp_path, eager_celery):
    """The import's jobs run in the server's process (the embedded default), whatever the environment's broker."""
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    log_in(page, "anna", TEST_PASSWORD)
    page.get_by_role("button", name="Administration").click()
    page.get_by_role("link", name="Import earlier reviews").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="XLSX workbook with every sheet and a guide").click()
    template = download.value.path().read_bytes()

    wrong = tmp_path / "review-2028.xlsx"
    wrong.write_bytes(filled(template, status="great"))
    page.get_by_label("File to import").set_input_files(str(wrong))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("1 problem: nothing will be imported until the file is corrected")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="“great” is not one of")
    expect(row).to_contain_text("assessments")
    expect(row).to_contain_text("status")
    expect(page.get_by_role("button", name="Apply the import")).to_have_count(0)

    page.get_by_role("link", name="Imports").click()
    right = tmp_path / "review-2028-corrected.xlsx"
    right.write_bytes(filled(template, status="advanced"))
    page.get_by_label("File to import").set_input_files(str(right))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("What applying the file will do")).to_be_visible()
    expect(page.get_by_text("regional 2028 · 6")).to_be_visible()
    page.get_by_role("button", name="Apply the import").click()
    expect(page.get_by_text("The history of each record says")).to_be_visible(timeout=20_000)

    page.goto("/objectives/6/")
    page.get_by_role("link", name="Third UNECE regional review (2028)").click()
    expect(page.get_by_text("Work permits are issued online.")).to_be_visible()
    page.get_by_role("link", name="History").first.click()
    expect(page.get_by_text("Imported from review-2028-corrected.xlsx").first).to_be_visible()

"""A staff member exports a review draft and watches it being built by a real worker."""

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, AssessmentFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_staff_member_exports_and_downloads_the_draft(page, celery_workers):
    celery_workers.start(app="tests.slow_celery", SLOW_EXPORT_STAGE="1")  # slow enough to watch the stages
    cycle = ReviewCycleFactory(year=2030, level="global", name="Third International Migration Review Forum")
    AssessmentFactory(cycle=cycle)
    UserFactory(username="olga", role=Role.AGENCY_STAFF)

    log_in(page, "olga", TEST_PASSWORD)
    page.goto(f"/cycles/{cycle.pk}/exports/")
    page.get_by_role("button", name="Export").click()
    expect(page).to_have_url(re.compile(r"/exports/\d+/$"))
    page.evaluate("window.notReloaded = true")

    bar = page.get_by_role("progressbar", name="Export progress")
    expect(page.locator("#export-stage")).to_have_text(re.compile("Collecting data|Rendering"), timeout=20_000)
    expect(bar).to_have_attribute("aria-valuenow", "100", timeout=30_000)
    expect(page.locator("#export-status")).to_have_text("Done")
    assert page.evaluate("window.notReloaded") is True  # the page followed the job without reloading

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    pdf = PdfReader(download_info.value.path())
    assert "Third International Migration Review Forum" in " ".join(pdf.pages[0].extract_text().split())

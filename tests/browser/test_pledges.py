"""A focal point proposes a pledge for their ministry; the secretariat validates it, reports its progress in the
review, and the draft lists it in its next steps and annex."""

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, OrganisationFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_pledge_is_proposed_validated_reported_and_drafted(browser, live_server, page, eager_celery):
    """The export runs in the server's process (the embedded default), whatever the environment's broker."""
    cycle = ReviewCycleFactory(year=2030, name="Third regional review (2030)")
    ministry = OrganisationFactory(name="Ministry of Labour and Social Protection", acronym="MLSP", kind="government")
    UserFactory(username="olga", role=Role.FOCAL_POINT, organisation=ministry)
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)

    log_in(page, "olga", TEST_PASSWORD)
    page.get_by_role("button", name="Registers").click()
    page.get_by_role("link", name="Pledges", exact=True).click()
    page.get_by_role("link", name="Propose a pledge").click()
    expect(page.get_by_label("Pledging entity")).to_be_disabled()
    page.get_by_label("Title").fill("Pre-departure orientation for labour migrants")
    page.get_by_label("Description").fill("Orientation sessions in every region before departure.")
    page.get_by_label("Nature").select_option(label="Human resources")
    pick(page, "GCM objectives", "Objective 6: Recruitment and decent work")
    page.get_by_label("Due").fill("2031-06-30")
    page.get_by_role("button", name="Propose").click()
    expect(page.get_by_text("was proposed: the secretariat validates it")).to_be_visible()
    expect(page.get_by_text("Proposed", exact=True)).to_be_visible()

    secretariat = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    log_in(secretariat, "anna", TEST_PASSWORD)
    secretariat.goto("/pledges/?status=proposed")
    secretariat.get_by_role("link", name="Pre-departure orientation for labour migrants").click()
    secretariat.get_by_role("button", name="Validate the pledge").click()
    expect(secretariat.get_by_text("is validated")).to_be_visible()

    secretariat.goto(f"/cycles/{cycle.pk}/")
    secretariat.get_by_role("link", name="Progress of the GCM pledges in this review").click()
    secretariat.get_by_label("Status of the pledge Pre-departure orientation for labour migrants").select_option(
        label="On track"
    )
    secretariat.get_by_label("Progress of the pledge Pre-departure orientation for labour migrants").fill(
        "Sessions held in four regions."
    )
    secretariat.get_by_role("button", name="Save the pledges' progress").click()
    expect(secretariat.get_by_text("The progress of 1 pledge was saved.")).to_be_visible()

    page.reload()
    expect(page.get_by_text("Progress reported", exact=True)).to_be_visible()
    expect(page.get_by_text("Sessions held in four regions.", exact=False)).to_be_visible()

    secretariat.goto(f"/cycles/{cycle.pk}/exports/")
    secretariat.get_by_role("button", name="Export").click()
    expect(secretariat).to_have_url(re.compile(r"/exports/\d+/$"))
    expect(secretariat.locator("#export-status")).to_have_text("Done", timeout=60_000)
    with secretariat.expect_download() as download:
        secretariat.get_by_role("link", name="Download the PDF").click()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(download.value.path()).pages).split())
    assert "Annex 7. GCM pledges" in text
    assert "Pre-departure orientation for labour migrants" in text and "Sessions held in four regions." in text
    secretariat.context.close()

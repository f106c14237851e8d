"""The sign-off in real Chromium: the secretariat marks a version and sends it for review, the lead ministry's
focal point comments on a section and validates it, the secretariat submits it; the submitted PDF is frozen."""

import hashlib

import pytest
from playwright.sync_api import expect

from drafts.models import DraftVersion
from objectives.models import Objective
from reviews.models import ObjectiveAssessment
from stakeholders.models import Organisation, Role
from tests.factories import (
    TEST_PASSWORD,
    AssessmentFactory,
    OrganisationFactory,
    ReviewCycleFactory,
    UserFactory,
    finished_export,
)

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_version_is_reviewed_validated_by_the_ministry_and_submitted(browser, live_server, page):
    ministry = OrganisationFactory(
        name="Ministry of Internal Affairs", acronym="MIA", kind=Organisation.Kind.GOVERNMENT
    )
    cycle = ReviewCycleFactory(year=2030, level="global", name="Third IMRF (2030)", lead_organisation=ministry)
    AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=1), achievements="A data hub was set up.")
    export = finished_export(cycle=cycle, objectives=[Objective.objects.get(number=1)])
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    UserFactory(username="pavel", role=Role.FOCAL_POINT, organisation=ministry)

    log_in(page, "anna", TEST_PASSWORD)
    page.goto(export.get_absolute_url())
    page.get_by_role("button", name="Mark as a version of the draft").click()
    expect(page.get_by_text("The draft was marked as version v0.1.")).to_be_visible()
    page.get_by_role("button", name="Send for review").click()
    expect(page.locator("#version-status")).to_have_text("Under review")

    ministry_page = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    log_in(ministry_page, "pavel", TEST_PASSWORD)
    ministry_page.goto(cycle.get_absolute_url())
    ministry_page.get_by_role("link", name="v0.1").click()
    ministry_page.get_by_label("Section").select_option(label="Methodology and process of preparing the review")
    ministry_page.get_by_role("textbox", name="Comment").fill("Name the members of the working group.")
    ministry_page.get_by_role("button", name="Add the comment").click()
    expect(ministry_page.get_by_text("Name the members of the working group.")).to_be_visible()
    ministry_page.get_by_label("Reference of the validation").fill("Letter No. 12/345")
    ministry_page.get_by_role("button", name="Validate on behalf of Ministry of Internal Affairs (MIA)").click()
    expect(ministry_page.locator("#version-status")).to_have_text("Validated by the Government")
    ministry_page.context.close()

    page.reload()
    expect(page.get_by_text("Name the members of the working group.")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="The checklist has")).to_be_visible()
    page.get_by_role("button", name="Record the submission").click()
    expect(page.get_by_text("fix them, or say why the version is submitted anyway")).to_be_visible()
    page.get_by_label("Reason for submitting with open checklist items").fill("Filed before the deadline.")
    page.get_by_role("button", name="Record the submission").click()
    expect(page.locator("#version-status")).to_have_text("Submitted")
    expect(page.get_by_text("Frozen: the files below stay as submitted")).to_be_visible()

    ObjectiveAssessment.objects.filter(cycle=cycle).update(achievements="Edited after the submission.")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    submitted = DraftVersion.objects.get()
    digest = hashlib.sha256(download_info.value.path().read_bytes()).hexdigest()
    assert digest == submitted.export.pdf_sha256
    page.goto(cycle.get_absolute_url())
    expect(page.get_by_text("Version v0.1 was submitted on")).to_be_visible()

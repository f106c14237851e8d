"""Each role starts at "My work" after logging in and completes its main task from there, in real Chromium
(the focal point's journey is in test_inputs.py)."""

import re

import pytest
from playwright.sync_api import expect

from inputs.models import Input
from objectives.models import Activity
from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, ActivityFactory, AssignmentFactory, OrganisationFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def log_in_to_my_work(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")


def test_the_secretariat_reviews_a_submitted_input_from_my_work(page):
    ministry = OrganisationFactory(name="Ministry of Labour and Social Protection", acronym="MLSP")
    assignment = AssignmentFactory(
        organisation=ministry, objective_id=6, with_input={"status": "submitted", "measures": "Agencies licensed."}
    )
    UserFactory(username="anna", role=Role.SECRETARIAT)
    log_in_to_my_work(page, "anna")
    waiting = page.get_by_role("region", name=re.compile("Inputs waiting for your review"))
    waiting.get_by_role("link", name=re.compile("MLSP")).click()
    expect(page.get_by_text("Agencies licensed.")).to_be_visible()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("alert")).to_contain_text("The input was accepted")
    assert Input.objects.get(pk=assignment.input.pk).status == Input.Status.ACCEPTED
    page.get_by_role("link", name="My work").click()
    expect(page.get_by_role("link", name=re.compile("MLSP"))).to_have_count(0)


def test_agency_staff_bring_an_activity_up_to_date_from_my_work(page):
    agency = OrganisationFactory(name="International Organization for Migration", acronym="IOM", kind="un")
    activity = ActivityFactory(title="Labour migration helpline", lead_organisation=agency, status="ongoing")
    UserFactory(username="ivan", role=Role.AGENCY_STAFF, organisation=agency)
    log_in_to_my_work(page, "ivan")
    page.get_by_role("link", name="Labour migration helpline").click()
    page.get_by_role("link", name="Edit").click()
    page.get_by_label("Status").select_option(label="Completed")
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.get_by_role("alert")).to_contain_text("The activity was saved.")
    assert Activity.objects.get(pk=activity.pk).status == Activity.Status.COMPLETED
    page.get_by_role("link", name="My work").click()
    expect(page.get_by_text("No planned or ongoing activity.")).to_be_visible()


def test_an_observer_reads_a_recently_accepted_input_from_my_work(page):
    ministry = OrganisationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    AssignmentFactory(
        organisation=ministry, objective_id=11, with_input={"status": "accepted", "measures": "Border posts upgraded."}
    )
    UserFactory(username="oleg", role=Role.OBSERVER)
    log_in_to_my_work(page, "oleg")
    accepted = page.get_by_role("region", name="Recently accepted inputs")
    accepted.get_by_role("link", name=re.compile("MIA")).click()
    expect(page.get_by_text("Border posts upgraded.")).to_be_visible()

"""The secretariat's journey through progress tracking, in real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, AssessmentFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_secretariat_edits_tracks_actions_sees_dashboard_restores_and_meets_a_conflict(browser, live_server, page):
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF (2030)", level="global")
    AssessmentFactory(cycle=cycle, status="early", achievements="Earlier text about the data hub")
    UserFactory(username="anna", role=Role.SECRETARIAT, first_name="Anna", last_name="Kovalenko")
    UserFactory(username="pavel", role=Role.SECRETARIAT)
    edit_path = f"/objectives/1/cycles/{cycle.pk}/edit/"

    # A colleague opens the same assessment first, in a browser of their own.
    colleague_context = browser.new_context(base_url=live_server.url)
    colleague = colleague_context.new_page()
    log_in(colleague, "pavel", TEST_PASSWORD)
    expect(colleague.get_by_role("heading", level=1)).to_contain_text("23 objectives")
    colleague.goto(edit_path)

    log_in(page, "anna", TEST_PASSWORD)
    page.get_by_role("link", name=re.compile("Data")).first.click()
    page.get_by_role("link", name="Third IMRF (2030)").click()
    page.get_by_role("link", name="Edit assessment").click()
    page.get_by_label("Progress status").select_option("advanced")
    page.get_by_label("Key achievements").fill("A national migration data hub now publishes **monthly** figures.")
    page.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_role("alert")).to_contain_text("The assessment was saved.")
    expect(page.locator("main strong", has_text="monthly")).to_be_visible()

    page.get_by_role("link", name="Edit action statuses").click()
    page.get_by_label("Status of 1(a)").select_option("completed")
    page.get_by_label("Note on 1(a)").fill("Data hub launched")
    page.get_by_label("Status of 1(b)").select_option("ongoing")
    page.get_by_label("Status of 1(c)").select_option("planned")
    page.get_by_role("button", name="Save action statuses").click()
    expect(page.get_by_role("alert")).to_contain_text("3 action statuses were saved.")
    expect(page.get_by_role("row", name=re.compile(r"1\(a\) Completed Data hub launched"))).to_be_visible()

    page.get_by_role("link", name="Dashboard").click()
    coverage = page.locator("table.matrix").first
    expect(coverage.get_by_role("row", name=re.compile(r"^1\. Data")).locator(".status")).to_have_text("Advanced")

    # The colleague saves on top of the version they loaded: the conflict page, nothing overwritten.
    colleague.get_by_label("Key achievements").fill("The colleague's own wording")
    colleague.get_by_role("button", name="Save assessment").click()
    expect(colleague.get_by_role("heading", name=re.compile("Someone else saved this assessment"))).to_be_visible()
    expect(colleague.get_by_role("cell", name=re.compile("monthly"))).to_be_visible()
    expect(colleague.get_by_label("Key achievements")).to_have_value("The colleague's own wording")
    colleague_context.close()

    page.goto(f"/objectives/1/cycles/{cycle.pk}/")
    page.get_by_role("link", name="History", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("History of")
    expect(page.locator("ins", has_text="monthly")).to_be_visible()
    page.get_by_role("link", name="Restore from this version").last.click()
    # A confirmation first: the fields that differ, each ticked, today's text beside that version's.
    expect(page.get_by_role("heading", level=1)).to_contain_text("Restore from the version of")
    expect(page.get_by_role("checkbox", name="Key achievements")).to_be_checked()
    expect(page.locator("del strong", has_text="monthly")).to_be_visible()  # rendered Markdown, marked
    page.get_by_role("button", name="Restore the ticked fields").click()
    expect(page.get_by_role("alert")).to_contain_text("were restored from the version of")
    page.goto(f"/objectives/1/cycles/{cycle.pk}/")
    expect(page.get_by_text("Earlier text about the data hub")).to_be_visible()
    expect(page.locator("main .status").first).to_have_text("Early stage")

"""The secretariat records a national plan in the policy register, adds a measure and reports it
implemented in a cycle; an observer reads the register."""

import pytest
from playwright.sync_api import expect

from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, ReviewCycleFactory, UserFactory

from .conftest import log_in, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_plan_and_its_measure_are_recorded_and_followed_in_a_cycle(browser, live_server, page):
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF (2030)")
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    UserFactory(username="oleg", role=Role.OBSERVER)
    log_in(page, "anna", TEST_PASSWORD)

    page.get_by_role("button", name="Registers").click()
    page.get_by_role("link", name="Policies", exact=True).click()
    page.get_by_role("link", name="Add an instrument").click()
    page.get_by_label("Kind").select_option(label="Action plan or programme")
    page.get_by_label("Title (in English)").fill("National action plan on migration 2030-2034")
    page.get_by_label("Adopted on").fill("2029-11-01")
    pick(page, "Objectives served", "Objective 6: Recruitment and decent work")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("was added to the policy register")).to_be_visible()

    page.get_by_role("link", name="Add a measure").click()
    page.get_by_label("Number").fill("1.1")
    page.get_by_label("Measure (in English)").fill("Publish a register of licensed recruitment agencies")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("cell", name="Publish a register of licensed recruitment agencies")).to_be_visible()

    page.goto(f"/cycles/{cycle.pk}/plans/")
    page.get_by_label("Status of measure 1.1").select_option(label="Implemented")
    page.get_by_role("button", name="Save measure statuses").click()
    expect(page.get_by_text("1 of 1 measures implemented (100 %)")).to_be_visible()

    reader = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    log_in(reader, "oleg", TEST_PASSWORD)
    reader.goto("/policies/?kind=action_plan")
    expect(reader.get_by_role("link", name="National action plan on migration 2030-2034")).to_be_visible()
    expect(reader.get_by_role("link", name="Add an instrument")).to_have_count(0)
    reader.context.close()

"""Pickers keep selections: chosen items are chips, added and removed one at a time, by keyboard alone."""

import re

import pytest
from playwright.sync_api import expect

from objectives.models import Action, Activity
from reviews.models import ObjectiveAssessment
from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, AssessmentFactory, OrganisationFactory, ReviewCycleFactory, UserFactory

from .conftest import first_offered, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def chips(page, label: str):
    """The chosen items of the picker labelled `label`, as the page shows them."""
    return page.locator(".ts-wrapper", has=page.get_by_role("combobox", name=label)).locator(".item")


def test_keyboard_user_adds_and_removes_lead_organisations_without_losing_one(page):
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF (2030)", level="global")
    mia = OrganisationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    mlsp = OrganisationFactory(name="Ministry of Labour and Social Protection", acronym="MLSP")
    OrganisationFactory(name="Ministry of Foreign Affairs", acronym="MFA")
    unhcr = OrganisationFactory(name="UN Refugee Agency", acronym="UNHCR", kind="un")
    assessment = AssessmentFactory(cycle=cycle, status="early")
    assessment.lead_organisations.set([mia, mlsp])
    UserFactory(username="anna", role=Role.SECRETARIAT)

    log_in(page, "anna", TEST_PASSWORD)
    page.goto(f"/objectives/1/cycles/{cycle.pk}/edit/")
    lead = page.get_by_role("combobox", name="Lead organisations")
    expect(chips(page, "Lead organisations")).to_have_count(2)

    # Tab through the picker (no mouse): each chip's remove button, then the search field.
    page.get_by_role("combobox", name="Guiding principles addressed").focus()
    # Tab once the list has opened, as a user sees it: a Tab within the same moment as the focus
    # was taken back by the picker on a slow machine (CPU_THROTTLE=4).
    expect(page.get_by_role("listbox", name="Guiding principles addressed")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Remove Ministry of Internal Affairs (MIA)")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Remove Ministry of Labour and Social Protection (MLSP)")).to_be_focused()
    page.keyboard.press("Tab")
    expect(lead).to_be_focused()
    # Type part of a name, Enter: a third chip; the two stay.
    page.keyboard.type("Refugee")
    first_offered(page, "Lead organisations", "UN Refugee Agency")
    page.keyboard.press("Enter")
    expect(chips(page, "Lead organisations")).to_have_count(3)
    # The arrow keys only move through the list: nothing chosen is replaced.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Escape")
    expect(chips(page, "Lead organisations")).to_have_count(3)
    # Backspace removes the one chip before the cursor (the last added), and only it.
    page.keyboard.press("Backspace")
    expect(chips(page, "Lead organisations")).to_have_text([re.compile("MIA"), re.compile("MLSP")])
    page.keyboard.type("UNHCR")
    first_offered(page, "Lead organisations", "UNHCR")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")

    page.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_role("alert")).to_contain_text("The assessment was saved.")
    saved = ObjectiveAssessment.objects.get(pk=assessment.pk)
    assert set(saved.lead_organisations.all()) == {mia, mlsp, unhcr}

    # A chip's remove button, reached by keyboard, takes that one organisation away.
    page.goto(f"/objectives/1/cycles/{cycle.pk}/edit/")
    page.get_by_role("button", name="Remove Ministry of Labour and Social Protection (MLSP)").focus()
    page.keyboard.press("Enter")
    expect(chips(page, "Lead organisations")).to_have_count(2)
    page.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_role("alert")).to_contain_text("The assessment was saved.")
    assert set(saved.lead_organisations.all()) == {mia, unhcr}


def test_the_actions_offered_follow_the_objectives_chosen(page):
    staff_org = OrganisationFactory(name="International Organization for Migration", acronym="IOM", kind="un")
    UserFactory(username="ivan", role=Role.AGENCY_STAFF, organisation=staff_org)
    log_in(page, "ivan", TEST_PASSWORD)
    page.goto("/activities/new/")
    page.get_by_label("Title (in English)").fill("Data hub")
    objectives = page.get_by_role("combobox", name="Objectives")
    objectives.click()
    objectives.type("Objective 1:")
    first_offered(page, "Objectives", "Objective 1:")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")

    actions = page.get_by_role("combobox", name="Actions")
    actions.click()
    listbox = page.get_by_role("listbox", name=re.compile("Actions"))
    expect(listbox.get_by_role("option")).to_have_count(Action.objects.filter(objective__number=1).count())
    expect(listbox.get_by_role("option", name="2(a)")).to_have_count(0)
    actions.type("1(c)")
    first_offered(page, "Actions", "1(c)")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.get_by_label("Start date").fill("2026-01-10")
    page.get_by_role("button", name=re.compile("Save")).click()
    expect(page.get_by_role("alert")).to_contain_text(re.compile("saved|recorded", re.I))
    activity = Activity.objects.get(title="Data hub")
    assert [a.code for a in activity.actions.all()] == ["1(c)"]

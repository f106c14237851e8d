"""The secretariat records the Government's process and a consultation, accepts an input, and sees all of it
in the draft it exports: the review reads as the State's, built from the inputs and the consultations."""

import re

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from objectives.models import Action, Objective
from stakeholders.models import Organisation, Role
from tests.factories import TEST_PASSWORD, AssignmentFactory, OrganisationFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_process_consultation_and_accepted_input_reach_the_draft(page, eager_celery):
    cycle = ReviewCycleFactory(year=2030, level="global", name="Third IMRF (2030)", notes="Internal reminder")
    OrganisationFactory(name="Ministry of Internal Affairs", acronym="MIA", kind=Organisation.Kind.GOVERNMENT)
    labour = OrganisationFactory(name="Ministry of Labour and Social Protection", acronym="MLSP")
    submitted = AssignmentFactory(
        cycle=cycle,
        objective=Objective.objects.get(number=6),
        organisation=labour,
        with_input={
            "status": "submitted",
            "measures": "Labour inspections now cover recruitment agencies.",
            "data_sources": "Inspection reports 2029.",
        },
    ).input
    submitted.actions.set(Action.objects.filter(objective__number=6, letter__in="ac"))
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    log_in(page, "anna", TEST_PASSWORD)

    # The Government's process on the cycle.
    page.goto(f"/cycles/{cycle.pk}/")
    expect(page.get_by_text("No lead ministry or agency is recorded")).to_be_visible()
    page.get_by_role("link", name="Edit the cycle").click()
    page.get_by_label("Lead ministry or agency").select_option(label="Ministry of Internal Affairs (MIA)")
    page.get_by_label("National coordination mechanism, in English").fill("the Inter-agency Working Group")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The review cycle Third IMRF (2030) was saved.")).to_be_visible()

    # A consultation with migrants and civil society; a wrong total is refused and the text kept.
    page.get_by_role("link", name="0 consultations recorded").click()
    page.get_by_role("link", name="Record a consultation").click()
    page.get_by_label("Title in English").fill("Hearing with migrant associations")
    page.get_by_label("Date").fill("2029-10-14")
    page.get_by_label("Format").select_option(label="Hearing")
    page.get_by_label("Key messages in English").fill("Migrants asked for *clear information* on work permits.")
    page.get_by_label("Migrants and migrant associations").fill("12")
    page.get_by_label("Civil society").fill("8")
    page.get_by_label("Women").fill("40")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("more than the 20 participants counted by kind")).to_be_visible()
    expect(page.get_by_label("Key messages in English")).to_have_value(
        "Migrants asked for *clear information* on work permits."
    )
    page.get_by_label("Women").fill("11")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("1 consultation with 20 participants from 2 kinds of stakeholders.")).to_be_visible()

    # The input is accepted; its actions show, and the sources are left out of the draft.
    page.goto(f"/inputs/{submitted.pk}/")
    expect(page.get_by_text("6(a)")).to_be_visible()
    page.get_by_role("button", name="Accept").click()
    page.goto(f"/inputs/{submitted.pk}/")
    expect(page.get_by_text("Use in the draft", exact=True)).to_be_visible()
    page.get_by_label("Data and sources").select_option(label="Left out")
    page.get_by_role("button", name="Save the use in the draft").click()
    expect(page.get_by_text("The draft will use this input as chosen.")).to_be_visible()

    # The draft.
    page.goto(f"/cycles/{cycle.pk}/exports/")
    page.get_by_role("button", name="Export").click()
    expect(page).to_have_url(re.compile(r"/exports/\d+/$"))
    expect(page.locator("#export-status")).to_have_text("Done", timeout=60_000)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(download_info.value.path()).pages).split())
    assert "Prepared by: Ministry of Internal Affairs, with the support of the UN Country Network" in text
    assert "coordinated by the Inter-agency Working Group" in text
    assert "Labour inspections now cover recruitment agencies." in text and "6(a), 6(c)" in text
    assert "Inspection reports 2029." not in text
    assert "One consultation was held, with 20 participants from 2 kinds of stakeholders." in text
    assert "Migrants asked for clear information on work permits." in text
    assert "Internal reminder" not in text and "secretariat has not written" not in text

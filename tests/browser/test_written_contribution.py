"""A civil society organisation writes its contribution through the link it was sent (no account), and the
secretariat takes it up for the annex."""

import datetime

import pytest
from playwright.sync_api import expect

from inputs.models import WrittenContribution
from stakeholders.models import Organisation, Role
from tests.factories import TEST_PASSWORD, OrganisationFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_organisation_writes_through_its_link_and_the_secretariat_takes_it_up(page):
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF (2030)", input_closes=datetime.date(2099, 1, 1))
    ngo = OrganisationFactory(name="Association of Migrant Workers", kind=Organisation.Kind.MIGRANT_DIASPORA)
    contribution = WrittenContribution.objects.create(
        cycle=cycle,
        organisation=ngo,
        contact_name="Olga",
        contact_email="olga@example.org",
        open_until=cycle.input_closes,
    )
    page.goto(contribution.public_path())
    expect(page.get_by_role("heading", name="Your contribution to the review")).to_be_visible()
    page.get_by_label("Title").fill("Access to health care")
    page.get_by_role("textbox", name="Contribution").fill(
        "Labour migrants need health insurance from the first day of work."
    )
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Your text was saved")).to_be_visible()
    page.get_by_label("The review may cite this contribution").check()
    page.get_by_label("The review may publish this contribution").check()
    page.get_by_role("button", name="Send to the secretariat").click()
    expect(page.get_by_text("Your contribution was sent. Thank you.")).to_be_visible()

    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    log_in(page, "anna", TEST_PASSWORD)
    page.goto(f"/cycles/{cycle.pk}/contributions/")
    page.get_by_role("link", name="Association of Migrant Workers").click()
    expect(page.get_by_text("The authors agree to publication in full in the annex.")).to_be_visible()
    page.get_by_label("Take it up in the review").check()
    page.get_by_label("Print it in full in the annex").check()
    page.get_by_role("button", name="Save the decision").click()
    expect(page.get_by_text("The decision on the contribution was saved.")).to_be_visible()
    expect(page.get_by_text("in the annex")).to_be_visible()

"""The input loop in real Chromium: call, invitation, draft with evidence, return, resubmission, acceptance."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from objectives.models import Objective
from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, OrganisationFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in, pick

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_call_invitation_draft_submit_return_resubmit_accept(
    browser, live_server, page, settings, eager_celery, tmp_path
):
    settings.PORTAL_URL = live_server.url
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF (2030)")
    ministry = OrganisationFactory(name="Ministry of Labour and Social Protection", acronym="MLSP")
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    objective = Objective.objects.get(number=6)

    # The secretariat invites a focal point and asks the ministry for its input.
    log_in(page, "anna", TEST_PASSWORD)
    page.goto("/accounts/users/invite/")
    page.get_by_label("Full name").fill("Olga Sidorenko")
    page.get_by_role("textbox", name="E-mail").fill("olga@example.org")
    page.get_by_label("Organisation").select_option(label=str(ministry))
    page.get_by_label("Role").select_option(Role.FOCAL_POINT.value)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("alert")).to_contain_text("An invitation was sent to olga@example.org")

    page.goto(f"/cycles/{cycle.pk}/call/")
    pick(page, "Objectives", str(objective))
    page.get_by_label("Organisation").select_option(label=str(ministry))
    pick(page, "Focal point", "Olga Sidorenko (MLSP)")
    page.get_by_label("Deadline").fill("2099-12-31")
    page.get_by_role("button", name="Assign and notify").click()
    expect(page.get_by_role("alert")).to_contain_text("1 assignments were created")

    # The focal point follows the e-mailed link and sets a password.
    invitation = next(m for m in mail.outbox if "/accounts/invitation/" in m.body)
    link = re.search(r"(http://\S+/accounts/invitation/\S+/)", invitation.body).group(1)
    focal_context = browser.new_context(base_url=live_server.url)
    focal = focal_context.new_page()
    focal.goto(link)
    focal.locator("#id_new_password1").fill("a-long-passphrase-2030")
    focal.get_by_label("New password confirmation").fill("a-long-passphrase-2030")
    focal.get_by_role("button", name="Set my password").click()
    log_in(focal, "olga@example.org", "a-long-passphrase-2030")
    focal.get_by_role("link", name="Inputs").click()
    focal.get_by_role("link", name=re.compile("Recruitment and decent work")).click()

    focal.get_by_label("Measures taken").fill("A bilateral agreement on labour migration was signed.")
    focal.get_by_role("button", name="Save draft").click()
    expect(focal.get_by_role("alert")).to_contain_text("Your draft was saved.")
    evidence = tmp_path / "agreement.pdf"
    evidence.write_bytes(PDF)
    focal.get_by_label("Evidence files").set_input_files(str(evidence))
    focal.get_by_role("button", name="Submit to the secretariat").click()
    expect(focal.get_by_role("alert")).to_contain_text("submitted to the secretariat")
    expect(focal.get_by_role("link", name="agreement.pdf")).to_be_visible()

    # The secretariat returns it with a comment.
    page.goto(f"/cycles/{cycle.pk}/inputs/")
    page.get_by_role("link", name=re.compile("Recruitment and decent work")).click()
    page.get_by_label("What should change").fill("Please add the number of workers covered.")
    page.get_by_role("button", name="Return with this comment").click()
    expect(page.get_by_role("alert")).to_contain_text("returned to its organisation")

    # The focal point edits and resubmits.
    focal.reload()
    expect(focal.get_by_role("alert")).to_contain_text("Please add the number of workers covered.")
    focal.get_by_label("Results").fill("About 3,000 workers are covered.")
    focal.get_by_role("button", name="Submit to the secretariat").click()
    expect(focal.get_by_role("alert")).to_contain_text("submitted to the secretariat")
    focal_context.close()

    # The secretariat accepts it and finds it beside the assessment editor.
    page.goto(f"/cycles/{cycle.pk}/inputs/")
    page.get_by_role("link", name=re.compile("Recruitment and decent work")).click()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_role("alert")).to_contain_text("The input was accepted")
    page.goto(f"/objectives/6/cycles/{cycle.pk}/edit/")
    accepted = page.get_by_role("region", name="Accepted inputs")
    expect(accepted).to_contain_text("About 3,000 workers are covered.")
    accepted.get_by_role("button", name="Copy to “Key achievements”").nth(1).click()
    expect(page.get_by_label("Key achievements")).to_have_value("About 3,000 workers are covered.")


def test_a_file_over_the_limit_is_refused_in_the_browser_before_the_upload(page, settings):
    from tests.factories import AssignmentFactory

    settings.UPLOAD_MAX_FILE_BYTES = 1000
    organisation = OrganisationFactory()
    UserFactory(username="olga", role=Role.FOCAL_POINT, organisation=organisation)
    assignment = AssignmentFactory(organisation=organisation, focal_point=None)
    log_in(page, "olga", TEST_PASSWORD)
    page.goto(assignment.input.get_absolute_url())
    page.get_by_label("Measures taken").fill("Kept text")
    page.get_by_label("Evidence files").set_input_files(
        [
            {"name": "small.pdf", "mimeType": "application/pdf", "buffer": PDF},
            {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": PDF + b"0" * 2000},
        ]
    )
    expect(page.get_by_role("alert")).to_contain_text("Too large (at most 20 MB each), not attached: scan.pdf")
    assert page.get_by_label("Evidence files").evaluate("input => input.files.length") == 0
    expect(page.get_by_label("Measures taken")).to_have_value("Kept text")


def test_a_form_s_buttons_are_disabled_once_it_is_sent(page):
    from tests.factories import AssignmentFactory

    organisation = OrganisationFactory()
    UserFactory(username="olga", role=Role.FOCAL_POINT, organisation=organisation)
    assignment = AssignmentFactory(organisation=organisation, focal_point=None)
    log_in(page, "olga", TEST_PASSWORD)
    page.goto(assignment.input.get_absolute_url())
    page.get_by_label("Measures taken").fill("A new law")
    # What the buttons were while the page was being left for the server's answer.
    page.evaluate(
        """() => addEventListener("beforeunload", () => sessionStorage.setItem("buttons",
            JSON.stringify([...document.querySelectorAll("main button[type=submit]")].map((b) => b.disabled))))"""
    )
    page.get_by_role("button", name="Submit to the secretariat").click()
    expect(page.get_by_role("alert")).to_contain_text("Your input was submitted to the secretariat")
    assert set(page.evaluate("() => JSON.parse(sessionStorage.getItem('buttons'))")) == {True}


def test_a_focal_point_starts_at_my_work_and_submits_the_input_asked_of_them(page):
    from tests.factories import AssignmentFactory

    organisation = OrganisationFactory()
    UserFactory(username="olga", role=Role.FOCAL_POINT, organisation=organisation)
    AssignmentFactory(organisation=organisation, focal_point=None, objective_id=6)
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My work")
    expect(page.get_by_role("link", name="My work")).to_have_attribute("aria-current", "page")
    page.get_by_role("link", name=re.compile("Objective 6")).click()
    page.get_by_label("Measures taken").fill("Recruitment agencies are licensed.")
    page.get_by_role("button", name="Submit to the secretariat").click()
    expect(page.get_by_role("alert")).to_contain_text("Your input was submitted to the secretariat")
    page.get_by_role("link", name="My work").click()
    expect(page.get_by_text("Nothing is asked of your organisation at the moment.")).to_be_visible()

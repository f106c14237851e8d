"""The secretariat manages an account in real Chromium: role, organisation, a lost second factor; no admin needed."""

import re

import pytest
from django.core import mail
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from stakeholders.models import Role, User
from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_secretariat_changes_a_role_and_resets_a_second_factor(page):
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    ministry = OrganisationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    olga = UserFactory(username="olga", first_name="Olga", last_name="Sidorenko", role=Role.OBSERVER)
    TOTPDevice.objects.create(user=olga, name="phone", confirmed=True)

    log_in(page, "anna", TEST_PASSWORD)
    page.get_by_role("button", name="Administration").click()
    page.get_by_role("link", name="Accounts").click()
    page.get_by_role("link", name="Olga Sidorenko").click()
    expect(page.get_by_role("heading", name="Account of Olga Sidorenko")).to_be_visible()
    expect(page.get_by_label("Superuser status")).to_have_count(0)  # no such power here

    page.get_by_label("Organisation").select_option(label=str(ministry))
    page.get_by_label("Role").select_option(Role.FOCAL_POINT.value)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("The account of Olga Sidorenko is saved.")
    expect(page.get_by_role("row", name="Olga Sidorenko")).to_contain_text("Government focal point")

    page.get_by_role("link", name="Olga Sidorenko").click()
    page.get_by_role("button", name="Reset the second factor").click()
    expect(page.get_by_role("alert")).to_contain_text("registers a new authenticator app at the next login")
    expect(page.get_by_text("No authenticator app is registered for this account.")).to_be_visible()
    olga = User.objects.get(username="olga")
    assert olga.organisation == ministry and olga.roles == [Role.FOCAL_POINT] and not olga.is_staff
    assert not TOTPDevice.objects.filter(user=olga).exists()


def test_a_new_secretariat_member_registers_an_authenticator_app_through_an_e_mailed_link(page, settings, eager_celery):
    settings.OTP_REQUIRED_FOR_SECRETARIAT = True
    UserFactory(username="anna", role=Role.SECRETARIAT, email="anna@iom.example")
    log_in(page, "anna", TEST_PASSWORD)
    expect(page.get_by_role("heading", name="Two-step verification")).to_be_visible()
    expect(page.locator("#totp-secret")).to_have_count(0)
    page.get_by_role("button", name="E-mail me a link at a•••@iom.example").click()
    expect(page.get_by_role("status")).to_contain_text("We sent a link to a•••@iom.example")

    link = re.search(r"/accounts/two-factor/enrol/\S+/", mail.outbox[-1].body)[0]
    page.goto(link)
    secret = page.locator("#totp-secret").inner_text()
    device = TOTPDevice.objects.get(user__username="anna")
    assert secret and device.bin_key
    page.get_by_label("Code").fill(f"{totp(device.bin_key):06d}")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="Two-step verification")).to_have_count(0)
    device.refresh_from_db()
    assert device.confirmed

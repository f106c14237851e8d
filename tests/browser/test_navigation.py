import re

import pytest
from playwright.sync_api import expect

from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_user_logs_in_sees_the_objectives_and_switches_to_russian(page):
    UserFactory(username="olga", role=Role.FOCAL_POINT)

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    log_in(page, "olga", TEST_PASSWORD)

    expect(page.get_by_role("heading", level=1)).to_have_text("The 23 objectives of the Global Compact for Migration")
    expect(page.locator("main li.list-group-item")).to_have_count(23)
    expect(page.get_by_role("heading", name="Round table 1")).to_be_visible()

    page.get_by_label("Language").select_option("ru")
    page.get_by_role("button", name="Switch").click()

    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("23 цели Глобального договора о миграции")
    expect(page.get_by_role("heading", name="Круглый стол 1")).to_be_visible()
    expect(page.get_by_role("button", name="Реестры")).to_be_visible()

    page.get_by_role("link", name=re.compile("Данные")).first.click()  # the objectives are named in Russian
    expect(page.get_by_text("Сбор и использование точных и дезагрегированных данных")).to_be_visible()
    expect(page.get_by_role("heading", name="Меры")).to_be_visible()
    expect(page.get_by_role("rowheader", name="1(k)")).to_be_visible()


def test_keyboard_user_can_skip_to_content(page):
    UserFactory(username="anya", role=Role.OBSERVER)
    log_in(page, "anya", TEST_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_contain_text("23 objectives")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_wrong_password_shows_a_message_and_keeps_the_username(page):
    UserFactory(username="pavel", role=Role.AGENCY_STAFF)
    log_in(page, "pavel", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("Please enter a correct username and password")
    expect(page.get_by_label("Username")).to_have_value("pavel")


def test_the_secretariat_starts_the_next_regional_review_from_the_previous_one(page):
    from tests.factories import ReviewCycleFactory

    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    ReviewCycleFactory(year=2024, level="regional", name="Second UNECE regional review (2024)")
    log_in(page, "anna", TEST_PASSWORD)
    page.goto("/cycles/")
    page.get_by_role("link", name="Second UNECE regional review (2024)").click()
    page.get_by_role("link", name="Start the next cycle of this level").click()
    expect(page.get_by_label("Year")).to_have_value("2028")
    page.get_by_label("Name in English").fill("Third UNECE regional review (2028)")
    page.get_by_label("Name in Russian").fill("Третий региональный обзор ЕЭК ООН (2028)")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "The review cycle Third UNECE regional review (2028) was created."
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text("Third UNECE regional review (2028)")

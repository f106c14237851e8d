"""The navigation bar fits on one line at 1280 px in English, Russian and Belarusian for the role with the most
links, the page is never wider than the screen, and the current section is marked for screen readers."""

import pytest
from playwright.sync_api import expect

from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SECTIONS = [
    ("/", "Objectives"),
    ("/activities/", "Activities"),
    ("/indicators/", "Indicators"),
    ("/policies/", "Policies"),
    ("/pledges/", "Pledges"),
    ("/inputs/", "Inputs"),
    ("/cycles/", "Review cycles"),
    ("/organisations/", "Organisations"),
]


@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_the_navigation_fits_on_one_line_at_1280_px(browser, live_server, language):
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    log_in(page, "anna", TEST_PASSWORD)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto("/cycles/")
    expect(page.locator("#main-nav")).to_be_visible()  # expanded, not behind the toggler
    items = page.locator("header nav .nav-link")
    tops = {round(box["y"]) for box in (items.nth(i).bounding_box() for i in range(items.count())) if box}
    assert len(tops) == 1, f"{language}: the navigation wraps onto {len(tops)} lines"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280, f"{language}: wider than the screen"
    context.close()


def test_the_current_section_is_marked(page):
    UserFactory(username="oleg", role=Role.OBSERVER)
    log_in(page, "oleg", TEST_PASSWORD)
    for path, name in SECTIONS:
        page.goto(path)
        current = page.locator("header nav [aria-current='page']")
        expect(current).to_have_count(1)
        expect(current).to_have_text(name)
    page.goto("/accounts/password_change/")
    expect(page.locator("header nav [aria-current='page']")).to_have_count(0)
    expect(page.locator("header nav .dropdown-toggle.active")).to_have_count(0)

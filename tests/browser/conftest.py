"""Playwright driving Debian's Chromium (never a downloaded browser) against pytest-django's live_server."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; install it with: apt-get install chromium")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        # Playwright's sync API runs the tests inside an event loop, where Django
        # hands out new connection objects; give them the database snapshot that
        # serialized_rollback restores after each transactional test.
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    if os.environ.get("CPU_THROTTLE"):  # e.g. CPU_THROTTLE=8: a slow CI machine, to bring out races
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": int(os.environ["CPU_THROTTLE"])})
    yield page
    context.close()


def log_in(page, username: str, password: str) -> None:
    page.goto("/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def pick(page, label: str, *items: str) -> None:
    """Choose items in the picker labelled `label` as a keyboard user does: type, then Enter."""
    picker = page.get_by_role("combobox", name=label)
    for item in items:
        picker.focus()
        picker.fill(item)
        first_offered(page, label, item)
        page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def first_offered(page, label: str, text: str) -> None:
    """Wait until the list of the picker labelled `label` offers first an option containing `text`.

    That option is the one Enter picks; a user presses Enter once they see it there. Waiting only for
    the option to be visible is not enough: it may be visible in the list as it was before the typing.
    """
    options = page.get_by_role("listbox", name=label).get_by_role("option")
    expect(options.first).to_contain_text(text)

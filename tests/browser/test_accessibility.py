"""axe-core over every page of the portal, for every role, in real Chromium: no serious or critical
violation of the WCAG 2.1 A and AA rules (the DEVELOPERS.md bar; issue 15)."""

import pytest
from django.urls import reverse

from tests.checkers import AXE, require
from tests.factories import TEST_PASSWORD
from tests.test_permissions import pages  # noqa: F401  (the fixture: one URL per route, with real objects)

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (rules) => {
    const result = await axe.run(document, {runOnly: {type: "tag", values: rules}});
    return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}"""


@pytest.mark.parametrize("role", ["secretariat", "focal_point_a", "agency_staff", "observer"])
def test_no_serious_accessibility_violation_on_any_page(request, role, browser, live_server, pages):  # noqa: F811
    require(AXE)
    user = request.getfixturevalue(role)
    # The portal's Content-Security-Policy allows no injected script; axe is the test's, not the page's.
    context = browser.new_context(base_url=live_server.url, locale="en-GB", bypass_csp=True)
    page = context.new_page()
    try:
        log_in(page, user.username, TEST_PASSWORD)
        found, checked = {}, 0
        own = {"accounts:preferences": reverse("accounts:preferences")}  # every role's own pages
        urls = {
            name: entry.url for name, entry in pages.items() if entry.method == "get" and entry.expected[role] == 200
        }
        for name, url in {**urls, **own}.items():
            if "download" in name or "status" in name:
                continue
            if not page.request.head(url).headers.get("content-type", "").startswith("text/html"):
                continue  # a file (the SDMX structure, ...): the browser would save it, not show it
            page.goto(url)
            page.add_script_tag(path=str(AXE))
            violations = page.evaluate(RUN_AXE, RULES)
            checked += 1
            if violations:
                found[name] = violations
        assert checked > 15
        distinct = sorted({violation for violations in found.values() for violation in violations})
        assert not distinct, f"on {', '.join(found)}:\n" + "\n".join(distinct)
    finally:
        context.close()


def test_no_serious_accessibility_violation_on_the_public_pages_in_each_language(browser, live_server):
    require(AXE)
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    try:
        found = {}
        for language in ("en", "ru", "be"):
            context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
            for url in (
                "/accounts/login/",
                "/accounts/password_reset/",
                "/no-such-page/",
                "/public/",
                "/public/objectives/1/",
            ):
                page.goto(url)
                page.add_script_tag(path=str(AXE))
                if violations := page.evaluate(RUN_AXE, RULES):
                    found[(language, url)] = violations
        assert found == {}
    finally:
        context.close()

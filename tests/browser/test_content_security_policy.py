"""Every main page works in Chromium under the Content-Security-Policy: no violation reported."""

import pytest

from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, AssessmentFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_no_page_violates_the_content_security_policy(page):
    cycle = ReviewCycleFactory(year=2030)
    AssessmentFactory(cycle=cycle)
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)
    violations = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    log_in(page, "anna", TEST_PASSWORD)
    for url in [
        "/",
        "/objectives/1/",
        "/dashboard/",
        "/activities/",
        "/indicators/",
        "/inputs/",
        "/cycles/",
        f"/cycles/{cycle.pk}/",
        f"/cycles/{cycle.pk}/exports/",
        f"/objectives/1/cycles/{cycle.pk}/edit/",
        "/accounts/users/",
        "/admin/",
        "/admin/reviews/reviewcycle/",
    ]:
        page.goto(url)
        page.wait_for_load_state("networkidle")
    page.goto("/")
    page.get_by_role("button", name="Administration").click()  # Bootstrap's script runs
    assert page.get_by_role("link", name="Accounts").is_visible()
    assert violations == []

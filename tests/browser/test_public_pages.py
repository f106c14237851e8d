"""The secretariat publishes a review; an anonymous visitor reads it in Russian, downloads its open data, and a
member makes an API token and reads the API with it."""

import datetime

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from objectives.models import Objective
from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, AssessmentFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_review_is_published_and_read_by_anyone(browser, live_server, page):
    cache.clear()
    cycle = ReviewCycleFactory(year=2030, name="Third regional review (2030)", data_cutoff=datetime.date(2029, 12, 31))
    AssessmentFactory(
        cycle=cycle,
        objective=Objective.objects.get(number=1),
        status="advanced",
        achievements="A national migration data portal was launched.",
        narratives_public=True,
    )
    UserFactory(username="anna", role=Role.SECRETARIAT, is_staff=True)

    visitor = browser.new_context(base_url=live_server.url, locale="en-GB").new_page()
    visitor.goto("/public/")
    expect(visitor.get_by_text("No review has been published yet.")).to_be_visible()

    log_in(page, "anna", TEST_PASSWORD)
    page.goto(f"/cycles/{cycle.pk}/")
    page.get_by_role("link", name="What is public").click()
    page.get_by_label("the submitted draft (PDF)").uncheck()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("is published: anyone can see what you chose")).to_be_visible()
    expect(page.get_by_role("cell", name="anna")).to_be_visible()  # the history of the publication

    visitor.goto("/public/")
    visitor.get_by_role("link", name="Русский").click()
    expect(visitor.locator("html")).to_have_attribute("lang", "ru")
    visitor.get_by_role("link", name="Third regional review (2030)").click()
    expect(visitor.get_by_role("heading", name="Third regional review (2030)")).to_be_visible()
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="XLSX").click()
    assert download.value.suggested_filename == "uncnm-regional-2030-ru.xlsx"
    visitor.get_by_role("link", name="1.", exact=False).first.click()
    expect(visitor.get_by_text("A national migration data portal was launched.")).to_be_visible()
    expect(visitor.locator("html")).to_have_attribute("lang", "ru")

    page.goto(f"/cycles/{cycle.pk}/publication/")
    page.get_by_role("button", name="Unpublish").click()
    visitor.goto(f"/public/cycles/{cycle.pk}/")
    expect(visitor.get_by_role("heading", name="Third regional review (2030)")).to_have_count(0)
    visitor.context.close()


def test_a_member_makes_a_token_and_reads_the_api(live_server, page):
    ReviewCycleFactory(year=2030, name="Unpublished review (2030)")
    UserFactory(username="oleg", role=Role.OBSERVER)
    log_in(page, "oleg", TEST_PASSWORD)
    page.get_by_role("button", name="oleg").click()
    page.get_by_role("link", name="API tokens").click()
    page.get_by_label("Name").fill("National SDG platform")
    page.get_by_role("button", name="Create a token").click()
    key = page.locator("#new-token").inner_text()
    assert key.startswith("uncnm_")
    response = page.request.get(f"{live_server.url}/api/v1/cycles/", headers={"Authorization": f"Bearer {key}"})
    assert response.status == 200
    assert [c["name"] for c in response.json()["results"]] == ["Unpublished review (2030)"]
    page.get_by_role("button", name="Revoke National SDG platform").click()
    expect(page.get_by_text("was revoked")).to_be_visible()
    gone = page.request.get(f"{live_server.url}/api/v1/cycles/", headers={"Authorization": f"Bearer {key}"})
    assert gone.status == 401

    page.goto("/api/v1/docs/")
    expect(page.locator(".swagger-ui")).to_be_visible()
    expect(page.get_by_text("UNCNM Portal API")).to_be_visible()

"""Member pages that are the same for everyone (the dashboard, the unfiltered activity and indicator
lists) come from the cache until content changes (uncnm_portal/freshness.py); none shows stale data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from objectives.models import Objective
from tests.factories import ActivityFactory, AssessmentFactory, IndicatorFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db


def queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        html = client.get(url).content.decode()
    return len(captured), html


def test_the_activity_list_is_kept_until_an_activity_changes(observer, agency_staff, login):
    activity = ActivityFactory(title="Support to returnees")
    url = reverse("objectives:activity-list")
    first, html = queries(login(observer), url)
    assert "Support to returnees" in html
    again, html = queries(login(agency_staff), url)  # another member, another role: the same rows, cached
    assert again < first and "Support to returnees" in html

    activity.title = "Support to returnees and their families"
    activity.save()
    assert "and their families" in login(observer).get(url).content.decode()
    activity.objectives.set([Objective.objects.get(number=21)])  # a many-to-many change moves it too
    assert 'title="Dignified return and reintegration">21</a>' in login(observer).get(url).content.decode()
    activity.delete()
    assert "Support to returnees" not in login(observer).get(url).content.decode()


def test_filtered_lists_and_each_language_are_their_own_pages(observer, login):
    ActivityFactory(title="Support to returnees")
    ActivityFactory(title="Language courses")
    client = login(observer)
    url = reverse("objectives:activity-list")
    client.get(url)
    filtered = client.get(url, {"q": "courses"}).content.decode()
    assert "Language courses" in filtered and "Support to returnees" not in filtered
    russian = client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Фильтровать" in russian or "Фильтр" in russian
    assert "Filter activities" not in russian


def test_the_indicator_list_shows_a_new_observation_at_once(observer, login):
    indicator = IndicatorFactory(code="NAT-1", name="Returnees assisted")
    indicator.observations.create(year=2024, value=120)
    url = reverse("objectives:indicator-list")
    client = login(observer)
    assert "120 (2024)" in client.get(url).content.decode()
    indicator.observations.create(year=2025, value=150)
    html = client.get(url).content.decode()
    assert "150 (2025)" in html and "120 (2024)" not in html  # the latest year's value only


def test_the_dashboard_shows_a_new_status_at_once(observer, login):
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF (2030)", level="global")
    assessment = AssessmentFactory(cycle=cycle, status="early")
    client = login(observer)
    url = reverse("reviews:dashboard")
    first, html = queries(client, url)
    assert "Early stage" in html
    again, _html = queries(client, url)
    assert again < first
    assessment.status = "advanced"
    assessment.save()
    assert "Advanced" in client.get(url).content.decode()
    # Another cycle chosen: its own page; an unknown one: the latest cycle's.
    assert client.get(url, {"cycle": 99999}).status_code == 200

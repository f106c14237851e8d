"""Pages use a fixed number of SQL queries: the same at the demo size and at ten times the demo size, in every
language of the portal."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from demo.seed import grow_tenfold
from reviews.models import ReviewCycle
from stakeholders.models import User
from uncnm_portal import freshness

pytestmark = pytest.mark.django_db


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def test_query_counts_do_not_grow_with_data(client):
    call_command("seed_demo", stdout=io.StringIO())
    client.force_login(User.objects.get(username="secretariat"))
    cycle = ReviewCycle.objects.order_by("year").last()
    urls = [
        reverse("objectives:home"),
        reverse("reviews:my-work"),
        reverse("reviews:dashboard"),
        reverse("reviews:objective-detail", args=[7]),
        reverse("reviews:assessment-detail", args=[7, cycle.pk]),
        reverse("reviews:assessment-update", args=[7, cycle.pk]),
        reverse("reviews:gap-list", args=[cycle.pk]),
        reverse("objectives:activity-list"),
        reverse("objectives:activity-list") + "?format=csv",
        reverse("objectives:indicator-list"),
        reverse("objectives:indicator-list") + "?format=xlsx",
        reverse("stakeholders:organisation-list"),
        reverse("translations:translation-status", args=[cycle.pk]),
    ]
    for url in urls:
        client.get(url)  # warm caches that are filled once per process

    def rendered(url: str) -> int:
        """Queries of a page rendered in full: a new content generation, so no shared fragment is reused."""
        freshness._new_generation()
        return count_queries(client, url)

    def measure() -> tuple[dict, dict]:
        """Each page in each language rendered in full, then again at once (its shared fragment, if any,
        from the cache)."""
        full, cached = {}, {}
        for language in settings.LANGUAGE_CODES:
            client.cookies["django_language"] = language
            for url in urls:
                full[language, url] = rendered(url)
                cached[language, url] = count_queries(client, url)
        client.cookies["django_language"] = settings.LANGUAGE_CODE
        return full, cached

    at_demo_size, cached_at_demo_size = measure()
    grow_tenfold()
    at_ten_times, cached_at_ten_times = measure()
    assert at_ten_times == at_demo_size
    assert cached_at_ten_times == cached_at_demo_size
    # The dashboard and the unfiltered lists, alike for every member, come from the cache.
    for url in (
        reverse("reviews:dashboard"),
        reverse("objectives:activity-list"),
        reverse("objectives:indicator-list"),
    ):
        for language in settings.LANGUAGE_CODES:
            assert cached_at_demo_size[language, url] < at_demo_size[language, url]
    assert at_demo_size["en", reverse("reviews:dashboard")] <= 16  # 15, and the count beside "My work"

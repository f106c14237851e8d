"""Pages use a fixed number of SQL queries: the same at the demo size and at ten times the demo size."""

import io
import random

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from objectives.models import Action, Activity, Indicator, IndicatorObservation, Objective
from reviews.models import ReviewCycle
from stakeholders.models import Organisation, User

pytestmark = pytest.mark.django_db


def grow_tenfold() -> None:
    """Add nine times the demo's activities, indicators, observations and organisations, in bulk."""
    rng = random.Random(10)
    objectives = list(Objective.objects.all())
    actions = list(Action.objects.all())
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Partner {n}", kind=rng.choice(Organisation.Kind.values))
        for n in range(9 * Organisation.objects.count())
    )
    demo_activities = Activity.objects.count()
    activities = Activity.objects.bulk_create(
        Activity(
            title=f"Grown activity {n}",
            lead_organisation=rng.choice(organisations),
            start_date="2023-05-01",
            status="ongoing",
            description="Grown",
        )
        for n in range(9 * demo_activities)
    )
    Activity.objectives.through.objects.bulk_create(
        Activity.objectives.through(activity=a, objective=rng.choice(objectives)) for a in activities
    )
    Activity.actions.through.objects.bulk_create(
        Activity.actions.through(activity=a, action=rng.choice(actions)) for a in activities
    )
    Activity.partners.through.objects.bulk_create(
        Activity.partners.through(activity=a, organisation=rng.choice(organisations)) for a in activities
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(code=f"GROWN-{n}", name=f"Grown indicator {n}") for n in range(9 * Indicator.objects.count())
    )
    Indicator.objectives.through.objects.bulk_create(
        Indicator.objectives.through(indicator=i, objective=rng.choice(objectives)) for i in indicators
    )
    IndicatorObservation.objects.bulk_create(
        IndicatorObservation(indicator=i, year=year, value=year) for i in indicators for year in range(2019, 2026)
    )


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
        reverse("reviews:dashboard"),
        reverse("objectives:objective-detail", args=[7]),
        reverse("reviews:assessment-detail", args=[7, cycle.pk]),
        reverse("reviews:assessment-update", args=[7, cycle.pk]),
        reverse("reviews:gap-list", args=[cycle.pk]),
        reverse("objectives:activity-list"),
        reverse("objectives:activity-list") + "?format=csv",
        reverse("objectives:indicator-list"),
        reverse("objectives:indicator-list") + "?format=xlsx",
        reverse("stakeholders:organisation-list"),
    ]
    for url in urls:
        client.get(url)  # warm caches that are filled once per process
    at_demo_size = {url: count_queries(client, url) for url in urls}
    grow_tenfold()
    at_ten_times = {url: count_queries(client, url) for url in urls}
    assert at_ten_times == at_demo_size
    assert at_demo_size[reverse("reviews:dashboard")] <= 15

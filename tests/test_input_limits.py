"""Implausible dates and years get a clear message wherever they can be typed, never a 500 later (issue 16)."""

import pytest
from django.urls import reverse

from objectives.models import Activity
from reviews.models import Assignment, ReviewCycle
from tests.factories import ReviewCycleFactory
from tests.objectives.test_activities import activity_data

pytestmark = pytest.mark.django_db
MESSAGE = "Enter a date between 1990 and 2100."


def test_call_for_inputs_refuses_a_deadline_in_year_9999(secretariat, focal_point_a, organisation_a, login):
    cycle = ReviewCycleFactory()
    response = login(secretariat).post(
        reverse("reviews:call-for-inputs", args=[cycle.pk]),
        {
            "objectives": [5],
            "organisation": organisation_a.pk,
            "role": "lead",
            "focal_point": focal_point_a.pk,
            "deadline": "9999-12-31",
        },
    )
    assert response.status_code == 400 and MESSAGE in response.content.decode()
    assert not Assignment.objects.exists()


def test_activity_form_refuses_an_end_in_year_9999(agency_staff, agency, login):
    response = login(agency_staff).post(
        reverse("objectives:activity-create"), activity_data(agency, end_date="9999-12-31")
    )
    assert response.status_code == 400 and MESSAGE in response.content.decode()
    assert not Activity.objects.exists()


def test_admin_refuses_a_review_cycle_in_year_9999(superuser, login):
    data = {
        "name": "Far future",
        "level": "global",
        "forum": "IMRF",
        "year": 9999,
        "input_opens": "2030-01-01",
        "input_closes": "2030-02-01",
        "submission_deadline": "9999-12-31",
        "status": "planning",
        "notes": "",
    }
    response = login(superuser).post(reverse("admin:reviews_reviewcycle_add"), data)
    html = response.content.decode()
    assert response.status_code == 200 and MESSAGE in html and "less than or equal to 2100" in html
    assert not ReviewCycle.objects.filter(name="Far future").exists()

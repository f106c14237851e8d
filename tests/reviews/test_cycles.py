"""The secretariat creates, edits and closes review cycles in the portal (issue 15)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation

from reviews.models import ReviewCycle
from tests.factories import ReviewCycleFactory

pytestmark = pytest.mark.django_db


def cycle_data(**overrides) -> dict:
    data = {
        "name_en": "Third UNECE regional review (2028)",
        "name_ru": "Третий региональный обзор ЕЭК ООН (2028)",
        "name_be": "",
        "level": "regional",
        "year": "2028",
        "forum": "UNECE Regional Review of the GCM, Geneva",
        "forum_starts": "2028-03-09",
        "forum_ends": "2028-03-10",
        "input_opens": "2027-09-01",
        "input_closes": "2027-12-15",
        "submission_deadline": "2028-01-31",
        "status": "planning",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_the_next_cycle_starts_from_the_previous_one_of_its_level(secretariat, login):
    previous = ReviewCycleFactory(year=2024, level="regional", forum="UNECE Regional Review, Geneva")
    page = login(secretariat).get(reverse("reviews:cycle-create"), {"from": previous.pk}).text
    assert 'name="year" value="2028"' in page and 'value="UNECE Regional Review, Geneva"' in page
    assert 'name="input_opens" value="2027-09-01"' in page  # the dates move four years on


def test_the_secretariat_creates_a_cycle_named_in_each_language(secretariat, login):
    response = login(secretariat).post(reverse("reviews:cycle-create"), cycle_data())
    cycle = ReviewCycle.objects.get(year=2028)
    assert response.status_code == 302 and response["Location"] == cycle.get_absolute_url()
    with translation.override("ru"):
        assert cycle.name == "Третий региональный обзор ЕЭК ООН (2028)"
    with translation.override("be"):
        assert cycle.name == "Third UNECE regional review (2028)"  # no Belarusian name yet: the English one


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"submission_deadline": "2027-12-01"}, "The submission deadline cannot fall before the input window closes."),
        (
            {"forum_starts": "2028-01-15", "forum_ends": "2028-01-16"},
            "The forum cannot start before the submission deadline.",
        ),
        ({"input_closes": "2027-08-01"}, "The input window must close after it opens."),
        ({"forum_starts": "2029-03-09", "forum_ends": "2029-03-10"}, "The forum must start in the year of the cycle."),
        ({"name_en": ""}, "This field is required."),
        ({"year": "9999"}, "Ensure this value is less than or equal to 2100."),
    ],
)
def test_dates_out_of_order_get_a_clear_message_and_nothing_is_saved(secretariat, login, overrides, message):
    response = login(secretariat).post(reverse("reviews:cycle-create"), cycle_data(**overrides))
    assert response.status_code == 400 and message in response.text
    assert 'value="Third UNECE regional review (2028)"' in response.text or overrides.get("name_en") == ""
    assert not ReviewCycle.objects.filter(year__in=[2028, 9999]).exists()


def test_a_second_cycle_of_a_level_in_a_year_is_refused(secretariat, login):
    ReviewCycleFactory(year=2028, level="regional")
    response = login(secretariat).post(reverse("reviews:cycle-create"), cycle_data())
    assert response.status_code == 400
    assert "There is already a review cycle of this level in this year." in response.text


def test_the_secretariat_edits_and_closes_a_cycle(secretariat, login):
    cycle = ReviewCycleFactory(year=2028, level="regional", name="Old name")
    client = login(secretariat)
    assert "Start the next cycle of this level" in client.get(cycle.get_absolute_url()).text
    response = client.post(reverse("reviews:cycle-update", args=[cycle.pk]), cycle_data(status="closed"))
    cycle.refresh_from_db()
    assert (
        response.status_code == 302 and cycle.status == "closed" and cycle.name == "Third UNECE regional review (2028)"
    )


def test_only_the_secretariat_sees_the_cycle_buttons(observer, login):
    cycle = ReviewCycleFactory()
    client = login(observer)
    assert "New review cycle" not in client.get(reverse("reviews:cycle-list")).text
    assert not re.search("Edit the cycle|Start the next cycle", client.get(cycle.get_absolute_url()).text)


def test_29_february_moves_to_a_year_that_has_none(secretariat):
    cycle = ReviewCycleFactory(
        year=2096, input_opens=datetime.date(2096, 2, 29), input_closes=datetime.date(2096, 3, 1)
    )
    assert cycle.next_of_its_level().input_opens == datetime.date(2100, 2, 28)

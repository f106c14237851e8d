import pytest
from django.urls import reverse

from tests.factories import ReviewCycleFactory

pytestmark = pytest.mark.django_db


def test_cycle_list_newest_first(observer, login):
    older = ReviewCycleFactory(year=2028, name="Third regional review")
    newer = ReviewCycleFactory(year=2030, name="Third IMRF", level="global")
    html = login(observer).get(reverse("reviews:cycle-list")).content.decode()
    assert html.index(newer.name) < html.index(older.name)


def test_cycle_detail_shows_dates_and_status(observer, login):
    cycle = ReviewCycleFactory(year=2028, name="Third regional review", notes="Consultation in Minsk")
    html = login(observer).get(cycle.get_absolute_url()).content.decode()
    assert "Third regional review" in html
    assert "Regional (UNECE)" in html
    assert "Planning" in html
    assert "Consultation in Minsk" in html
    assert "31 Jan 2028" in html

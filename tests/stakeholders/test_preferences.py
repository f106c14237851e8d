"""A person's own preferences: one language for pages and e-mails, and the time zone times are shown in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_preferences_set_the_language_of_pages_and_emails_and_the_time_zone(agency_staff, login):
    client = login(agency_staff)
    url = reverse("accounts:preferences")
    assert client.get(url).status_code == 200
    response = client.post(url, {"language": "be", "time_zone": "America/New_York"}, follow=True)
    agency_staff.refresh_from_db()
    assert (agency_staff.language, agency_staff.time_zone) == ("be", "America/New_York")
    assert response.context["LANGUAGE_CODE"] == "be"  # the pages follow at once (the language cookie)
    assert "Вашы налады захаваны." in response.content.decode()


def test_an_unknown_time_zone_is_refused_with_a_message_and_nothing_saved(agency_staff, login):
    client = login(agency_staff)
    for zone in ("Mars/Olympus_Mons", "", "\x00", "x" * 500):
        response = client.post(reverse("accounts:preferences"), {"language": "ru", "time_zone": zone})
        assert response.status_code == 400
        agency_staff.refresh_from_db()
        assert (agency_staff.language, agency_staff.time_zone) == ("en", "Europe/Minsk")
    assert "Choose a time zone from the list." in response.content.decode()


def test_times_are_shown_in_the_persons_time_zone(agency_staff, login):
    activity = ActivityFactory(title="Support to returnees")
    activity.history.update(history_date=datetime.datetime(2026, 5, 5, 10, 0, tzinfo=datetime.UTC))
    client = login(agency_staff)
    history = reverse("history:list", args=["activity", activity.pk])
    assert "13:00" in client.get(history).content.decode()  # Minsk, UTC+3: the portal's own zone
    agency_staff.time_zone = "America/New_York"
    agency_staff.save()
    assert "06:00" in client.get(history).content.decode()
    assert timezone.get_current_timezone_name() == "Europe/Minsk"  # nothing leaks into the next request

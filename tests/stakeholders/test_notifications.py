"""In-portal notifications beside the e-mails: the secretariat hears of a submitted input, the reporters of a
returned or accepted one, each in their own language; My work shows the new ones."""

import pytest
from django.test import Client
from django.urls import reverse

from stakeholders.models import Notification
from tests.factories import AssignmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(organisation_a, focal_point_a, secretariat, login):
    assignment = AssignmentFactory(organisation=organisation_a, focal_point=focal_point_a)
    client = login(focal_point_a)
    data = {"measures": "Online work permits.", "version": assignment.input.version, "submit": "1"}
    response = client.post(reverse("inputs:input-detail", args=[assignment.input.pk]), data)
    assert response.status_code == 302
    return assignment.input


def test_the_secretariat_is_notified_of_a_submitted_input_in_its_language(submitted, secretariat, login):
    notification = Notification.objects.get(user=secretariat)
    assert notification.kind == "input_submitted" and notification.link == submitted.get_absolute_url()
    client = login(secretariat)
    work = client.get(reverse("reviews:my-work")).content.decode()
    assert "New for you" in work and "Input submitted" in work
    client.cookies["django_language"] = "ru"
    page = client.get(reverse("accounts:notification-list")).content.decode()
    assert notification.subject in page and "Input submitted" not in page  # the kind in Russian
    assert client.post(reverse("accounts:notification-mark-read")).status_code == 302
    assert not Notification.objects.unread().filter(user=secretariat).exists()
    assert "New for you" not in client.get(reverse("reviews:my-work")).content.decode()


def test_reporters_hear_of_returned_and_accepted_inputs(submitted, secretariat, focal_point_a, login):
    client = login(secretariat)
    client.post(reverse("inputs:input-accept", args=[submitted.pk]))
    client.post(reverse("inputs:input-accept", args=[submitted.pk]))  # a second click: nothing twice
    assert list(Notification.objects.filter(user=focal_point_a).values_list("kind", flat=True)) == ["input_accepted"]


def test_each_account_sees_only_its_own(submitted, observer, login):
    page = login(observer).get(reverse("accounts:notification-list")).content.decode()
    assert "No notification yet." in page
    assert Client().get(reverse("accounts:notification-list")).status_code == 302

"""Forms that create something are carried out once however often they are sent (uncnm_portal/once.py)."""

import datetime
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse

from drafts.models import ExportJob
from inputs.models import Assignment
from objectives.models import Activity, Objective
from stakeholders.models import OutgoingEmail, User
from tests.factories import ActivityFactory, ReviewCycleFactory
from tests.objectives.test_activities import activity_data
from uncnm_portal.models import FormSubmission
from uncnm_portal.tasks import forget_form_keys_task

pytestmark = pytest.mark.django_db


def form_key(client, url: str) -> str:
    return re.search(r'name="form_key" value="([0-9a-f-]{36})"', client.get(url).text)[1]


def send_twice(client, url: str, data: dict, *, form_url: str | None = None):
    key = form_key(client, form_url or url)
    first = client.post(url, {**data, "form_key": key})
    second = client.post(url, {**data, "form_key": key}, follow=True)
    return first, second


def test_a_draft_requested_twice_with_the_same_form_is_built_once(secretariat, login):
    cycle = ReviewCycleFactory()
    client = login(secretariat)
    url = reverse("drafts:export-list", args=[cycle.pk])
    first, second = send_twice(client, url, {"language": "ru", "objectives": [Objective.objects.get(number=1).pk]})
    job = ExportJob.objects.get()
    assert first.status_code == 302 and first["Location"] == job.get_absolute_url()
    assert second.redirect_chain[-1][0] == job.get_absolute_url()
    assert "This form had been sent already; nothing was done twice." in second.text


def test_an_invitation_sent_twice_creates_one_account_and_one_e_mail(secretariat, organisation_a, login, send_now):
    client = login(secretariat)
    data = {
        "full_name": "Olga Sidorenko",
        "email": "olga@example.org",
        "organisation": organisation_a.pk,
        "role": "Government focal point",
        "language": "ru",
    }
    with send_now():
        first, second = send_twice(client, reverse("accounts:user-invite"), data)
    assert first.status_code == 302 and second.status_code == 200  # not "this address exists already"
    assert "nothing was done twice" in second.text
    assert User.objects.filter(email="olga@example.org").count() == 1
    assert OutgoingEmail.objects.count() == 1 and len(mail.outbox) == 1


def test_a_call_for_inputs_sent_twice_notifies_once(secretariat, focal_point_a, organisation_a, login, send_now):
    cycle = ReviewCycleFactory()
    data = {
        "objectives": [Objective.objects.get(number=5).pk, Objective.objects.get(number=6).pk],
        "organisation": organisation_a.pk,
        "role": "lead",
        "focal_point": focal_point_a.pk,
        "deadline": "2030-01-31",
    }
    with send_now():
        send_twice(login(secretariat), reverse("inputs:call-for-inputs", args=[cycle.pk]), data)
    assert Assignment.objects.count() == 2 and len(mail.outbox) == 1  # one e-mail for both, sent once


def test_an_activity_recorded_twice_is_stored_once(agency_staff, agency, login):
    client = login(agency_staff)
    first, second = send_twice(client, reverse("objectives:activity-create"), activity_data(agency))
    assert first.status_code == 302 and Activity.objects.count() == 1
    assert second.redirect_chain[-1][0] == first["Location"] and "nothing was done twice" in second.text


def test_a_restore_sent_twice_restores_once(secretariat, agency, login):
    activity = ActivityFactory(title="First title", lead_organisation=agency)
    activity.title = "Second title"
    activity.save()
    first_version = activity.history.earliest()
    url = reverse("history:restore", args=["activity", activity.pk, first_version.history_id])
    version = activity.version
    send_twice(login(secretariat), url, {"fields": ["title"]}, form_url=url)  # the confirmation page's form
    activity.refresh_from_db()
    assert activity.title == "First title" and activity.version == version + 1  # each restore moves it on


def test_a_form_sent_back_with_errors_keeps_its_key_for_the_corrected_form(agency_staff, agency, login):
    client = login(agency_staff)
    url = reverse("objectives:activity-create")
    key = form_key(client, url)
    assert client.post(url, {**activity_data(agency, title_en=""), "form_key": key}).status_code == 400
    assert client.post(url, {**activity_data(agency), "form_key": key}).status_code == 302
    assert Activity.objects.count() == 1


def test_keys_of_forms_sent_long_ago_are_forgotten(secretariat, agency_staff, agency, login):
    client = login(agency_staff)
    send_twice(client, reverse("objectives:activity-create"), activity_data(agency))
    assert forget_form_keys_task() == 0
    with time_machine.travel(datetime.timedelta(days=3)):
        assert forget_form_keys_task() == 1
    assert not FormSubmission.objects.exists()

"""Every state-changing form sent twice at the same moment (a double click, two tabs): carried out once.

Two real requests run in two threads on their own database connections, released together by a
barrier. Forms that change a state (submit, accept, return) rely on a row lock and the expected
state; forms that create something rely on their one-time key (uncnm_portal/once.py).
"""

import re
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.urls import reverse

from drafts.models import ExportJob
from inputs.models import Assignment, Evidence, Input
from objectives.models import Activity, Objective
from stakeholders.models import OutgoingEmail, User
from tests.factories import AssignmentFactory, OrganisationFactory, ReviewCycleFactory, UserFactory
from tests.objectives.test_activities import activity_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def double_click(user, url: str, data, *, form_url: str | None = None) -> list[int]:
    """POST the same form twice at the same moment; data is a dict or a function making one per click."""
    key = None
    if form_url:
        client = Client()
        client.force_login(user)
        key = re.search(r'name="form_key" value="([0-9a-f-]{36})"', client.get(form_url).text)[1]
    barrier = threading.Barrier(2)
    results: list[int] = []

    def click() -> None:
        try:
            client = Client()
            client.force_login(user)
            payload = data() if callable(data) else dict(data)
            if key:
                payload["form_key"] = key
            barrier.wait(timeout=10)
            results.append(client.post(url, payload).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_submit_double_clicked_20_times_gives_one_submission_and_one_file_each_time():
    organisation = OrganisationFactory()
    reporter = UserFactory(role="Government focal point", organisation=organisation)
    for trial in range(20):
        input_ = AssignmentFactory(organisation=organisation, focal_point=reporter).input

        def data(trial=trial) -> dict:
            upload = SimpleUploadedFile("plan.pdf", PDF + str(trial).encode(), content_type="application/pdf")
            return {"measures": f"Measures of trial {trial}", "actions": [], "submit": "1", "evidence": [upload]}

        assert double_click(reporter, input_.get_absolute_url(), data) == [302, 302], trial
        input_.refresh_from_db()
        assert input_.status == Input.Status.SUBMITTED
        assert Evidence.objects.filter(input=input_).count() == 1, trial
        assert input_.history.filter(status=Input.Status.SUBMITTED).count() == 1, trial


@pytest.mark.parametrize("action", ["accept", "return"])
def test_accept_or_return_double_clicked_happens_once(action):
    input_ = AssignmentFactory(with_input={"status": "submitted", "measures": "x"}).input
    staff = UserFactory(role="Secretariat")
    url = reverse(f"inputs:input-{action}", args=[input_.pk])
    assert double_click(staff, url, {"comment": "Please add the figures."}) == [302, 302]
    status = Input.Status.ACCEPTED if action == "accept" else Input.Status.RETURNED
    assert Input.history.filter(id=input_.pk, status=status).count() == 1


def test_start_export_double_clicked_builds_one_draft(eager_celery):
    cycle = ReviewCycleFactory()
    staff = UserFactory(role="Secretariat")
    url = reverse("drafts:export-list", args=[cycle.pk])
    data = {"language": "en", "objectives": [Objective.objects.get(number=1).pk]}
    assert double_click(staff, url, data, form_url=url) == [302, 302]
    assert ExportJob.objects.count() == 1


def test_invite_double_clicked_creates_one_account_and_one_e_mail():
    organisation = OrganisationFactory()
    staff = UserFactory(role="Secretariat")
    url = reverse("accounts:user-invite")
    data = {
        "full_name": "Olga Sidorenko",
        "email": "olga@example.org",
        "organisation": organisation.pk,
        "role": "Government focal point",
        "language": "ru",
    }
    assert sorted(double_click(staff, url, data, form_url=url)) == [302, 302]
    assert User.objects.filter(email="olga@example.org").count() == 1 and OutgoingEmail.objects.count() == 1


def test_call_for_inputs_double_clicked_assigns_once():
    cycle = ReviewCycleFactory()
    organisation = OrganisationFactory()
    staff = UserFactory(role="Secretariat")
    url = reverse("inputs:call-for-inputs", args=[cycle.pk])
    data = {"objectives": [Objective.objects.get(number=5).pk], "organisation": organisation.pk, "role": "lead"}
    data["deadline"] = "2030-01-31"
    assert double_click(staff, url, data, form_url=url) == [302, 302]
    assert Assignment.objects.count() == 1 and OutgoingEmail.objects.count() == 0  # no focal point named


def test_record_activity_double_clicked_stores_one_activity():
    organisation = OrganisationFactory(kind="un_agency")
    staff = UserFactory(role="Agency staff", organisation=organisation)
    url = reverse("objectives:activity-create")
    assert double_click(staff, url, activity_data(organisation), form_url=url) == [302, 302]
    assert Activity.objects.count() == 1

"""Implausible dates and years get a clear message wherever they can be typed, never a 500 later (issue 16)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.urls import reverse

from inputs.models import Assignment
from objectives.models import Activity
from reviews.models import ReviewCycle
from tests.factories import ReviewCycleFactory
from tests.objectives.test_activities import activity_data

pytestmark = pytest.mark.django_db
MESSAGE = "Enter a date between 1990 and 2100."


def test_call_for_inputs_refuses_a_deadline_in_year_9999(secretariat, focal_point_a, organisation_a, login):
    cycle = ReviewCycleFactory()
    response = login(secretariat).post(
        reverse("inputs:call-for-inputs", args=[cycle.pk]),
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


def test_an_oversized_request_is_refused_before_its_body_is_read(focal_point_a, organisation_a, login):
    from tests.factories import AssignmentFactory

    assignment = AssignmentFactory(organisation=organisation_a, focal_point=focal_point_a)
    client = login(focal_point_a)

    class Unreadable(io.BytesIO):
        def read(self, *args):
            raise AssertionError("the body was read")

    response = client.generic(
        "POST",
        assignment.input.get_absolute_url(),
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(101 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert "The files sent together are too large" in response.text and "100.0\xa0MB" in response.text


def test_a_file_over_the_limit_is_stopped_while_it_is_read_and_reported(focal_point_a, organisation_a, login, settings):
    from inputs.models import Evidence, Input
    from tests.factories import AssignmentFactory
    from tests.inputs.test_inputs import PDF, data

    settings.UPLOAD_MAX_FILE_BYTES = 1024 * 1024
    assignment = AssignmentFactory(organisation=organisation_a, focal_point=focal_point_a)
    stored = []
    original = TemporaryFileUploadHandler.receive_data_chunk
    TemporaryFileUploadHandler.receive_data_chunk = lambda self, chunk, start: (
        stored.append(len(chunk)) or original(self, chunk, start)
    )
    try:
        big = SimpleUploadedFile("scan.pdf", PDF + b"0" * (5 * 1024 * 1024), content_type="application/pdf")
        response = login(focal_point_a).post(
            assignment.input.get_absolute_url(), {**data(measures="Kept text"), "evidence": [big]}
        )
    finally:
        TemporaryFileUploadHandler.receive_data_chunk = original
    assert response.status_code == 400
    assert "The file scan.pdf is larger than 1.0\xa0MB." in response.text and "Kept text" in response.text
    assert sum(stored) <= 1024 * 1024  # never more than the limit spooled to disk
    assert not Evidence.objects.exists() and Input.objects.get().measures == ""


def multipart(fields: dict, files: list[tuple[str, bytes]]) -> tuple[bytes, str]:
    """A form body as a client may send it, file names unchecked (the test client refuses some)."""
    boundary = "----uncnm-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts += [
        f'--{boundary}\r\nContent-Disposition: form-data; name="evidence"; filename="{filename}"\r\n'
        f"Content-Type: application/pdf\r\n\r\n".encode()
        + content
        + b"\r\n"
        for filename, content in files
    ]
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


@pytest.mark.parametrize(("filename", "status"), [("..", 400), ("", 302)])
def test_a_file_whose_name_django_drops_is_named_in_the_form_not_lost_silently(
    focal_point_a, organisation_a, login, filename, status
):
    from inputs.models import Evidence, Input
    from tests.factories import AssignmentFactory
    from tests.inputs.test_inputs import PDF

    assignment = AssignmentFactory(organisation=organisation_a, focal_point=focal_point_a)
    body, content_type = multipart({"measures": "Kept text"}, [(filename, PDF if filename else b"")])
    response = login(focal_point_a).generic("POST", assignment.input.get_absolute_url(), body, content_type)
    assert response.status_code == status  # an empty name is an empty file field: no error
    if filename:
        assert "A file named “..” cannot be stored: rename it and attach it again." in response.text
        assert "Kept text" in response.text and Input.objects.get().measures == ""
    assert not Evidence.objects.exists()

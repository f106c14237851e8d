"""Two people save the same assessment at the same moment: one wins, the other meets the conflict page."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from reviews.models import ObjectiveAssessment
from tests.factories import AssessmentFactory, ReviewCycleFactory, UserFactory
from tests.reviews.test_assessments import form_data

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_two_concurrent_saves_of_the_same_version(django_db_blocker):
    assessment = AssessmentFactory(cycle=ReviewCycleFactory(), achievements="Original")
    url = reverse("reviews:assessment-update", args=[1, assessment.cycle_id])
    editors = [UserFactory(role="Secretariat"), UserFactory(role="Secretariat")]
    barrier = threading.Barrier(len(editors))
    results: dict[str, int] = {}

    def save(user, text: str) -> None:
        try:
            client = Client()
            client.force_login(user)
            assert client.get(url).status_code == 200  # both start from version 1
            barrier.wait(timeout=10)
            results[text] = client.post(url, form_data(version=1, achievements=text)).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(user, f"Text of {user.username}")) for user in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(results.values()) == [302, 409], results
    winner = next(text for text, status in results.items() if status == 302)
    assessment.refresh_from_db()
    assert assessment.version == 2
    assert assessment.achievements == winner
    assert ObjectiveAssessment.history.filter(id=assessment.pk, achievements__startswith="Text of").count() == 1


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def test_a_double_clicked_submit_submits_once_with_one_copy_of_the_file():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from reviews.models import Evidence, Input
    from tests.factories import AssignmentFactory, OrganisationFactory

    organisation = OrganisationFactory()
    reporter = UserFactory(role="Government focal point", organisation=organisation)
    for trial in range(5):
        input_ = AssignmentFactory(organisation=organisation, focal_point=reporter).input
        barrier = threading.Barrier(2)
        results: list[int] = []

        def click(input_=input_, barrier=barrier, results=results, trial=trial) -> None:
            try:
                client = Client()
                client.force_login(reporter)
                data = {
                    "measures": f"Measures of trial {trial}",
                    "actions": [],
                    "submit": "1",
                    "evidence": [SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")],
                }
                barrier.wait(timeout=10)
                results.append(client.post(input_.get_absolute_url(), data).status_code)
            finally:
                connection.close()

        threads = [threading.Thread(target=click) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        input_.refresh_from_db()
        assert results == [302, 302], results
        assert input_.status == Input.Status.SUBMITTED
        assert Evidence.objects.filter(input=input_).count() == 1
        assert input_.history.filter(status=Input.Status.SUBMITTED).count() == 1


def test_a_double_clicked_accept_accepts_once():
    from reviews.models import Input
    from tests.factories import AssignmentFactory

    input_ = AssignmentFactory(with_input={"status": "submitted", "measures": "x"}).input
    staff = UserFactory(role="Secretariat")
    barrier = threading.Barrier(2)
    results: list[int] = []

    def click() -> None:
        try:
            client = Client()
            client.force_login(staff)
            barrier.wait(timeout=10)
            results.append(client.post(reverse("reviews:input-accept", args=[input_.pk])).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert results == [302, 302]
    assert Input.history.filter(id=input_.pk, status=Input.Status.ACCEPTED).count() == 1

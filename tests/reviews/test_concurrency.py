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

"""Redis away: pages still render, an export is recorded and done once the broker is back (issue 16)."""

import pytest
from django.urls import reverse
from kombu.exceptions import OperationalError

from drafts.models import ExportJob
from drafts.tasks import export_draft_task, requeue_stuck_exports_task
from objectives.models import Objective
from tests.factories import AssessmentFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db
NO_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def broker_down(monkeypatch):
    """Sending a task fails as kombu fails when Redis refuses the connection."""

    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(export_draft_task, "delay", refuse)


def test_the_dashboard_renders_with_its_cache_away(settings, observer, login):
    settings.CACHES = {"default": {"BACKEND": "uncnm_portal.cache.FailOpenRedisCache", "LOCATION": NO_REDIS}}
    AssessmentFactory(cycle=ReviewCycleFactory(year=2030))
    response = login(observer).get(reverse("reviews:dashboard"))
    assert response.status_code == 200 and "<svg" in response.content.decode()


def test_an_export_started_with_the_broker_away_is_done_once_it_is_back(
    broker_down, monkeypatch, secretariat, login, eager_celery, django_capture_on_commit_callbacks, settings
):
    cycle = ReviewCycleFactory(year=2030)
    with django_capture_on_commit_callbacks(execute=True):
        response = login(secretariat).post(
            reverse("drafts:export-list", args=[cycle.pk]),
            {"language": "en", "objectives": [Objective.objects.get(number=1).pk]},
        )
    job = ExportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == ExportJob.Status.QUEUED  # recorded, waiting for the broker

    assert job.sent_at is None and "it will start shortly" in login(secretariat).get(job.get_absolute_url()).text

    monkeypatch.undo()  # the broker is back; the periodic sweeper sends what was never picked up
    settings.EXPORT_UNSENT_AFTER = 0
    assert requeue_stuck_exports_task() == 1
    job.refresh_from_db()
    assert job.status == ExportJob.Status.DONE and job.attempts == 1 and job.sent_at
    assert requeue_stuck_exports_task() == 0  # done once

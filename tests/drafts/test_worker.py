"""Tasks through real Redis and real worker processes: exports (one killed mid-export) and reminders."""

import os
import signal
import time
from pathlib import Path

import pytest

from drafts.models import ExportJob, ReportSection
from drafts.tasks import export_draft_task, requeue_stuck_exports_task
from objectives.models import Objective
from tests.factories import AssessmentFactory, ExportJobFactory, ReviewCycleFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def wait_for(job: ExportJob, condition, timeout: float = 90) -> ExportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if condition(job):
            return job
        time.sleep(0.2)
    pytest.fail(f"export {job.pk} stayed {job.status}/{job.stage} (attempts {job.attempts}): {job.error}")


def files_of(job: ExportJob, settings) -> list[str]:
    folder = Path(settings.MEDIA_ROOT) / "exports" / str(job.pk)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_export_completes_on_a_real_worker(celery_workers, settings):
    celery_workers.start()
    cycle = ReviewCycleFactory(year=2030, level="global")
    AssessmentFactory(cycle=cycle)
    job = ExportJobFactory(cycle=cycle)
    started = time.monotonic()
    export_draft_task.delay(job.pk)
    job = wait_for(job, lambda j: j.is_finished)
    assert job.status == "done", job.error
    assert time.monotonic() - started < 15
    assert job.pdf_pages > 5 and len(files_of(job, settings)) == 3


def test_worker_killed_mid_export_still_ends_with_one_completed_file(celery_workers, settings):
    # Pauses between stages give the test time to kill the worker in the middle of the job.
    worker = celery_workers.start(app="tests.slow_celery", SLOW_EXPORT_STAGE="2", EXPORT_STALE_AFTER="3")
    settings.EXPORT_STALE_AFTER = 3
    cycle = ReviewCycleFactory(year=2030)
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=1)])
    export_draft_task.delay(job.pk)
    wait_for(job, lambda j: j.stage == ExportJob.Stage.RENDERING_HTML)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)
    job.refresh_from_db()
    assert job.status == "running" and job.attempts == 1

    celery_workers.start(EXPORT_STALE_AFTER="3")
    time.sleep(3.5)  # the dead worker's heartbeat goes stale
    assert requeue_stuck_exports_task() == 1  # the periodic sweeper, run now rather than in a minute
    job = wait_for(job, lambda j: j.is_finished)
    assert job.status == "done" and job.attempts == 2
    assert len(files_of(job, settings)) == 3  # one PDF, one DOCX, one HTML source: no duplicates


def test_a_killed_task_process_is_resumed_at_once_without_the_sweeper(celery_workers, settings):
    # Production runs prefork workers: when the process running the export dies, the broker delivers
    # the same task again at once, and its claim recognises its own lost attempt.
    worker = celery_workers.start(app="tests.slow_celery", pool="prefork", SLOW_EXPORT_STAGE="2")
    cycle = ReviewCycleFactory(year=2030)
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=1)])
    export_draft_task.delay(job.pk)
    wait_for(job, lambda j: j.stage == ExportJob.Stage.RENDERING_HTML)
    (child,) = celery_workers.children(worker)
    killed_at = time.monotonic()
    os.kill(child, signal.SIGKILL)
    job = wait_for(job, lambda j: j.is_finished, timeout=60)
    assert job.status == "done" and job.attempts == 2, job.error
    assert time.monotonic() - killed_at < settings.EXPORT_STALE_AFTER / 5  # not the sweeper's minutes
    assert len(files_of(job, settings)) == 3


def test_a_task_that_always_crashes_ends_failed_after_three_attempts(celery_workers):
    celery_workers.start(EXPORT_RETRY_DELAY="0")
    cycle = ReviewCycleFactory(year=2030)
    ReportSection.ensure_outline(cycle)
    ReportSection.objects.filter(cycle=cycle, kind="policy").update(kind="corrupted")
    job = ExportJobFactory(cycle=cycle)
    export_draft_task.delay(job.pk)
    job = wait_for(job, lambda j: j.status == "failed")
    assert job.attempts == 3
    assert "unknown kind: corrupted" in job.error


def test_reminder_job_is_idempotent_on_a_real_worker(celery_workers, organisation_a, focal_point_a):
    import datetime

    from inputs.models import Reminder
    from inputs.tasks import send_deadline_reminders_task
    from tests.factories import AssignmentFactory

    celery_workers.start()
    AssignmentFactory(
        organisation=organisation_a,
        focal_point=focal_point_a,
        deadline=datetime.date.today() + datetime.timedelta(days=1),
    )
    assert send_deadline_reminders_task.delay().get(timeout=60) == 1
    assert send_deadline_reminders_task.delay().get(timeout=60) == 0  # the second run sends nothing new
    assert Reminder.objects.get().kind == "1d"

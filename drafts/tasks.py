"""The export jobs' tasks: they only orchestrate (the job's states live on ExportJob, the build in report.py).

Their names stay those they had in `reviews.tasks`, so jobs queued before an upgrade are still picked up.
"""

import datetime
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.utils.translation import gettext as _

from .models import ExportJob
from .report import build_export

logger = logging.getLogger(__name__)


def _stale_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.EXPORT_STALE_AFTER)


def _unsent_after() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.EXPORT_UNSENT_AFTER)


def send_export(job_id: int) -> None:
    """Hand the job to the workers and note it; with the broker away this raises and the sweeper sends it later."""
    export_draft_task.delay(job_id)
    ExportJob.mark_sent(job_id)


@shared_task(
    name="reviews.tasks.export_draft_task",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.EXPORT_TIME_LIMIT,
    soft_time_limit=max(settings.EXPORT_TIME_LIMIT - 15, 1),
)
def export_draft_task(self, job_id: int) -> str:
    """Build one export job's PDF and DOCX; a second delivery of the same job finds it claimed and does nothing,
    unless it is this task delivered again because its worker died: then the attempt is resumed at once."""
    job = ExportJob.claim(job_id, stale_after=_stale_after(), task_id=self.request.id or "")
    if job is None:
        return "skipped"
    try:
        build_export(job)
    except SoftTimeLimitExceeded:
        reason = _("The export took longer than %(seconds)s seconds.") % {"seconds": settings.EXPORT_TIME_LIMIT}
        return _after_failure(job, reason)
    except Exception as exc:
        logger.exception("Export %s failed on attempt %s", job.pk, job.attempts)
        return _after_failure(job, _("The draft could not be built: %(error)s") % {"error": exc})
    return "done"


def _after_failure(job: ExportJob, reason: str) -> str:
    if job.fail_attempt(reason):
        export_draft_task.apply_async((job.pk,), countdown=settings.EXPORT_RETRY_DELAY)
        return "retrying"
    return "failed"


@shared_task(name="reviews.tasks.requeue_stuck_exports_task")
def requeue_stuck_exports_task() -> int:
    """Send exports that no worker is working on back to the queue; the claim fails those out of attempts."""
    stuck = ExportJob.objects.stuck(older_than=_stale_after(), unsent_after=_unsent_after())
    job_ids = list(stuck.values_list("pk", flat=True))
    for job_id in job_ids:
        send_export(job_id)
    return len(job_ids)

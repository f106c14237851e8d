import datetime
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import notifications
from .models import Assignment, ExportJob, Input, Reminder
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


@shared_task
def requeue_stuck_exports_task() -> int:
    """Send exports that no worker is working on back to the queue; the claim fails those out of attempts."""
    stuck = ExportJob.objects.stuck(older_than=_stale_after(), unsent_after=_unsent_after())
    job_ids = list(stuck.values_list("pk", flat=True))
    for job_id in job_ids:
        send_export(job_id)
    return len(job_ids)


@shared_task
def send_deadline_reminders_task() -> int:
    """E-mail reminders 7 days and 1 day before a deadline and once when overdue; never the same one twice."""
    today = timezone.localdate()
    sent = 0
    pending = Assignment.objects.filter(input__status__in=[Input.Status.DRAFT, Input.Status.RETURNED]).select_related(
        "cycle", "objective", "organisation", "focal_point", "input"
    )
    for assignment in pending:
        kind = assignment.reminder_due(today)
        if kind is None:
            continue
        try:
            with transaction.atomic():
                Reminder.objects.create(assignment=assignment, kind=kind, deadline=assignment.effective_deadline)
                notifications.remind(assignment, kind)
        except IntegrityError:
            continue  # this reminder went out before
        sent += 1
    return sent

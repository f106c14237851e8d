"""The deadline reminders' task. Its Celery name stays the one it had in `reviews.tasks`, like the exports'
(drafts/tasks.py), so a reminder run queued before an upgrade still runs."""

from celery import shared_task
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import notifications
from .models import Assignment, Input, Reminder


@shared_task(name="reviews.tasks.send_deadline_reminders_task")
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

"""E-mails of the input workflow: rendered from templates in the recipient's language, sent by Celery."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from stakeholders.models import Role, User

from .models import Assignment, Input
from .tasks import send_email_task


def absolute(path: str) -> str:
    return settings.PORTAL_URL.rstrip("/") + path


def invite(*, user: User, invited_by: User) -> None:
    """E-mail a new account a one-time link to choose a password (single use, expires with PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = absolute(reverse("invitation-accept", args=[uid, default_token_generator.make_token(user)]))
    context = {"name": user.get_full_name(), "link": link, "inviter": invited_by.get_full_name() or invited_by.username,
               "days": settings.PASSWORD_RESET_TIMEOUT // 86400}  # fmt: skip
    send_email_task.delay_on_commit("invitation", user.pk, context)


def recipients(assignment: Assignment) -> list[User]:
    """The assignment's focal point, or else the organisation's reporting accounts."""
    if assignment.focal_point and assignment.focal_point.is_active:
        return [assignment.focal_point]
    return list(
        User.objects.filter(
            organisation=assignment.organisation, is_active=True, groups__name__in=[Role.FOCAL_POINT, Role.AGENCY_STAFF]
        ).distinct()
    )


def _assignment_context(assignment: Assignment) -> dict:
    return {
        "objective": str(assignment.objective),
        "cycle": assignment.cycle.name,
        "deadline": assignment.effective_deadline.isoformat(),
        "link": absolute(reverse("reviews:input-detail", args=[assignment.input.pk])),
    }


def notify_assigned(assignment: Assignment) -> None:
    for user in recipients(assignment):
        send_email_task.delay_on_commit("assignment", user.pk, _assignment_context(assignment))


def notify_returned(input_: Input) -> None:
    context = {**_assignment_context(input_.assignment), "comment": input_.return_comment}
    for user in recipients(input_.assignment):
        send_email_task.delay_on_commit("input_returned", user.pk, context)


def remind(assignment: Assignment, kind: str) -> None:
    context = {**_assignment_context(assignment), "kind": kind}
    for user in recipients(assignment):
        send_email_task.delay_on_commit("deadline_reminder", user.pk, context)

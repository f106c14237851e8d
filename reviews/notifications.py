"""E-mails of the input workflow: rendered from templates in the recipient's language, sent by Celery."""

from django.urls import reverse

from stakeholders.emails import portal_url, send_email
from stakeholders.models import Role, User

from .models import Assignment, Input


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
        "link": portal_url(reverse("reviews:input-detail", args=[assignment.input.pk])),
    }


def notify_assigned(assignment: Assignment) -> None:
    """E-mail the people who report on a new assignment."""
    for user in recipients(assignment):
        send_email("assignment", user, _assignment_context(assignment))


def notify_returned(input_: Input) -> None:
    """E-mail the reporters that the secretariat returned their input, with its comment."""
    context = {**_assignment_context(input_.assignment), "comment": input_.return_comment}
    for user in recipients(input_.assignment):
        send_email("input_returned", user, context)


def remind(assignment: Assignment, kind: str) -> None:
    """E-mail the reporters a deadline reminder of the given kind."""
    context = {**_assignment_context(assignment), "kind": kind}
    for user in recipients(assignment):
        send_email("deadline_reminder", user, context)

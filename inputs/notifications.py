"""E-mails of the input workflow: rendered from templates in the recipient's language, sent by Celery.

The names in an e-mail (objective, cycle) are taken in the recipient's language when the e-mail is
recorded, and dates are formatted in it, whatever the language of the person whose action sends it.
"""

from collections import defaultdict

from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from stakeholders.emails import portal_url, send_email, send_email_to_address
from stakeholders.models import Notification, Role, User

from .models import Assignment, Input, WrittenContribution


def recipients(assignment: Assignment) -> list[User]:
    """The assignment's focal point, or else the organisation's reporting accounts."""
    if assignment.focal_point and assignment.focal_point.is_active:
        return [assignment.focal_point]
    return list(
        User.objects.filter(
            organisation=assignment.organisation, is_active=True, groups__name__in=[Role.FOCAL_POINT, Role.AGENCY_STAFF]
        ).distinct()
    )


def _assignment_context(assignment: Assignment, user: User) -> dict:
    with translation.override(user.language):
        return {
            "objective": str(assignment.objective),
            "cycle": assignment.cycle.name,
            "organisation": assignment.organisation.display_name,
            "deadline": date_format(assignment.effective_deadline, "DATE_FORMAT"),
            "link": portal_url(reverse("inputs:input-detail", args=[assignment.input.pk])),
        }


def notify_assigned(assignments: list[Assignment]) -> None:
    """E-mail the people who report on new assignments: one e-mail per person, listing all of theirs."""
    by_user: dict[User, list[Assignment]] = defaultdict(list)
    for assignment in assignments:
        for user in recipients(assignment):
            by_user[user].append(assignment)
    for user, theirs in by_user.items():
        items = [_assignment_context(assignment, user) for assignment in theirs]
        send_email("assignment", user, {"cycle": items[0]["cycle"], "items": items})


def _notify(kind: str, users, input_: Input) -> None:
    """The in-portal notification beside the e-mail: what, about which input (in each user's language), where."""
    link = reverse("inputs:input-detail", args=[input_.pk])
    rows = []
    for user in users:
        with translation.override(user.language):
            subject = f"{input_.assignment.objective} · {input_.assignment.organisation.display_name}"
        rows.append(Notification(user=user, kind=kind, subject=subject[:300], link=link))
    Notification.objects.bulk_create(rows)


def notify_submitted(input_: Input) -> None:
    """E-mail the secretariat that an input arrived, with a link to it and to the review queue."""
    assignment = input_.assignment
    secretariat = list(User.objects.filter(is_active=True, groups__name=Role.SECRETARIAT).distinct())
    for user in secretariat:
        if not user.email:
            continue
        context = _assignment_context(assignment, user)
        context["queue"] = portal_url(reverse("inputs:input-queue", args=[assignment.cycle_id]))
        send_email("input_submitted", user, context)
    _notify(Notification.Kind.INPUT_SUBMITTED, secretariat, input_)


def notify_returned(input_: Input) -> None:
    """E-mail the reporters that the secretariat returned their input, with its comment."""
    users = recipients(input_.assignment)
    for user in users:
        context = {**_assignment_context(input_.assignment, user), "comment": input_.return_comment}
        send_email("input_returned", user, context)
    _notify(Notification.Kind.INPUT_RETURNED, users, input_)


def notify_accepted(input_: Input) -> None:
    """Tell the reporters in the portal that their input was accepted (no e-mail: nothing for them to do)."""
    _notify(Notification.Kind.INPUT_ACCEPTED, recipients(input_.assignment), input_)


def remind(assignment: Assignment, kind: str) -> None:
    """E-mail the reporters a deadline reminder of the given kind."""
    for user in recipients(assignment):
        send_email("deadline_reminder", user, {**_assignment_context(assignment, user), "kind": kind})


def notify_invited_contributor(contribution: WrittenContribution) -> None:
    """E-mail the invited organisation its link, in the language chosen for it (it has no account)."""
    with translation.override(contribution.language):
        context = {
            "name": contribution.contact_name,
            "organisation": str(contribution.organisation),
            "cycle": contribution.cycle.name,
            "until": date_format(contribution.open_until, "DATE_FORMAT"),
            "link": portal_url(contribution.public_path()),
        }
    send_email_to_address("contribution_invitation", contribution.contact_email, contribution.language, context)

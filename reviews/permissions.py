"""Who may change review data. Everyone with a role may read it."""

from stakeholders.models import Role, User
from stakeholders.permissions import has_any_role, reporting_organisation_id


def can_edit_assessments(user: User) -> bool:
    """Assessments and action statuses are the secretariat's to write."""
    return has_any_role(user, Role.SECRETARIAT)


def can_restore_progress(user: User, assessment_or_status) -> bool:
    """An earlier version of an assessment or an action's status is restored by whoever edits assessments."""
    return can_edit_assessments(user)


def can_export(user: User) -> bool:
    """Staff export review drafts and download them: the secretariat and agency staff."""
    return has_any_role(user, Role.SECRETARIAT, Role.AGENCY_STAFF)


def can_edit_outline(user: User) -> bool:
    return has_any_role(user, Role.SECRETARIAT)


def can_manage_calls(user: User) -> bool:
    """Calls for inputs, invitations and the review of inputs are the secretariat's."""
    return has_any_role(user, Role.SECRETARIAT)


def is_reviewer(user: User, cycle) -> bool:
    """Who reviews, comments on and validates the draft: the secretariat and the focal points of the
    cycle's lead State body."""
    if has_any_role(user, Role.SECRETARIAT):
        return True
    organisation_id = reporting_organisation_id(user)
    return bool(
        organisation_id and cycle.lead_organisation_id == organisation_id and has_any_role(user, Role.FOCAL_POINT)
    )


def can_view_version(user: User, version) -> bool:
    """A version of the draft is read by those who export drafts and by its reviewers."""
    return can_export(user) or is_reviewer(user, version.cycle)

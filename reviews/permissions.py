"""Who may change review data. Everyone with a role may read it."""

from stakeholders.models import Role, User
from stakeholders.permissions import has_any_role


def can_edit_assessments(user: User) -> bool:
    """Assessments and action statuses are the secretariat's to write."""
    return has_any_role(user, Role.SECRETARIAT)


def can_export(user: User) -> bool:
    """Staff export review drafts and download them: the secretariat and agency staff."""
    return has_any_role(user, Role.SECRETARIAT, Role.AGENCY_STAFF)


def can_edit_outline(user: User) -> bool:
    return has_any_role(user, Role.SECRETARIAT)

"""Who may change review data. Everyone with a role may read it."""

from stakeholders.models import Role, User
from stakeholders.permissions import has_any_role


def can_edit_assessments(user: User) -> bool:
    """Assessments and action statuses are the secretariat's to write."""
    return has_any_role(user, Role.SECRETARIAT)

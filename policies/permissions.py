"""Who may change the policy register. Everyone with a role may read it."""

from stakeholders.models import Role, User
from stakeholders.permissions import has_any_role


def can_edit_policies(user: User) -> bool:
    """The register is the secretariat's to keep, on the Government's information."""
    return has_any_role(user, Role.SECRETARIAT)

"""Who may do what with pledges. Everyone with a role reads them."""

from stakeholders.models import Role, User
from stakeholders.permissions import has_any_role, reporting_organisation_id


def can_propose(user: User) -> bool:
    """The secretariat, and focal points and agency staff for their own organisation."""
    return has_any_role(user, Role.SECRETARIAT) or reporting_organisation_id(user) is not None


def can_edit_pledge(user: User, pledge) -> bool:
    """The secretariat edits every pledge; reporters their organisation's while it is proposed."""
    if has_any_role(user, Role.SECRETARIAT):
        return True
    return pledge.is_editable_by_reporters and reporting_organisation_id(user) == pledge.organisation_id


def can_validate(user: User) -> bool:
    return has_any_role(user, Role.SECRETARIAT)

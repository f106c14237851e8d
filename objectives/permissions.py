"""Who may change what in the objectives app. Everyone with a role may read."""

from stakeholders.models import Role, User
from stakeholders.permissions import has_any_role


def can_manage_indicators(user: User) -> bool:
    return has_any_role(user, Role.SECRETARIAT)


def can_edit_indicator(user: User, indicator) -> bool:
    """Indicators are the secretariat's to edit, any of them (and so to restore from their history)."""
    return can_manage_indicators(user)


def can_create_activity(user: User) -> bool:
    """The secretariat, and agency staff who belong to an organisation."""
    if has_any_role(user, Role.SECRETARIAT):
        return True
    return has_any_role(user, Role.AGENCY_STAFF) and user.organisation_id is not None


def can_edit_activity(user: User, activity) -> bool:
    """The secretariat edits every activity; agency staff those their organisation leads."""
    if has_any_role(user, Role.SECRETARIAT):
        return True
    return (
        has_any_role(user, Role.AGENCY_STAFF)
        and user.organisation_id is not None
        and activity.lead_organisation_id == user.organisation_id
    )

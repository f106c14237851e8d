"""Who may change an input: object rules beside the model (the roles' rules are in reviews/permissions.py)."""

from stakeholders.models import Role, User
from stakeholders.permissions import has_any_role, reporting_organisation_id


def reports_for(user: User, input_) -> bool:
    """Focal points and agency staff report their own organisation's inputs."""
    organisation = reporting_organisation_id(user)
    return bool(organisation) and input_.assignment.organisation_id == organisation


def can_edit_input(user: User, input_) -> bool:
    """Reporters edit their own organisation's input while it is a draft or returned."""
    return reports_for(user, input_) and input_.is_editable


def can_translate_input(user: User, input_) -> bool:
    """The input's own organisation (whatever its state: a translation changes none of its content) and the
    secretariat add its texts in other languages."""
    return reports_for(user, input_) or has_any_role(user, Role.SECRETARIAT)

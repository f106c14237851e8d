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


def can_manage_calls(user: User) -> bool:
    """Calls for inputs, invitations and the review of inputs are the secretariat's."""
    return has_any_role(user, Role.SECRETARIAT)


def _reporting_organisation(user: User) -> int | None:
    """Focal points report for their ministry, agency staff for their agency."""
    if has_any_role(user, Role.FOCAL_POINT, Role.AGENCY_STAFF) and user.organisation_id:
        return user.organisation_id
    return None


def _visible(user: User, queryset, *, organisation_field: str, accepted: dict):
    """The secretariat sees everything; reporters their organisation's rows; observers accepted ones only."""
    if has_any_role(user, Role.SECRETARIAT):
        return queryset
    organisation = _reporting_organisation(user)
    if organisation:
        return queryset.filter(**{organisation_field: organisation})
    if has_any_role(user, Role.OBSERVER):
        return queryset.filter(**accepted)
    return queryset.none()


def assignments_visible_to(user: User, queryset):
    return _visible(user, queryset, organisation_field="organisation_id", accepted={"input__status": "accepted"})


def inputs_visible_to(user: User, queryset):
    return _visible(user, queryset, organisation_field="assignment__organisation_id", accepted={"status": "accepted"})


def can_edit_input(user: User, input_) -> bool:
    organisation = _reporting_organisation(user)
    return bool(organisation) and input_.assignment.organisation_id == organisation and input_.is_editable

"""The drafts' part of "My work" (reviews/views/work.py reads it through DraftsConfig.my_work)."""

from stakeholders.models import Role
from stakeholders.permissions import has_any_role, reporting_organisation_id

from .models import DraftVersion


def to_validate(user) -> dict:
    """The versions sent for review to the lead State body, whose focal points validate them."""
    organisation_id = reporting_organisation_id(user)
    if not organisation_id or not has_any_role(user, Role.FOCAL_POINT):
        return {}
    versions = DraftVersion.objects.filter(
        status=DraftVersion.Status.UNDER_REVIEW, cycle__lead_organisation_id=organisation_id
    ).select_related("cycle")
    return {"to_validate": list(versions)}

"""What the drafts add to the pages of reviews (DraftsConfig.page_parts, read by uncnm_portal/parts.py)."""

from stakeholders.models import Role
from stakeholders.permissions import has_any_role, reporting_organisation_id

from .models import DraftVersion


def my_work(*, user, cycle) -> dict:
    """The versions sent for review to the lead State body, whose focal points validate them."""
    organisation_id = reporting_organisation_id(user)
    if not organisation_id or not has_any_role(user, Role.FOCAL_POINT):
        return {}
    versions = DraftVersion.objects.filter(
        status=DraftVersion.Status.UNDER_REVIEW, cycle__lead_organisation_id=organisation_id
    ).select_related("cycle")
    return {"to_validate": list(versions)}

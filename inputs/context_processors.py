"""The number beside "My work" in the navigation: what waits for the person (issue 15)."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from stakeholders.models import Role
from stakeholders.permissions import has_any_role, reporting_organisation_id

from .models import Assignment, Input


def _count(user) -> int:
    if has_any_role(user, Role.SECRETARIAT):
        return Input.objects.waiting_for_review().count()
    organisation_id = reporting_organisation_id(user)
    if organisation_id:
        return Assignment.objects.filter(organisation_id=organisation_id).open_requests().count()
    return 0


def my_work(request: HttpRequest) -> dict:
    """Counted only when a page shows it (one query), never for anonymous visitors."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"my_work_count": SimpleLazyObject(lambda: _count(user))}

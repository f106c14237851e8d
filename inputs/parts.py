"""What the call for inputs adds to the pages of reviews (InputsConfig.page_parts, read by uncnm_portal/parts.py)."""

from django.db.models import Prefetch

from objectives.models import Action
from stakeholders.models import Role
from stakeholders.permissions import has_any_role, reporting_organisation_id

from .models import Assignment, Input, WrittenContribution


def my_work(*, user, cycle) -> dict:
    """The inputs waiting for review, overdue requests and contributions (secretariat), the requests made
    of one's organisation (reporters), the inputs accepted lately (observers)."""
    context = {}
    if has_any_role(user, Role.SECRETARIAT):
        contributions = WrittenContribution.objects.filter(status=WrittenContribution.Status.SUBMITTED)
        context |= {
            "waiting": list(Input.objects.waiting_for_review()),
            "overdue": list(Assignment.objects.overdue()),
            "contributions": list(contributions.select_related("organisation", "cycle")),
        }
    organisation_id = reporting_organisation_id(user)
    if organisation_id:
        context["requests"] = list(Assignment.objects.filter(organisation_id=organisation_id).open_requests())
    if has_any_role(user, Role.OBSERVER):
        context["published"] = (
            Input.objects.visible_to(user)
            .accepted()
            .select_related("assignment__cycle", "assignment__objective", "assignment__organisation")
            .order_by("-reviewed_at")[:10]
        )
    return context


def assessment_form(*, cycle, objective) -> dict:
    """The accepted inputs on the objective, beside the narratives the secretariat writes from them."""
    accepted = Input.objects.accepted().filter(assignment__cycle=cycle, assignment__objective=objective)
    return {
        "accepted_inputs": accepted.select_related("assignment__organisation", "assignment__objective")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("letter")))
        .order_by("assignment__organisation__name")
    }

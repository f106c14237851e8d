"""My work: what needs each person's attention, the landing page after login (issue 15).

Reviews gives the objectives still to assess and the activities to keep up to date; the inputs and the
drafts apps add theirs (their AppConfig's page_parts, uncnm_portal/parts.py).
"""

from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from objectives.models import Activity, Objective
from stakeholders.models import Role
from stakeholders.permissions import has_any_role, member_required, reporting_organisation_id
from uncnm_portal.parts import page_parts

from ..models import ObjectiveAssessment, ReviewCycle


@member_required
def my_work(request: HttpRequest) -> HttpResponse:
    user = request.user
    cycle = ReviewCycle.objects.current()
    context = {"cycle": cycle, "today": timezone.localdate(), "notifications": list(user.notifications.unread()[:5])}
    if has_any_role(user, Role.SECRETARIAT):
        context["secretariat"] = True
        context["empty"] = _not_assessed(cycle)
    organisation_id = reporting_organisation_id(user)
    if organisation_id and has_any_role(user, Role.AGENCY_STAFF):
        context["activities"] = (
            Activity.objects.filter(lead_organisation_id=organisation_id)
            .exclude(status__in=[Activity.Status.COMPLETED, Activity.Status.CANCELLED])
            .order_by(F("end_date").asc(nulls_last=True), "title")[:10]
        )
    context |= page_parts("my-work", user=user, cycle=cycle)
    return render(request, "reviews/my_work.html", context)


def _not_assessed(cycle: ReviewCycle | None) -> list[Objective]:
    if cycle is None:
        return []
    assessed = ObjectiveAssessment.objects.filter(cycle=cycle).values_list("objective_id", flat=True)
    return list(Objective.objects.exclude(pk__in=assessed).order_by("number"))

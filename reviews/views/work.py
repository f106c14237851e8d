"""My work: what needs each person's attention, the landing page after login (issue 15)."""

from django.apps import apps
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.module_loading import import_string

from objectives.models import Activity, Objective
from stakeholders.models import Role
from stakeholders.permissions import has_any_role, member_required, reporting_organisation_id

from ..models import Assignment, Input, ObjectiveAssessment, ReviewCycle, WrittenContribution


@member_required
def my_work(request: HttpRequest) -> HttpResponse:
    user = request.user
    cycle = ReviewCycle.objects.current()
    context = {"cycle": cycle, "today": timezone.localdate(), "notifications": list(user.notifications.unread()[:5])}
    if has_any_role(user, Role.SECRETARIAT):
        context["secretariat"] = _secretariat(cycle)
    organisation_id = reporting_organisation_id(user)
    if organisation_id:
        context["requests"] = list(Assignment.objects.filter(organisation_id=organisation_id).open_requests())
        if has_any_role(user, Role.AGENCY_STAFF):
            context["activities"] = (
                Activity.objects.filter(lead_organisation_id=organisation_id)
                .exclude(status__in=[Activity.Status.COMPLETED, Activity.Status.CANCELLED])
                .order_by(F("end_date").asc(nulls_last=True), "title")[:10]
            )
    if has_any_role(user, Role.OBSERVER):
        context["published"] = (
            Input.objects.visible_to(user)
            .accepted()
            .select_related("assignment__cycle", "assignment__objective", "assignment__organisation")
            .order_by("-reviewed_at")[:10]
        )
    for config in apps.get_app_configs():
        # The apps above reviews add their part (drafts: the versions to validate): see their AppConfig.my_work.
        if getattr(config, "my_work", None):
            context.update(import_string(config.my_work)(user))
    return render(request, "reviews/my_work.html", context)


def _secretariat(cycle: ReviewCycle | None) -> dict:
    waiting = Input.objects.waiting_for_review()
    overdue = Assignment.objects.overdue()
    empty = []
    if cycle is not None:
        assessed = ObjectiveAssessment.objects.filter(cycle=cycle).values_list("objective_id", flat=True)
        empty = list(Objective.objects.exclude(pk__in=assessed).order_by("number"))
    contributions = WrittenContribution.objects.filter(status=WrittenContribution.Status.SUBMITTED).select_related(
        "organisation", "cycle"
    )
    return {"waiting": list(waiting), "overdue": list(overdue), "empty": empty, "contributions": list(contributions)}

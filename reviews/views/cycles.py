"""Review cycles: the list, a cycle's page, and the secretariat creating and editing cycles."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pledges.models import Pledge
from policies.models import PlanMeasure
from stakeholders.models import Role
from stakeholders.permissions import member_required, role_required
from uncnm_portal.once import once_per_form
from uncnm_portal.validators import int_or_none

from ..forms import (
    MeasureProgressForm,
    MeasureProgressFormSet,
    PledgeProgressForm,
    PledgeProgressFormSet,
    ReviewCycleForm,
)
from ..models import (
    MeasureProgress,
    PledgeProgress,
    ReviewCycle,
    mark_reported,
    plan_implementation,
)
from ..permissions import can_export, can_manage_calls, is_reviewer
from . import save_status_rows, warn_of_status_conflicts


@member_required
def cycle_list(request: HttpRequest) -> HttpResponse:
    context = {"cycles": ReviewCycle.objects.order_by("-year", "level"), "can_manage": can_manage_calls(request.user)}
    return render(request, "reviews/cycle_list.html", context)


@member_required
def cycle_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle.objects.select_related("lead_organisation"), pk=pk)
    # The drafts app adds the versions and the publication to the cycle (the related names of its models).
    versions = list(cycle.versions.order_by("number"))
    context = {
        "cycle": cycle,
        "period": cycle.reporting_period(),
        "members": cycle.mechanism_members.order_by("name"),
        "consultation_count": cycle.consultations.count(),
        "publication": getattr(cycle, "publication", None),
        "versions": versions,
        "submitted": next((v for v in versions if v.is_frozen), None),
        "can_see_versions": can_export(request.user) or is_reviewer(request.user, cycle),
        "can_export": can_export(request.user),
        "can_manage_calls": can_manage_calls(request.user),
    }
    return render(request, "reviews/cycle_detail.html", context)


def _starting_point(request: HttpRequest) -> ReviewCycle:
    """?from=<id>: the next cycle of that cycle's level, four years on; otherwise an empty one."""
    previous = ReviewCycle.objects.filter(pk=int_or_none(request.GET.get("from"))).first()
    return previous.next_of_its_level() if previous else ReviewCycle()


@role_required(Role.SECRETARIAT)
@once_per_form
def cycle_create(request: HttpRequest) -> HttpResponse:
    form = ReviewCycleForm(request.POST or None, instance=_starting_point(request))
    if request.method == "POST" and form.is_valid():
        cycle = form.save()
        messages.success(request, _("The review cycle %(name)s was created.") % {"name": cycle.name})
        return redirect(cycle)
    return render(request, "reviews/cycle_form.html", {"form": form}, status=400 if form.is_bound else 200)


@role_required(Role.SECRETARIAT)
def cycle_update(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    form = ReviewCycleForm(request.POST or None, instance=cycle)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The review cycle %(name)s was saved.") % {"name": cycle.name})
        return redirect(cycle)
    context = {"form": form, "cycle": cycle}
    return render(request, "reviews/cycle_form.html", context, status=400 if form.is_bound else 200)


@member_required
def measure_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The measures of the national plans and where each stands in this cycle; the secretariat edits them."""
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    measures = {m.pk: m for m in PlanMeasure.objects.select_related("plan", "responsible").order_by("plan", "number")}
    existing = {p.measure_id: p for p in MeasureProgress.objects.filter(cycle=cycle)}
    initial = MeasureProgressForm.initial_rows(measures, existing)
    can_edit = can_manage_calls(request.user)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    formset = MeasureProgressFormSet(request.POST or None, initial=initial, prefix="measures")
    if request.method == "POST" and formset.is_valid():
        changed, conflicts = save_status_rows(
            formset, model=MeasureProgress, objects=measures, cycle=cycle, by=request.user, label=str
        )
        messages.success(request, _("%(count)s measure statuses were saved.") % {"count": changed})
        warn_of_status_conflicts(request, conflicts)
        return redirect("reviews:measure-progress", pk=cycle.pk)
    rows = MeasureProgressForm.paired(formset, measures)
    plans = sorted({m.plan for m in measures.values()}, key=lambda p: p.title)
    context = {
        "cycle": cycle,
        "formset": formset,
        "rows": rows,
        "can_edit": can_edit,
        "implementation": plan_implementation(cycle, plans),
    }
    return render(request, "reviews/measure_progress.html", context, status=400 if formset.is_bound else 200)


@member_required
def pledge_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The standing pledges and their progress as this review reports it; the secretariat edits it."""
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    pledges = {
        p.pk: p
        for p in Pledge.objects.standing().select_related("organisation").order_by("organisation__name", "title")
    }
    existing = {p.pledge_id: p for p in PledgeProgress.objects.filter(cycle=cycle)}
    initial = PledgeProgressForm.initial_rows(pledges, existing)
    can_edit = can_manage_calls(request.user)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    formset = PledgeProgressFormSet(request.POST or None, initial=initial, prefix="pledges")
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            changed, conflicts = save_status_rows(
                formset, model=PledgeProgress, objects=pledges, cycle=cycle, by=request.user, label=str
            )
            mark_reported(cycle)
        messages.success(
            request,
            ngettext(
                "The progress of %(count)s pledge was saved.", "The progress of %(count)s pledges was saved.", changed
            )
            % {"count": changed},
        )
        warn_of_status_conflicts(request, conflicts)
        return redirect("reviews:pledge-progress", pk=cycle.pk)
    rows = PledgeProgressForm.paired(formset, pledges)
    context = {"cycle": cycle, "formset": formset, "rows": rows, "can_edit": can_edit}
    return render(request, "reviews/pledge_progress.html", context, status=400 if formset.is_bound else 200)

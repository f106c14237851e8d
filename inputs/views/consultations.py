"""The consultation register of a cycle: members read it, the secretariat records consultations."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.models import ReviewCycle
from reviews.permissions import can_manage_calls
from stakeholders.models import Role
from stakeholders.permissions import member_required, role_required
from uncnm_portal.once import once_per_form
from uncnm_portal.versioning import EditConflict, rebound_form

from ..forms import ConsultationForm
from ..models import Consultation, consultation_summary


@member_required
def consultation_list(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    consultations = list(Consultation.objects.for_cycle(cycle))
    context = {
        "cycle": cycle,
        "consultations": consultations,
        "summary": consultation_summary(consultations),
        "can_edit": can_manage_calls(request.user),
    }
    return render(request, "inputs/consultation_list.html", context)


@role_required(Role.SECRETARIAT)
@once_per_form
def consultation_create(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    form = ConsultationForm(request.POST or None, instance=Consultation(created_by=request.user), cycle=cycle)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            consultation = form.save()
        messages.success(request, _("The consultation %(title)s was recorded.") % {"title": consultation})
        return redirect("inputs:consultation-list", pk=cycle.pk)
    context = {"form": form, "cycle": cycle}
    return render(request, "inputs/consultation_form.html", context, status=400 if form.is_bound else 200)


@role_required(Role.SECRETARIAT)
def consultation_update(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation.objects.select_related("cycle"), pk=pk)
    cycle = consultation.cycle
    form = ConsultationForm(request.POST or None, instance=consultation, cycle=cycle)
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                # A client that sends no version (no page of the portal) is taken to mean the saved one.
                consultation.claim_version(form.cleaned_data["version"] or consultation.version)
                form.save()
        except EditConflict as error:
            conflict = _conflict(request, error.current)
            form = rebound_form(ConsultationForm, request.POST, error.current, cycle=error.current.cycle)
        else:
            messages.success(request, _("The consultation %(title)s was saved.") % {"title": consultation})
            return redirect("inputs:consultation-list", pk=cycle.pk)
    context = {"form": form, "cycle": cycle, "consultation": consultation, "conflict": conflict}
    status = 409 if conflict else 400 if form.is_bound else 200
    return render(request, "inputs/consultation_form.html", context, status=status)


def _conflict(request: HttpRequest, current: Consultation) -> str:
    who = current.last_saved_by() or _("another user")
    return _(
        "%(who)s saved this consultation after you opened it. Nothing was overwritten: your text is still below. "
        "Open it in another tab to compare, then save again to replace it."
    ) % {"who": who}


@require_POST
@role_required(Role.SECRETARIAT)
def consultation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(Consultation, pk=pk)
    cycle_id = consultation.cycle_id
    consultation.delete()
    messages.success(request, _("The consultation %(title)s was deleted.") % {"title": consultation})
    return redirect("inputs:consultation-list", pk=cycle_id)

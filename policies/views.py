"""The policy register: everyone with a role reads it; the secretariat keeps it."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from objectives.models import Objective, SDGTarget
from stakeholders.models import Role
from stakeholders.permissions import member_required, role_required
from uncnm_portal.once import once_per_form
from uncnm_portal.spreadsheets import FORMATS, export_response
from uncnm_portal.versioning import EditConflict, rebound_form

from .crosswalk import crosswalk
from .forms import InstrumentForm, PlanMeasureForm
from .models import Instrument, PlanMeasure
from .permissions import can_edit_policies


@member_required
def instrument_list(request: HttpRequest) -> HttpResponse:
    instruments = Instrument.objects.with_related()
    kind, status = request.GET.get("kind", ""), request.GET.get("status", "")
    objective = request.GET.get("objective", "")
    if kind in Instrument.Kind.values:
        instruments = instruments.filter(kind=kind)
    if status in Instrument.Status.values:
        instruments = instruments.filter(status=status)
    if objective.isdigit():
        instruments = instruments.filter(objectives__number=int(objective))
    context = {
        "instruments": instruments,
        "kinds": Instrument.Kind.choices,
        "statuses": Instrument.Status.choices,
        "objectives": Objective.objects.order_by("number"),
        "kind": kind,
        "status": status,
        "objective": objective,
        "can_edit": can_edit_policies(request.user),
    }
    return render(request, "policies/instrument_list.html", context)


@member_required
def instrument_detail(request: HttpRequest, pk: int) -> HttpResponse:
    instrument = get_object_or_404(Instrument.objects.with_related(), pk=pk)
    context = {
        "instrument": instrument,
        "actions": instrument.actions.select_related("objective"),
        "measures": instrument.measures.select_related("responsible"),
        "can_edit": can_edit_policies(request.user),
    }
    return render(request, "policies/instrument_detail.html", context)


@role_required(Role.SECRETARIAT)
@once_per_form
def instrument_create(request: HttpRequest) -> HttpResponse:
    form = InstrumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        instrument = form.save()
        messages.success(request, _("%(title)s was added to the policy register.") % {"title": instrument})
        return redirect(instrument)
    return render(request, "policies/instrument_form.html", {"form": form}, status=400 if form.is_bound else 200)


@role_required(Role.SECRETARIAT)
def instrument_update(request: HttpRequest, pk: int) -> HttpResponse:
    instrument = get_object_or_404(Instrument, pk=pk)
    form = InstrumentForm(request.POST or None, instance=instrument)
    conflict = ""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                # A client that sends no version (no page of the portal) is taken to mean the saved one.
                instrument.claim_version(form.cleaned_data["version"] or instrument.version)
                form.save()
        except EditConflict as error:
            conflict = _(
                "Someone saved this instrument after you opened it. Nothing was overwritten: your text is still "
                "below. Open it in another tab to compare, then save again to replace it."
            )
            form = rebound_form(InstrumentForm, request.POST, error.current)
        else:
            messages.success(request, _("%(title)s was saved.") % {"title": instrument})
            return redirect(instrument)
    context = {"form": form, "instrument": instrument, "conflict": conflict}
    status = 409 if conflict else 400 if form.is_bound else 200
    return render(request, "policies/instrument_form.html", context, status=status)


@role_required(Role.SECRETARIAT)
@once_per_form
def measure_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(Instrument, pk=pk)
    form = PlanMeasureForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The measure was added to the plan."))
        return redirect(plan)
    context = {"form": form, "plan": plan}
    return render(request, "policies/measure_form.html", context, status=400 if form.is_bound else 200)


@role_required(Role.SECRETARIAT)
def measure_update(request: HttpRequest, pk: int) -> HttpResponse:
    measure = get_object_or_404(PlanMeasure.objects.select_related("plan"), pk=pk)
    form = PlanMeasureForm(request.POST or None, instance=measure, plan=measure.plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The measure was saved."))
        return redirect(measure.plan)
    context = {"form": form, "plan": measure.plan, "measure": measure}
    return render(request, "policies/measure_form.html", context, status=400 if form.is_bound else 200)


@member_required
def crosswalk_page(request: HttpRequest) -> HttpResponse:
    """Objectives, SDG targets, indicators and national measures side by side; filterable, downloadable."""
    number = request.GET.get("objective", "")
    targets = list(SDGTarget.objects.order_by("code"))
    # Only a known code reaches a query (a parameter may hold anything, NUL characters included).
    target = request.GET.get("target", "")
    target = target if target in {t.code for t in targets} else ""
    verified_only = request.GET.get("verified") == "1"
    rows = crosswalk(
        objective=int(number) if number.isdigit() and number.isascii() else None,
        target=target,
        verified_only=verified_only,
    )
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        headers = [
            _("Objective"),
            _("SDG target"),
            _("Link"),
            _("Indicators"),
            _("Policy instruments"),
            _("Plan measures"),
        ]
        lines = [
            [
                str(row.objective),
                f"{a.sdg_target.code} {a.sdg_target.description}",
                _("verified") if a.verified else _("proposed"),
                "; ".join(i.code for i in row.indicators if a.sdg_target in i.sdg_targets.all()) or "",
                "; ".join(i.title for i in row.instruments),
                "; ".join(f"{m.plan.title} {m.number}" for m in row.measures),
            ]
            for row in rows
            for a in row.alignments
        ]
        return export_response(fmt=fmt, filename="crosswalk", headers=headers, rows=lines)
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "rows": rows,
        "objectives": Objective.objects.order_by("number"),
        "targets": targets,
        "objective": number,
        "target": target,
        "verified_only": verified_only,
        "query": query.urlencode(),
    }
    return render(request, "policies/crosswalk.html", context)

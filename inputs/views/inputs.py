"""Calls for inputs, the focal points' inbox and input form, the secretariat's review queue and tracker."""

from collections import Counter

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Prefetch, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from objectives.models import Action, Objective
from reviews.models import NarrativeTranslation, ReviewCycle, narrative_in
from reviews.permissions import can_manage_calls
from stakeholders.models import Organisation, Role
from stakeholders.permissions import member_required, role_required
from uncnm_portal import uploads
from uncnm_portal.once import once_per_form
from uncnm_portal.spreadsheets import FORMATS, export_response

from .. import notifications
from ..forms import (
    AssignmentForm,
    DraftUseForm,
    InputForm,
    ReturnForm,
)
from ..models import Assignment, Evidence, Input
from ..permissions import can_edit_input, can_translate_input, reports_for


def _locked(input_: Input) -> Input:
    """The input as it is now, locked until the transaction ends: concurrent transitions wait and see its state."""
    return Input.objects.select_for_update(of=("self",)).select_related("assignment").get(pk=input_.pk)


def _visible_input(request: HttpRequest, pk: int) -> Input:
    """The input if the user may see it; 404 otherwise, so ids of other organisations' inputs reveal nothing."""
    queryset = (
        Input.objects.visible_to(request.user)
        .select_related(
            "assignment__cycle", "assignment__objective", "assignment__organisation", "assignment__focal_point"
        )
        .prefetch_related("translations")
    )
    return get_object_or_404(queryset, pk=pk)


@member_required
def input_inbox(request: HttpRequest) -> HttpResponse:
    inputs = (
        Input.objects.visible_to(request.user)
        .select_related("assignment__cycle", "assignment__objective", "assignment__organisation")
        .order_by("-assignment__cycle__year", "assignment__deadline", "assignment__objective__number")
    )
    open_inputs = [i for i in inputs if i.is_editable]
    context = {
        "open_inputs": open_inputs,
        "other_inputs": [i for i in inputs if not i.is_editable],
        "is_secretariat": can_manage_calls(request.user),
    }
    return render(request, "inputs/input_inbox.html", context)


@member_required
def input_detail(request: HttpRequest, pk: int) -> HttpResponse:
    input_ = _visible_input(request, pk)
    if request.method == "POST":
        with transaction.atomic():
            # The input as it is now, locked: a second click or tab waits, then finds it submitted.
            input_ = _locked(input_)
            if not reports_for(request.user, input_):
                raise PermissionDenied
            if not input_.is_editable:
                messages.info(request, _("This input was already submitted; nothing was changed."))
                return redirect(input_)
            form = InputForm(
                request.POST,
                request.FILES,
                instance=input_,
                refused_uploads=uploads.refused(request),
            )
            if form.is_valid():
                expected = form.cleaned_data["version"] or input_.version
                if expected != input_.version:
                    return _input_conflict(request, form, input_)
                input_.claim_version(expected)
                return _save_input(request, form)
    else:
        editable = can_edit_input(request.user, input_)
        # Nothing written yet: the texts are presumably in the language the author works in.
        initial = {} if input_.has_text() else {"source_language": get_language()}
        form = InputForm(instance=input_, initial=initial) if editable else None
    editable = form is not None
    context = {
        "input": input_,
        "assignment": input_.assignment,
        "form": form,
        "evidence": input_.evidence.all(),
        "can_edit": editable,
        "can_review": can_manage_calls(request.user) and input_.status == Input.Status.SUBMITTED,
        "return_form": ReturnForm(),
        "actions": input_.actions.order_by("letter"),
        "draft_use_form": DraftUseForm(input_=input_) if can_manage_calls(request.user) and not editable else None,
        "translations": _translations(request, input_),
    }
    return render(
        request, "inputs/input_detail.html", context, status=400 if form is not None and form.is_bound else 200
    )


def _translations(request: HttpRequest, input_: Input) -> list[tuple[str, str, dict]]:
    """For those who may translate the input: (language, name, {state label: count of texts}) per other
    language."""
    if not input_.has_text() or not can_translate_input(request.user, input_):
        return []
    rows = []
    for code, name in settings.LANGUAGES:
        if code == input_.source_language:
            continue
        states = Counter(
            NarrativeTranslation.State(narrative_in(input_, field, code)[1]).label
            for field in Input.TEXT_FIELDS
            if getattr(input_, field).strip()
        )
        rows.append((code, name, dict(states)))
    return rows


def _attach_evidence(request: HttpRequest, input_: Input, form: InputForm) -> None:
    for upload, extension, content_type in form.cleaned_data["evidence"]:
        Evidence.attach(input_=input_, upload=upload, extension=extension, content_type=content_type, by=request.user)


def _input_conflict(request: HttpRequest, form: InputForm, current: Input) -> HttpResponse:
    """Someone saved the input after this editor opened it: keep the typed text in the form, overwrite nothing.

    The files chosen are attached all the same (they add to the input and cannot be chosen again for the editor).
    """
    current.refresh_from_db()
    _attach_evidence(request, current, form)
    who = current.last_saved_by() or _("another user")
    conflict = _(
        "%(who)s saved this input after you opened it. Nothing was overwritten: your text is still below "
        "and your files were attached. Open the input in another tab to compare, then save again to replace it."
    ) % {"who": who}
    data = request.POST.copy()
    data["version"] = current.version
    context = {
        "input": current,
        "assignment": current.assignment,
        "form": InputForm(data, instance=current),
        "evidence": current.evidence.all(),
        "can_edit": True,
        "can_review": False,
        "return_form": ReturnForm(),
        "conflict": conflict,
    }
    return render(request, "inputs/input_detail.html", context, status=409)


def _save_input(request: HttpRequest, form: InputForm) -> HttpResponse:
    """Save the draft and its evidence; with "submit", hand it to the secretariat (inside the caller's lock)."""
    input_ = form.save()
    _attach_evidence(request, input_, form)
    if "submit" not in request.POST:
        messages.success(request, _("Your draft was saved."))
        return redirect(input_)
    try:
        with transaction.atomic():
            input_.submit(by=request.user)
            notifications.notify_submitted(input_)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your input was submitted to the secretariat. Thank you."))
    return redirect(input_)


@member_required
def evidence_download(request: HttpRequest, pk: int, evidence_id: int) -> FileResponse:
    input_ = _visible_input(request, pk)
    evidence = get_object_or_404(Evidence, pk=evidence_id, input=input_)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=Evidence.safe_name(evidence.original_name, evidence.extension),
        content_type=evidence.content_type,
    )


@require_POST
@member_required
def evidence_delete(request: HttpRequest, pk: int, evidence_id: int) -> HttpResponse:
    input_ = _visible_input(request, pk)
    if not can_edit_input(request.user, input_):
        raise PermissionDenied
    evidence = get_object_or_404(Evidence, pk=evidence_id, input=input_)
    evidence.file.delete(save=False)
    evidence.delete()
    messages.success(request, _("The file %(name)s was removed.") % {"name": evidence.original_name})
    return redirect(input_)


@require_POST
@role_required(Role.SECRETARIAT)
def input_accept(request: HttpRequest, pk: int) -> HttpResponse:
    input_ = _visible_input(request, pk)
    try:
        with transaction.atomic():
            _locked(input_).accept(by=request.user)  # a second click finds it accepted
            notifications.notify_accepted(input_)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The input was accepted; it is now shown beside the assessment editor."))
    return redirect("inputs:input-queue", pk=input_.assignment.cycle_id)


@require_POST
@role_required(Role.SECRETARIAT)
def input_draft_use(request: HttpRequest, pk: int) -> HttpResponse:
    input_ = _visible_input(request, pk)
    form = DraftUseForm(request.POST, input_=input_)
    if form.is_valid():
        form.save()
        messages.success(request, _("The draft will use this input as chosen."))
    else:
        messages.error(request, _("Choose one use for each part of the input; nothing was changed."))
    return redirect(input_)


@require_POST
@role_required(Role.SECRETARIAT)
def input_return(request: HttpRequest, pk: int) -> HttpResponse:
    input_ = _visible_input(request, pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what should change before returning the input."))
        return redirect(input_)
    try:
        with transaction.atomic():
            input_ = _locked(input_)
            input_.return_to_sender(by=request.user, comment=form.cleaned_data["comment"])
            notifications.notify_returned(input_)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The input was returned to its organisation with your comment."))
    return redirect("inputs:input-queue", pk=input_.assignment.cycle_id)


@role_required(Role.SECRETARIAT)
@once_per_form
def call_for_inputs(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    form = AssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = _create_assignments(cycle, form.cleaned_data, by=request.user)
        messages.success(
            request, _("%(count)s assignments were created and their focal points notified.") % {"count": len(created)}
        )
        return redirect("inputs:call-for-inputs", pk=cycle.pk)
    assignments = (
        Assignment.objects.for_cycle(cycle)
        .select_related("objective", "organisation", "focal_point", "input")
        .order_by("objective__number", "organisation__name")
    )
    context = {"cycle": cycle, "form": form, "assignments": assignments}
    return render(request, "inputs/call_for_inputs.html", context, status=400 if form.is_bound else 200)


@transaction.atomic
def _create_assignments(cycle: ReviewCycle, data: dict, *, by) -> list[Assignment]:
    created = []
    for objective in data["objectives"]:
        assignment, is_new = Assignment.objects.get_or_create(
            cycle=cycle,
            objective=objective,
            organisation=data["organisation"],
            defaults={
                "role": data["role"],
                "focal_point": data["focal_point"],
                "deadline": data["deadline"],
                "created_by": by,
            },
        )
        if is_new:
            Input.objects.create(assignment=assignment)
            created.append(assignment)
    notifications.notify_assigned(created)  # one e-mail per person, whatever the number of objectives
    return created


@role_required(Role.SECRETARIAT)
def input_queue(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    inputs = (
        Input.objects.filter(assignment__cycle=cycle)
        .select_related("assignment__objective", "assignment__organisation", "submitted_by")
        .prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("letter")))
    )
    status = request.GET.get("status", Input.Status.SUBMITTED)
    if status in Input.Status.values:
        inputs = inputs.filter(status=status)
    if request.GET.get("organisation", "").isdigit():
        inputs = inputs.filter(assignment__organisation_id=request.GET["organisation"])
    if request.GET.get("objective", "").isdigit():
        inputs = inputs.filter(assignment__objective__number=request.GET["objective"])
    context = {
        "cycle": cycle,
        "inputs": inputs.order_by("submitted_at", "assignment__objective__number"),
        "statuses": Input.Status.choices,
        "status": status,
        "organisations": Organisation.objects.filter(assignments__cycle=cycle).distinct(),
        "objectives": Objective.objects.all(),
        "return_form": ReturnForm(),
    }
    return render(request, "inputs/input_queue.html", context)


@role_required(Role.SECRETARIAT)
def input_tracker(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    assignments = list(
        Assignment.objects.for_cycle(cycle)
        .select_related("objective", "organisation", "input")
        .order_by("organisation__name", "objective__number")
    )
    submitted = (Input.Status.SUBMITTED, Input.Status.ACCEPTED)
    rows = [(a, a.input.status in submitted, a.input.status not in submitted and a.is_overdue()) for a in assignments]
    if request.GET.get("format") in FORMATS:
        headers = [
            _("Organisation"),
            _("Objective"),
            _("Role"),
            _("Deadline"),
            _("Status"),
            _("Submitted at"),
            _("Late"),
        ]
        data = [
            [
                a.organisation.name,
                a.objective.number,
                a.get_role_display(),
                a.effective_deadline,
                a.input.get_status_display(),
                a.input.submitted_at.strftime("%Y-%m-%d %H:%M") if a.input.submitted_at else "",
                _("yes") if late else "",
            ]
            for a, _done, late in rows
        ]
        return export_response(fmt=request.GET["format"], filename=f"inputs-{cycle.year}", headers=headers, rows=data)
    by_organisation = (
        Assignment.objects.for_cycle(cycle)
        .values("organisation__name")
        .annotate(total=Count("id"), done=Count("id", filter=Q(input__status__in=submitted)))
        .order_by("organisation__name")
    )
    context = {"cycle": cycle, "rows": rows, "by_organisation": by_organisation}
    return render(request, "inputs/input_tracker.html", context)

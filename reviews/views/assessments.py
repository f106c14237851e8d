"""Assessments of objectives and actions per cycle: read, edit (conflict-checked), compare, gaps, dashboard."""

from django.conf import settings
from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from objectives.models import Action, Activity, GuidingPrinciple, Indicator, Objective
from stakeholders.models import Role
from stakeholders.permissions import member_required, role_required
from uncnm_portal.diff import markdown_diff, word_diff
from uncnm_portal.freshness import shared_fragment
from uncnm_portal.parts import page_parts
from uncnm_portal.validators import int_or_none

from ..dashboard import build_dashboard
from ..forms import ActionProgressForm, ActionProgressFormSet, AssessmentForm
from ..models import (
    ActionProgress,
    EditConflict,
    ObjectiveAssessment,
    ProgressStatus,
    ReviewCycle,
    Trend,
    gap_actions,
    status_timeline,
)
from ..permissions import can_edit_assessments
from . import save_status_rows, warn_of_status_conflicts


def _objective_and_cycle(number: int, cycle_id: int) -> tuple[Objective, ReviewCycle]:
    objective = get_object_or_404(Objective.objects.select_related("round_table"), number=number)
    return objective, get_object_or_404(ReviewCycle, pk=cycle_id)


def _assessment_in(cycle: ReviewCycle | None, objective: Objective) -> ObjectiveAssessment | None:
    """The objective's assessment in a cycle (None for no cycle or no assessment)."""
    return ObjectiveAssessment.objects.filter(cycle=cycle, objective=objective).first() if cycle else None


def _editable_assessment(objective: Objective, cycle: ReviewCycle) -> ObjectiveAssessment:
    """The assessment a POST changes, created empty the first time (version 1, as the unsaved form showed)."""
    assessment, _created = ObjectiveAssessment.objects.get_or_create(cycle=cycle, objective=objective)
    return assessment


@member_required
def assessment_detail(request: HttpRequest, number: int, cycle_id: int) -> HttpResponse:
    objective, cycle = _objective_and_cycle(number, cycle_id)
    assessment = (
        ObjectiveAssessment.objects.filter(cycle=cycle, objective=objective)
        .select_related("updated_by")
        .prefetch_related("principles", "lead_organisations", "contributing_organisations")
        .first()
    ) or ObjectiveAssessment(cycle=cycle, objective=objective)
    previous_cycle = cycle.previous()
    previous = _assessment_in(previous_cycle, objective)
    start, end = cycle.reporting_period(previous=previous_cycle)
    progress = {p.action_id: p for p in ActionProgress.objects.filter(cycle=cycle, action__objective=objective)}
    actions = [(action, progress.get(action.pk)) for action in objective.actions.order_by("letter")]
    context = {
        "objective": objective,
        "cycle": cycle,
        "cycles": ReviewCycle.objects.order_by("year"),
        "assessment": assessment,
        "previous_cycle": previous_cycle,
        "trend": Trend.between(previous.status if previous else None, assessment.status),
        "actions": actions,
        "period": (start, end),
        "activities": Activity.objects.filter(objectives=objective).active_between(start, end).with_related(),
        "indicators": Indicator.objects.for_objective(objective).prefetch_related("observations"),
        "can_edit": can_edit_assessments(request.user),
        "legend": ProgressStatus.legend(),
        "principles": assessment.principles.all() if assessment.pk else [],
        "lead_organisations": assessment.lead_organisations.all() if assessment.pk else [],
        "contributing_organisations": assessment.contributing_organisations.all() if assessment.pk else [],
        "translation_languages": [(c, n) for c, n in settings.LANGUAGES if c != assessment.source_language],
    }
    return render(request, "reviews/assessment_detail.html", context)


def _form_page(request, objective, cycle, assessment, form, *, status: int = 200, conflict=None) -> HttpResponse:
    previous_cycle = cycle.previous()
    previous = _assessment_in(previous_cycle, objective)
    narratives = [(form[name], getattr(previous, name, "")) for name in ObjectiveAssessment.NARRATIVE_FIELDS]
    context = {
        "objective": objective,
        "cycle": cycle,
        "assessment": assessment,
        "form": form,
        "narratives": narratives,
        "previous_cycle": previous_cycle,
        "previous": previous,
        "conflict": conflict,
        "legend": ProgressStatus.legend(),
        "targets": [(form[name].id_for_label, form[name].label) for name in ObjectiveAssessment.NARRATIVE_FIELDS],
        **page_parts("assessment-form", cycle=cycle, objective=objective),  # the inputs app: accepted inputs
    }
    return render(request, "reviews/assessment_form.html", context, status=status)


@role_required(Role.SECRETARIAT)
def assessment_update(request: HttpRequest, number: int, cycle_id: int) -> HttpResponse:
    objective, cycle = _objective_and_cycle(number, cycle_id)
    if request.method != "POST":
        # Opening the editor writes nothing: a new assessment is saved by its first POST.
        assessment = _assessment_in(cycle, objective) or ObjectiveAssessment(cycle=cycle, objective=objective)
        return _form_page(request, objective, cycle, assessment, AssessmentForm(instance=assessment))
    assessment = _editable_assessment(objective, cycle)
    form = AssessmentForm(request.POST, instance=assessment)
    if not form.is_valid():
        return _form_page(request, objective, cycle, assessment, form, status=400)
    try:
        form.instance.save_edits(expected_version=form.cleaned_data["version"], by=request.user, m2m=form.m2m_values())
    except EditConflict as conflict:
        return _conflict_page(request, objective, cycle, form, conflict.current)
    messages.success(request, _("The assessment was saved."))
    return redirect("reviews:assessment-detail", number=objective.number, cycle_id=cycle.pk)


def _conflict_page(request, objective, cycle, form, current: ObjectiveAssessment) -> HttpResponse:
    """Show the saved version beside the user's and let them merge; nothing is overwritten."""
    theirs = {
        "status": current.get_status_display(),
        **{name: getattr(current, name) for name in ObjectiveAssessment.NARRATIVE_FIELDS},
    }
    differences = []
    for name in ("status", *ObjectiveAssessment.NARRATIVE_FIELDS):
        mine = form.cleaned_data.get(name, "")
        mine = ProgressStatus(mine).label if name == "status" else mine
        if str(mine) != str(theirs[name]):
            saved_html, mine_html = word_diff(str(theirs[name]), str(mine))
            differences.append((form[name].label, saved_html, mine_html))
    who = current.updated_by.display_name if current.updated_by else _("another user")
    conflict = {"current": current, "who": who, "differences": differences}
    # The merge form holds the user's text on top of the saved version (validating it
    # copies that text into `current`, so the differences are taken first).
    data = request.POST.copy()
    data["version"] = current.version
    merge_form = AssessmentForm(data, instance=current)
    merge_form.is_valid()
    return _form_page(request, objective, cycle, current, merge_form, status=409, conflict=conflict)


@require_POST
@role_required(Role.SECRETARIAT)
def assessment_copy_previous(request: HttpRequest, number: int, cycle_id: int) -> HttpResponse:
    objective, cycle = _objective_and_cycle(number, cycle_id)
    with transaction.atomic():
        assessment = _editable_assessment(objective, cycle)
        previous = assessment.previous()
        if previous is None or previous.is_empty:
            messages.error(request, _("There is no earlier assessment of this objective to start from."))
        elif not assessment.is_empty:
            messages.error(request, _("This assessment already has content; it was left as it is."))
        else:
            assessment.copy_from(previous, by=request.user)
            messages.success(request, _("The assessment now starts from %(cycle)s.") % {"cycle": previous.cycle})
    return redirect("reviews:assessment-update", number=objective.number, cycle_id=cycle.pk)


@role_required(Role.SECRETARIAT)
def action_progress_update(request: HttpRequest, number: int, cycle_id: int) -> HttpResponse:
    objective, cycle = _objective_and_cycle(number, cycle_id)
    actions = {action.pk: action for action in objective.actions.order_by("letter")}
    existing = {p.action_id: p for p in ActionProgress.objects.filter(cycle=cycle, action__in=actions)}
    initial = ActionProgressForm.initial_rows(actions, existing)
    formset = ActionProgressFormSet(request.POST or None, initial=initial, prefix="actions")
    if request.method == "POST" and formset.is_valid():
        changed, conflicts = save_status_rows(
            formset, model=ActionProgress, objects=actions, cycle=cycle, by=request.user, label=lambda a: a.code
        )
        messages.success(request, _("%(count)s action statuses were saved.") % {"count": changed})
        warn_of_status_conflicts(request, conflicts)
        if conflicts:
            return redirect("reviews:action-progress-update", number=objective.number, cycle_id=cycle.pk)
        return redirect("reviews:assessment-detail", number=objective.number, cycle_id=cycle.pk)
    rows = ActionProgressForm.paired(formset, actions)
    context = {"objective": objective, "cycle": cycle, "formset": formset, "rows": rows}
    return render(request, "reviews/action_progress_form.html", context, status=400 if formset.is_bound else 200)


@member_required
def assessment_compare(request: HttpRequest, number: int) -> HttpResponse:
    objective = get_object_or_404(Objective, number=number)
    cycles = list(ReviewCycle.objects.order_by("year"))
    if len(cycles) < 2:
        messages.info(request, _("Two review cycles are needed for a comparison."))
        return redirect(objective)
    by_id = {str(c.pk): c for c in cycles}
    left = by_id.get(request.GET.get("a"), cycles[-2])
    right = by_id.get(request.GET.get("b"), cycles[-1])
    found = {a.cycle_id: a for a in ObjectiveAssessment.objects.filter(objective=objective, cycle__in=[left, right])}
    old = found.get(left.pk) or ObjectiveAssessment(cycle=left, objective=objective)
    new = found.get(right.pk) or ObjectiveAssessment(cycle=right, objective=objective)
    rows = [(_("Progress status"), *word_diff(old.get_status_display(), new.get_status_display()))]
    for name in ObjectiveAssessment.NARRATIVE_FIELDS:
        rows.append(
            (
                ObjectiveAssessment._meta.get_field(name).verbose_name,
                *markdown_diff(getattr(old, name), getattr(new, name)),
            )
        )
    context = {"objective": objective, "cycles": cycles, "left": left, "right": right, "rows": rows}
    return render(request, "reviews/assessment_compare.html", context)


@member_required
def gap_list(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    gaps = list(gap_actions(cycle))
    by_objective: dict[Objective, list[Action]] = {}
    for action in gaps:
        by_objective.setdefault(action.objective, []).append(action)
    context = {
        "cycle": cycle,
        "cycles": ReviewCycle.objects.order_by("year"),
        "period": cycle.reporting_period(),
        "by_objective": by_objective,
        "gap_count": len(gaps),
        "action_count": Action.objects.count(),
    }
    return render(request, "reviews/gap_list.html", context)


@member_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The same for every member: kept in the cache until content changes (uncnm_portal.freshness)."""
    cycle = None
    if request.GET.get("cycle"):
        cycle = ReviewCycle.objects.filter(pk=int_or_none(request.GET["cycle"])).first()

    def render_board() -> str:
        context = {"board": build_dashboard(cycle), "legend": ProgressStatus.legend()}
        return render_to_string("reviews/_dashboard.html", context, request=request)

    content = shared_fragment("dashboard", cycle.pk if cycle else "latest", render=render_board)
    return render(request, "reviews/dashboard.html", {"content": content})


@member_required
def objective_detail(request: HttpRequest, number: int) -> HttpResponse:
    """An objective: its actions, principles, round table and its status in every review cycle."""
    objective = get_object_or_404(Objective.objects.select_related("round_table").with_actions(), number=number)
    siblings = Objective.objects.filter(round_table=objective.round_table_id).exclude(pk=objective.pk)
    cycles = list(ReviewCycle.objects.order_by("year"))
    statuses = dict(ObjectiveAssessment.objects.filter(objective=objective).values_list("cycle_id", "status"))
    context = {
        "objective": objective,
        "working_translation": can_edit_assessments(request.user) and objective.is_working_translation(get_language()),
        "actions": objective.actions.all(),
        "principles": GuidingPrinciple.objects.all(),
        "siblings": siblings,
        "progress": status_timeline(cycles, statuses),
        "previous": Objective.objects.filter(number=objective.number - 1).first(),
        "next": Objective.objects.filter(number=objective.number + 1).first(),
    }
    return render(request, "reviews/objective_detail.html", context)

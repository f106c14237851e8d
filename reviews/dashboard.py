"""The figures of the dashboard, each read with a fixed number of queries whatever the data size."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _

from objectives.models import Activity, GuidingPrinciple, Objective, RoundTable
from stakeholders.models import Organisation

from . import charts
from .models import ObjectiveAssessment, ProgressStatus, ReviewCycle, status_timeline


@dataclass
class Dashboard:
    cycles: list[ReviewCycle]
    cycle: ReviewCycle
    objectives: list[Objective]
    coverage: dict = field(default_factory=dict)  # objective id -> [(cycle, status, trend)]
    status_counts: dict = field(default_factory=dict)  # (cycle id, status) -> n
    completeness_by_cycle: list = field(default_factory=list)  # [(cycle, assessed, percent)]
    completeness_by_round_table: list = field(default_factory=list)  # [(round table, assessed, total, percent)]
    principles: list = field(default_factory=list)
    principle_matrix: dict = field(default_factory=dict)  # objective id -> set(principle id)
    kinds: list = field(default_factory=list)
    kind_matrix: dict = field(default_factory=dict)  # objective id -> {kind: n organisations}
    status_chart: str = ""
    cycle_chart: str = ""
    round_table_chart: str = ""

    # Rows ready for the template: plain lists, so that rendering the matrices stays cheap.
    def coverage_rows(self) -> list:
        return [
            (
                objective,
                [
                    (status, reverse("reviews:assessment-detail", args=[objective.number, cycle.pk]))
                    for cycle, status, _trend in self.coverage[objective.pk]
                ],
            )
            for objective in self.objectives
        ]

    def principle_rows(self) -> list:
        return [
            (objective, [p.pk in self.principle_matrix.get(objective.pk, ()) for p in self.principles])
            for objective in self.objectives
        ]

    def kind_rows(self) -> list:
        return [
            (objective, [self.kind_matrix.get(objective.pk, {}).get(kind.value, "") for kind in self.kinds])
            for objective in self.objectives
        ]


def percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def build_dashboard(cycle: ReviewCycle | None = None, *, matrices: bool = True) -> Dashboard | None:
    """Assemble the matrices and charts of the dashboard for the selected (default: latest) cycle.

    matrices=False leaves out the principle and stakeholder matrices (the draft needs only the charts).
    """
    cycles = list(ReviewCycle.objects.order_by("year"))
    if not cycles:
        return None
    cycle = cycle or cycles[-1]
    objectives = list(Objective.objects.select_related("round_table").order_by("number"))
    board = Dashboard(cycles=cycles, cycle=cycle, objectives=objectives)
    _coverage(board)
    _completeness(board)
    if matrices:
        _principles(board)
        _stakeholder_kinds(board)
    board.status_chart = charts.status_distribution_chart(cycles=cycles, counts=board.status_counts)
    board.cycle_chart = charts.completeness_chart(
        labels=[str(c.year) for c, _, _ in board.completeness_by_cycle],
        percentages=[p for _, _, p in board.completeness_by_cycle],
        title=_("Objectives assessed per cycle (%)"),
    )
    board.round_table_chart = charts.completeness_chart(
        labels=[str(rt) for rt, _, _, _ in board.completeness_by_round_table],
        percentages=[p for _, _, _, p in board.completeness_by_round_table],
        title=_("Objectives assessed per round table in %(year)s (%%)") % {"year": cycle.year},
    )
    return board


def _coverage(board: Dashboard) -> None:
    statuses = defaultdict(dict)  # objective id -> {cycle id: status}
    for row in ObjectiveAssessment.objects.values("cycle_id", "objective_id", "status"):
        statuses[row["objective_id"]][row["cycle_id"]] = row["status"]
    for objective in board.objectives:
        row = status_timeline(board.cycles, statuses[objective.pk])
        for cycle, status, _trend in row:
            board.status_counts[(cycle.pk, status)] = board.status_counts.get((cycle.pk, status), 0) + 1
        board.coverage[objective.pk] = row


def _completeness(board: Dashboard) -> None:
    total = len(board.objectives)
    for cycle in board.cycles:
        assessed = total - board.status_counts.get((cycle.pk, ProgressStatus.NOT_ASSESSED), 0)
        board.completeness_by_cycle.append((cycle, assessed, percent(assessed, total)))
    assessed_ids = {
        objective_id
        for objective_id, row in board.coverage.items()
        for cycle, status, _trend in row
        if cycle.pk == board.cycle.pk and status != ProgressStatus.NOT_ASSESSED
    }
    by_round_table = defaultdict(list)
    for objective in board.objectives:
        by_round_table[objective.round_table_id].append(objective.pk)
    for round_table in RoundTable.objects.order_by("number"):
        ids = by_round_table[round_table.pk]
        assessed = len(assessed_ids.intersection(ids))
        board.completeness_by_round_table.append((round_table, assessed, len(ids), percent(assessed, len(ids))))


def _principles(board: Dashboard) -> None:
    board.principles = list(GuidingPrinciple.objects.all())
    through = ObjectiveAssessment.principles.through.objects.filter(objectiveassessment__cycle=board.cycle)
    for objective_id, principle_id in through.values_list("objectiveassessment__objective_id", "guidingprinciple_id"):
        board.principle_matrix.setdefault(objective_id, set()).add(principle_id)


def _stakeholder_kinds(board: Dashboard) -> None:
    """How many organisations of each kind led or contributed, per objective, in the selected cycle."""
    board.kinds = list(Organisation.Kind)
    pairs: set[tuple[int, int, str]] = set()
    for relation in ("lead_organisations", "contributing_organisations"):
        through = getattr(ObjectiveAssessment, relation).through.objects.filter(objectiveassessment__cycle=board.cycle)
        pairs.update(through.values_list("objectiveassessment__objective_id", "organisation_id", "organisation__kind"))
    earlier = [c for c in board.cycles if c.level == board.cycle.level and c.year < board.cycle.year]
    start, end = board.cycle.reporting_period(previous=earlier[-1] if earlier else None)
    activities = Activity.objects.active_between(start, end)
    pairs.update(
        Activity.objectives.through.objects.filter(activity__in=activities).values_list(
            "objective_id", "activity__lead_organisation_id", "activity__lead_organisation__kind"
        )
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    for objective_id, _organisation_id, kind in pairs:
        counts[objective_id][kind] += 1
    board.kind_matrix = {objective_id: dict(counter) for objective_id, counter in counts.items()}

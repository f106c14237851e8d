"""The crosswalk: which SDG targets each objective serves, with which indicators and which national measures.

One row per objective: its SDG targets (verified or proposed), its indicators with their SDG targets, the policy
instruments and plan measures that serve it. Read with a fixed number of queries whatever the data's size.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from objectives.models import Indicator, Objective, SDGAlignment

from .models import Instrument, PlanMeasure


@dataclass
class CrosswalkRow:
    objective: Objective
    alignments: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    instruments: list = field(default_factory=list)
    measures: list = field(default_factory=list)


def crosswalk(*, objective: int | None = None, target: str = "", verified_only: bool = False) -> list[CrosswalkRow]:
    objectives = Objective.objects.order_by("number")
    if objective:
        objectives = objectives.filter(number=objective)
    rows = {o.pk: CrosswalkRow(o) for o in objectives}
    alignments = (
        SDGAlignment.objects.filter(objective__in=rows).select_related("sdg_target").order_by("sdg_target__code")
    )
    if verified_only:
        alignments = alignments.filter(verified=True)
    for alignment in alignments:
        rows[alignment.objective_id].alignments.append(alignment)
    if target:
        rows = {pk: row for pk, row in rows.items() if any(a.sdg_target.code == target for a in row.alignments)}
    only_pk = Objective.objects.only("pk", "number")
    indicators = Indicator.objects.filter(objectives__in=rows).prefetch_related(
        "sdg_targets", Prefetch("objectives", queryset=only_pk)
    )
    _spread(rows, "indicators", indicators.distinct().order_by("code"))
    instruments = Instrument.objects.filter(objectives__in=rows).prefetch_related(
        Prefetch("objectives", queryset=only_pk)
    )
    _spread(rows, "instruments", instruments.distinct().order_by("kind", "title"))
    measures = (
        PlanMeasure.objects.filter(objectives__in=rows)
        .select_related("plan")
        .prefetch_related(Prefetch("objectives", queryset=only_pk))
    )
    _spread(rows, "measures", measures.distinct().order_by("plan__title", "number"))
    return list(rows.values())


def _spread(rows: dict[int, CrosswalkRow], attribute: str, items) -> None:
    """Put each item (with prefetched objectives) in the rows of the objectives it serves."""
    for item in items:
        for objective in item.objectives.all():
            if objective.pk in rows:
                getattr(rows[objective.pk], attribute).append(item)

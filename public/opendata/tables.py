"""The public tables of a published cycle, each with its columns described and typed (see columns.py).

Only what the publication includes, read through the publication rules of drafts.models.publication.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy

from drafts.models import (
    Publication,
    public_action_statuses,
    public_activities,
    public_assessments,
    public_indicators,
    public_observations,
    public_pledges,
    shows_narratives,
)
from objectives.models import Activity, Indicator, IndicatorObservation
from pledges.models import Pledge
from reviews.models import (
    ActionProgress,
    NarrativeTranslation,
    ObjectiveAssessment,
    PledgeProgress,
    ProgressStatus,
    narrative_in,
)

from .columns import Column, Table, code, objective_number, objective_numbers, year

TOTAL = "_T"  # SDMX's code for "no breakdown", also the national total in the observations table


def _numbers(objectives) -> str:
    return " ".join(str(o.number) for o in sorted(objectives, key=lambda o: o.number))


def _statuses(publication: Publication) -> list[Table]:
    assessments = public_assessments().filter(cycle=publication.cycle).select_related("objective")
    actions = public_action_statuses().filter(cycle=publication.cycle).select_related("action__objective")
    return [
        Table(
            "objective_statuses",
            gettext_lazy("Progress status of each objective"),
            [
                objective_number(gettext_lazy("GCM objective number (1-23)")),
                Column("objective_title", gettext_lazy("Objective's title in the file's language"), required=True),
                code(
                    "status",
                    gettext_lazy("Progress status code: not_assessed, early, in_progress, advanced, achieved"),
                    ProgressStatus,
                ),
                Column("status_label", gettext_lazy("Progress status in words"), required=True),
            ],
            [
                [a.objective.number, a.objective.title, a.status, a.get_status_display()]
                for a in assessments.order_by("objective__number")
            ],
            primary_key=["objective"],
        ),
        Table(
            "action_statuses",
            gettext_lazy("What was reported on each lettered action"),
            [
                Column(
                    "action",
                    gettext_lazy("Action code: objective number and letter of paragraph (a), (b), ..."),
                    required=True,
                ),
                code("status", gettext_lazy("Status code: none, planned, ongoing, completed"), ActionProgress.Status),
                Column("status_label", gettext_lazy("Status in words"), required=True),
            ],
            [
                [p.action.code, p.status, p.get_status_display()]
                for p in actions.order_by("action__objective__number", "action__letter")
            ],
            primary_key=["action"],
        ),
    ]


def _narratives(publication: Publication, language: str) -> Table:
    rows = []
    assessments = (
        public_assessments()
        .filter(cycle=publication.cycle, narratives_public=True)
        .select_related("objective")
        .prefetch_related("translations")
        .order_by("objective__number")
    )
    for assessment in assessments:
        if not shows_narratives(assessment, publication):
            continue
        for field in ObjectiveAssessment.NARRATIVE_FIELDS:
            text, state = narrative_in(assessment, field, language)
            if text.strip():
                written_in = assessment.source_language if state == NarrativeTranslation.State.MISSING else language
                rows.append([assessment.objective.number, field, written_in, text])
    return Table(
        "narratives",
        gettext_lazy("The Government's account of each objective, as published"),
        [
            objective_number(gettext_lazy("GCM objective number")),
            Column(
                "section",
                gettext_lazy("achievements, policy_changes, challenges, good_practices or next_steps"),
                enum=tuple(ObjectiveAssessment.NARRATIVE_FIELDS),
                required=True,
            ),
            Column(
                "language",
                gettext_lazy("Language of the text (the source language when no translation exists)"),
                enum=tuple(settings.LANGUAGE_CODES),
                required=True,
            ),
            Column("text", gettext_lazy("The text (Markdown)"), required=True),
        ],
        rows,
        primary_key=["objective", "section"],
        foreign_keys=[("objective", "objective_statuses", "objective")],
    )


def observations(publication: Publication) -> "list[IndicatorObservation]":
    """The public observations up to the year of the cycle's cut-off."""
    return list(
        public_observations()
        .filter(year__lte=publication.cycle.effective_cutoff.year)
        .select_related("indicator")
        .order_by("indicator__code", "year", "disaggregation")
    )


def _indicators(publication: Publication) -> list[Table]:
    indicators = public_indicators().prefetch_related("objectives", "sdg_targets").order_by("code")
    return [
        Table(
            "indicators",
            gettext_lazy("Indicators"),
            [
                Column("code", gettext_lazy("Indicator code"), required=True),
                Column("name", gettext_lazy("Name"), required=True),
                Column("unit", gettext_lazy("Unit of measure")),
                Column("scope", gettext_lazy("national, sdg or gcm"), enum=tuple(Indicator.Scope.values)),
                Column("source", gettext_lazy("Source of the data")),
                Column("baseline", gettext_lazy("Baseline value"), "number"),
                year("baseline_year", gettext_lazy("Year of the baseline")),
                Column("target", gettext_lazy("Target value"), "number"),
                year("target_year", gettext_lazy("Year of the target")),
                objective_numbers(gettext_lazy("GCM objectives served, separated by spaces")),
                Column("sdg_targets", gettext_lazy("SDG targets, separated by spaces"), "list", item_type="string"),
            ],
            [
                [
                    i.code,
                    i.name,
                    i.unit,
                    i.scope,
                    i.source,
                    i.baseline_value,
                    i.baseline_year,
                    i.target_value,
                    i.target_year,
                    _numbers(i.objectives.all()),
                    " ".join(t.code for t in i.sdg_targets.all()),
                ]
                for i in indicators
            ],
            primary_key=["code"],
        ),
        Table(
            "observations",
            gettext_lazy("Observed values of the indicators"),
            [
                Column("indicator", gettext_lazy("Indicator code"), required=True),
                year("year", gettext_lazy("Year"), required=True),
                Column("value", gettext_lazy("Value, in the indicator's unit"), "number", required=True),
                Column(
                    "disaggregation", gettext_lazy("Breakdown (_T: the national total, no breakdown)"), required=True
                ),
                Column("source", gettext_lazy("Source of this value")),
            ],
            [
                [o.indicator.code, o.year, o.value, o.disaggregation or TOTAL, o.source or o.indicator.source]
                for o in observations(publication)
            ],
            primary_key=["indicator", "year", "disaggregation"],
            foreign_keys=[("indicator", "indicators", "code")],
        ),
    ]


def _activities(publication: Publication) -> Table:
    start, end = publication.cycle.reporting_period()
    activities = (
        public_activities()
        .active_between(start, end)
        .select_related("lead_organisation")
        .prefetch_related("partners", "objectives", "actions__objective")
        .order_by("start_date", "title")
    )
    return Table(
        "activities",
        gettext_lazy("Activities of the reporting period"),
        [
            Column("title", gettext_lazy("Title"), required=True),
            Column("lead_organisation", gettext_lazy("Lead organisation"), required=True),
            Column("partners", gettext_lazy("Partners, separated by semicolons")),
            objective_numbers(gettext_lazy("GCM objectives supported")),
            Column("actions", gettext_lazy("Lettered actions supported"), "list", item_type="string"),
            Column("start_date", gettext_lazy("Start date (ISO 8601)"), "date", required=True),
            Column("end_date", gettext_lazy("End date (ISO 8601; empty: still running)"), "date"),
            code("status", gettext_lazy("Status code"), Activity.Status),
            Column("budget", gettext_lazy("Budget"), "number", minimum=0),
            Column("currency", gettext_lazy("Currency of the budget (ISO 4217)"), enum=tuple(Activity.Currency.values)),
            Column("location", gettext_lazy("Location")),
            Column("link", gettext_lazy("Web page"), format="uri"),
        ],
        [
            [
                a.title,
                a.lead_organisation.display_name,
                "; ".join(p.display_name for p in a.partners.all()),
                _numbers(a.objectives.all()),
                " ".join(x.code for x in a.actions.all()),
                a.start_date,
                a.end_date,
                a.status,
                a.budget,
                a.currency,
                a.location,
                a.link,
            ]
            for a in activities
        ],
    )


def _pledges(publication: Publication) -> Table:
    progress = {p.pledge_id: p for p in PledgeProgress.objects.filter(cycle=publication.cycle)}
    pledges = public_pledges().select_related("organisation").prefetch_related("objectives").order_by("title")
    return Table(
        "pledges",
        gettext_lazy("GCM pledges the Government and its partners stand by"),
        [
            Column("pledge_id", gettext_lazy("Pledge ID of the UN Network on Migration")),
            Column("title", gettext_lazy("Title"), required=True),
            Column("pledging_entity", gettext_lazy("Pledging entity"), required=True),
            Column("type", gettext_lazy("individual, common or partnership"), enum=tuple(Pledge.Kind.values)),
            Column(
                "nature",
                gettext_lazy("financial, human_resources, process or policy"),
                enum=tuple(Pledge.Nature.values),
            ),
            objective_numbers(gettext_lazy("GCM objectives, separated by spaces")),
            Column("due", gettext_lazy("Due date (ISO 8601)"), "date"),
            code("status", gettext_lazy("validated, reported or fulfilled"), Pledge.Status),
            Column(
                "progress_in_this_review",
                gettext_lazy("Status reported in this review"),
                enum=tuple(PledgeProgress.Status.values),
            ),
        ],
        [
            [
                p.network_id,
                p.title,
                p.organisation.display_name,
                p.kind,
                p.nature,
                _numbers(p.objectives.all()),
                p.due,
                p.status,
                getattr(progress.get(p.pk), "status", ""),
            ]
            for p in pledges
        ],
    )


def tables(publication: Publication, language: str) -> list[Table]:
    """The cycle's public tables: only the parts the publication includes."""
    result = []
    if publication.statuses:
        result += _statuses(publication)
    if publication.narratives:
        result.append(_narratives(publication, language))
    if publication.indicators:
        result += _indicators(publication)
    if publication.activities:
        result.append(_activities(publication))
    if publication.pledges:
        result.append(_pledges(publication))
    return result

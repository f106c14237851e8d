"""What the draft says, collected from what the portal records in a fixed number of queries, whatever the data size."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inputs.models import Consultation, Evidence, Input, WrittenContribution, consultation_summary
from objectives.models import (
    Action,
    Activity,
    GuidingPrinciple,
    Indicator,
    IndicatorObservation,
    Objective,
    RoundTable,
    SDGAlignment,
)
from pledges.models import Pledge
from policies.models import Instrument
from reviews.charts import DRAFT_FIGURES
from reviews.dashboard import build_dashboard
from reviews.models import (
    ActionProgress,
    ObjectiveAssessment,
    PledgeProgress,
    ProgressStatus,
    ReviewCycle,
    Trend,
    narrative_in,
    plan_implementation,
)
from stakeholders.models import Organisation

from .models import ExportJob, ReportSection


@dataclass
class ObjectiveReport:
    objective: Objective
    assessment: ObjectiveAssessment | None
    status: ProgressStatus
    trend: Trend
    actions: list = field(default_factory=list)  # [(action, progress or None)]
    activities: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    contributions: list = field(default_factory=list)  # accepted inputs with parts quoted in the chapter
    previous_status: ProgressStatus | None = None  # in the previous review of the same level
    texts: dict = field(default_factory=dict)  # narrative field -> (text in the draft's language, state)
    sdg_targets: list = field(default_factory=list)  # the verified SDG targets the objective serves (crosswalk)

    def text(self, name: str) -> str:
        return self.texts.get(name, ("", ""))[0]

    @property
    def reported_actions(self) -> list:
        """The actions with a reported status: the chapter names these; the annex has every action."""
        return [(action, progress) for action, progress in self.actions if progress and progress.is_reported]


@dataclass
class ReportData:
    job: ExportJob
    cycle: ReviewCycle
    previous_cycle: ReviewCycle | None
    period: tuple
    generated_at: object
    sections: list
    groups: list  # [(heading or None, [ObjectiveReport])]
    organisations_by_kind: list  # [(kind label, [organisation])]
    indicators: list
    principle_rows: list  # [(principle, [objective numbers])], most addressed first
    charts: dict
    budgets: list  # [(currency, total)]
    inputs: list  # accepted inputs with their actions and evidence
    consultations: list
    consultation_summary: dict
    mechanism_members: list
    society_contributions: list  # written contributions received from outside the call for inputs
    policy_groups: list  # [(heading, [instrument])]
    plan_implementation: list  # [(plan, measures, implemented, percent)]
    pledges: list = field(default_factory=list)  # standing pledges of the objectives, `this_review`: [progress]

    @property
    def author(self) -> str:
        """The State body the draft names as its author (the Government when none is recorded)."""
        lead = self.cycle.lead_organisation
        return lead.name if lead else _("Government of the Republic of Belarus")

    @cached_property
    def emblem(self) -> tuple[bytes, str] | None:
        """The cycle's emblem for the cover: (bytes, MIME type), or None."""
        if not self.cycle.emblem:
            return None
        with self.cycle.emblem.open("rb") as handle:
            content = handle.read()
        return content, "image/png" if content.startswith(b"\x89PNG") else "image/jpeg"

    @property
    def figures(self) -> dict:
        """Caption, description and source of each figure (reviews.charts.DRAFT_FIGURES)."""
        return DRAFT_FIGURES

    @property
    def chart_images(self) -> dict[str, str]:
        """The SVG of each chart the draft shows, by the name its <img> asks for."""
        return {name: self.charts[name] for name in ("status", "round_tables") if self.charts.get(name)}

    @property
    def is_global(self) -> bool:
        return self.cycle.level == ReviewCycle.Level.GLOBAL

    @property
    def objectives(self) -> list[ObjectiveReport]:
        return [report for _heading, reports in self.groups for report in reports]

    @property
    def process_paragraphs(self) -> list[str]:
        """How the review was prepared, in the State's voice: author, period, coordination, validation, inputs."""
        cycle, (start, end) = self.cycle, self.period
        paragraphs = [
            _(
                "Lead State body: %(author)s. The review was prepared with the support of the UN Country Network "
                "on Migration in Belarus and covers the period from %(start)s to %(end)s."
            )
            % {"author": self.author, "start": date_format(start), "end": date_format(end)}
        ]
        if cycle.coordination_mechanism:
            sentence = _("The review was coordinated by %(mechanism)s.") % {"mechanism": cycle.coordination_mechanism}
            if self.mechanism_members:
                members = "; ".join(str(o) for o in self.mechanism_members)
                sentence += " " + _("Its members: %(members)s.") % {"members": members}
            paragraphs.append(sentence)
        if cycle.validating_body:
            paragraphs.append(_("The draft is validated by %(body)s.") % {"body": cycle.validating_body})
        if self.inputs:
            paragraphs.append(
                ngettext(
                    "One written contribution was received in response to the call for inputs and is reflected "
                    "under the objective it concerns.",
                    "%(n)s written contributions were received in response to the call for inputs and are "
                    "reflected under the objectives they concern.",
                    len(self.inputs),
                )
                % {"n": len(self.inputs)}
            )
        received = self.society_contributions
        if received:
            named = "; ".join(str(c.organisation) for c in received if c.may_be_named)
            sentence = ngettext(
                "One written contribution was received from civil society and other stakeholders.",
                "%(n)s written contributions were received from civil society and other stakeholders.",
                len(received),
            ) % {"n": len(received)}
            if named:
                sentence += " " + _("The review draws on those of: %(names)s.") % {"names": named}
            if self.annex_contributions:
                sentence += " " + _("Those whose authors agreed are published in the annex.")
            paragraphs.append(sentence)
        return paragraphs

    @property
    def annex_contributions(self) -> list:
        return [c for c in self.society_contributions if c.is_printed]

    @property
    def consultation_paragraphs(self) -> list[str]:
        """The consultation register in a few sentences (empty when no consultation is recorded)."""
        summary = self.consultation_summary
        if not summary["consultations"]:
            return []
        first = ngettext(
            "One consultation was held, with %(people)s participants from %(kinds)s kinds of stakeholders.",
            "%(n)s consultations were held, with %(people)s participants from %(kinds)s kinds of stakeholders.",
            summary["consultations"],
        ) % {"n": summary["consultations"], "people": summary["participants"], "kinds": summary["kinds"]}
        if summary["women"] or summary["men"]:
            first += " " + _(
                "Among the participants whose gender was recorded, %(women)s were women and %(men)s men."
            ) % {"women": summary["women"], "men": summary["men"]}
        by_kind = "; ".join(f"{label}: {count}" for label, count in summary["by_kind"])
        formats = "; ".join(str(label) for label in summary["formats"])
        second = _("Participants by kind of stakeholder: %(kinds)s. Formats: %(formats)s.") % {
            "kinds": by_kind,
            "formats": formats,
        }
        return [first, second]

    def narratives(self, name: str) -> list:
        """(objective, text in the draft's language) of one narrative field of the assessments, where written."""
        return [(r.objective, r.text(name)) for r in self.objectives if r.text(name)]

    @property
    def policy_narratives(self) -> list:
        return self.narratives("policy_changes")

    @property
    def next_steps_narratives(self) -> list:
        return self.narratives("next_steps")


def collect(job: ExportJob) -> ReportData:
    """Everything the draft shows, read with a fixed number of queries."""
    cycle = ReviewCycle.objects.select_related("lead_organisation").get(pk=job.cycle_id)
    previous_cycle = cycle.previous()
    period = cycle.reporting_period(previous=previous_cycle)
    selected = list(job.objectives.values_list("pk", flat=True))
    objectives = Objective.objects.select_related("round_table").order_by("number")
    if selected:
        objectives = objectives.filter(pk__in=selected)
    objectives = list(objectives)
    ids = [o.pk for o in objectives]

    assessments = {
        a.objective_id: a
        for a in ObjectiveAssessment.objects.filter(cycle=cycle, objective__in=ids).prefetch_related(
            "principles", "lead_organisations", "contributing_organisations", "translations"
        )
    }
    previous_status = (
        dict(ObjectiveAssessment.objects.filter(cycle=previous_cycle).values_list("objective_id", "status"))
        if previous_cycle
        else {}
    )
    progress = {p.action_id: p for p in ActionProgress.objects.filter(cycle=cycle, action__objective__in=ids)}
    actions = defaultdict(list)
    for action in Action.objects.filter(objective__in=ids).order_by("objective__number", "letter"):
        actions[action.objective_id].append((action, progress.get(action.pk)))
    activities = defaultdict(list)
    running = Activity.objects.active_between(*period).filter(objectives__in=ids).distinct()
    for activity in running.select_related("lead_organisation").prefetch_related("objectives").order_by("start_date"):
        for objective in activity.objectives.all():
            activities[objective.pk].append(activity)
    indicators = list(
        Indicator.objects.filter(objectives__in=ids)
        .distinct()
        .prefetch_related(
            "objectives",
            "sdg_targets",
            Prefetch("observations", queryset=IndicatorObservation.objects.order_by("year", "disaggregation")),
        )
        .order_by("code")
    )
    by_objective = defaultdict(list)
    for indicator in indicators:
        for objective in indicator.objectives.all():
            by_objective[objective.pk].append(indicator)

    inputs = list(
        Input.objects.accepted()
        .filter(assignment__cycle=cycle, assignment__objective__in=ids)
        .select_related("assignment__organisation", "assignment__objective")
        .prefetch_related(
            Prefetch("actions", queryset=Action.objects.order_by("letter")),
            Prefetch("evidence", queryset=Evidence.objects.order_by("uploaded_at")),
            "translations",
        )
        .order_by("assignment__objective__number", "assignment__role", "assignment__organisation__name")
    )
    contributions = defaultdict(list)
    for input_ in inputs:
        # In the draft's language where the author added a translation; the text as written otherwise.
        input_.quoted, input_.in_annex = input_.quoted_parts(job.language), input_.annex_parts(job.language)
        if input_.quoted:
            contributions[input_.assignment.objective_id].append(input_)
    consultations = list(Consultation.objects.for_cycle(cycle))
    instruments = list(Instrument.objects.relevant_between(*period).with_related().order_by("adopted_on", "title"))
    society = (
        WrittenContribution.objects.filter(cycle=cycle)
        .exclude(status=WrittenContribution.Status.INVITED)
        .select_related("organisation")
        .prefetch_related("objectives")
        .order_by("organisation__name")
    )

    sdg_targets = _verified_sdg_targets(ids)
    reports = []
    for objective in objectives:
        assessment = assessments.get(objective.pk)
        status = assessment.status if assessment else ProgressStatus.NOT_ASSESSED
        reports.append(
            ObjectiveReport(
                objective=objective,
                assessment=assessment,
                sdg_targets=sdg_targets[objective.pk],
                status=ProgressStatus(status),
                trend=Trend.between(previous_status.get(objective.pk), status),
                actions=actions[objective.pk],
                activities=activities[objective.pk],
                indicators=by_objective[objective.pk],
                contributions=contributions[objective.pk],
                previous_status=ProgressStatus(previous_status[objective.pk])
                if objective.pk in previous_status
                else None,
                texts={
                    name: narrative_in(assessment, name, job.language) for name in ObjectiveAssessment.NARRATIVE_FIELDS
                }
                if assessment
                else {},
            )
        )
    return ReportData(
        job=job,
        cycle=cycle,
        previous_cycle=previous_cycle,
        period=period,
        generated_at=timezone.localtime(),
        sections=_outline(cycle),
        groups=_group(reports, by_round_table=cycle.level == ReviewCycle.Level.GLOBAL),
        organisations_by_kind=_organisations_by_kind(
            assessments.values(),
            activities.values(),
            [i.assignment.organisation for i in inputs] + [c.organiser for c in consultations if c.organiser],
        ),
        indicators=indicators,
        principle_rows=_principle_rows(reports),
        charts=_charts(cycle),
        budgets=list(
            running.exclude(budget__isnull=True)
            .order_by()
            .values_list("currency")
            .annotate(total=Sum("budget"))
            .order_by("currency")
        ),
        inputs=inputs,
        consultations=consultations,
        consultation_summary=consultation_summary(consultations),
        mechanism_members=list(cycle.mechanism_members.order_by("name")),
        society_contributions=list(society),
        policy_groups=[
            (heading, members)
            for heading, kinds in Instrument.GROUPS
            if (members := [i for i in instruments if i.kind in kinds])
        ],
        plan_implementation=plan_implementation(cycle, [i for i in instruments if i.has_measures]),
        pledges=list(
            Pledge.objects.standing()
            .filter(objectives__in=ids)
            .distinct()
            .select_related("organisation")
            .prefetch_related(
                "objectives",
                Prefetch("progress", queryset=PledgeProgress.objects.filter(cycle=cycle), to_attr="this_review"),
            )
            .order_by("organisation__name", "title")
        ),
    )


def _verified_sdg_targets(objective_ids: list[int]) -> dict[int, list]:
    """The SDG targets each objective serves by a verified link of the crosswalk (proposed ones are not printed)."""
    targets = defaultdict(list)
    for alignment in SDGAlignment.objects.filter(objective__in=objective_ids, verified=True).select_related(
        "sdg_target"
    ):
        targets[alignment.objective_id].append(alignment.sdg_target)
    return targets


def _outline(cycle: ReviewCycle) -> list[ReportSection]:
    sections = [s for s in ReportSection.ensure_outline(cycle) if s.enabled]
    for section in sections:
        if section.kind not in ReportSection.Kind.values:
            raise ValueError(
                _("The outline of %(cycle)s has a section of unknown kind: %(kind)s.")
                % {"cycle": cycle, "kind": section.kind}
            )
    return sections


def _group(reports: list[ObjectiveReport], *, by_round_table: bool) -> list:
    """The IMRF (global) draft follows the four round tables; the UNECE (regional) one the objectives' order."""
    if not by_round_table:
        return [(None, reports)]
    groups = []
    for round_table in RoundTable.objects.order_by("number"):
        members = [r for r in reports if r.objective.round_table_id == round_table.pk]
        if members:
            groups.append((round_table, members))
    return groups


def _organisations_by_kind(assessments, activity_lists, others: list[Organisation]) -> list:
    """Every organisation that led, contributed, reported or organised a consultation, by kind."""
    organisations: dict[int, Organisation] = {o.pk: o for o in others}
    for assessment in assessments:
        for organisation in [*assessment.lead_organisations.all(), *assessment.contributing_organisations.all()]:
            organisations[organisation.pk] = organisation
    for activities in activity_lists:
        for activity in activities:
            organisations[activity.lead_organisation.pk] = activity.lead_organisation
    by_kind = defaultdict(list)
    for organisation in sorted(organisations.values(), key=lambda o: o.name):
        by_kind[organisation.get_kind_display()].append(organisation)
    return sorted(by_kind.items())


def _charts(cycle: ReviewCycle) -> dict:
    """The draft's figures, each with the table of its figures; a chart that tells nothing is left out
    (the round tables' completeness when every round table stands at the same share)."""
    board = build_dashboard(cycle, matrices=False)
    if board is None:
        return {}
    statuses = list(ProgressStatus)
    figures = {
        "status": board.status_chart,
        "status_rows": [
            (c, [board.status_counts.get((c.pk, status.value), 0) for status in statuses]) for c in board.cycles
        ],
        "statuses": statuses,
    }
    shares = {p for _rt, _assessed, _total, p in board.completeness_by_round_table}
    if len(shares) > 1:
        figures["round_tables"] = board.round_table_chart
        figures["round_table_rows"] = board.completeness_by_round_table
    return figures


def _principle_rows(reports: list[ObjectiveReport]) -> list:
    """Per guiding principle, the objectives whose assessment says they address it (most addressed first)."""
    rows = {principle.pk: (principle, []) for principle in GuidingPrinciple.objects.all()}
    for report in reports:
        if report.assessment:
            for principle in report.assessment.principles.all():
                rows[principle.pk][1].append(report.objective.number)
    return sorted(rows.values(), key=lambda row: (-len(row[1]), row[0].letter))

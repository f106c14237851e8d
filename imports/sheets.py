"""The sheets an import file may hold, their columns, and how a row finds the record it creates or changes.

Every sheet has a natural key (a cycle is its level and year, an assessment its cycle and objective, ...), so
importing the same file again finds every record unchanged. References to other records are written as people
write them: an objective by its number, an action by its code 5(c), an organisation by its acronym or name (in
any of the portal's languages), a review cycle as "regional 2020" or "global 2022" (or its name).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from inputs.models import Consultation
from objectives.models import Action, Activity, GuidingPrinciple, Indicator, IndicatorObservation, Objective, SDGTarget
from pledges.models import Pledge
from reviews.models import ActionProgress, ObjectiveAssessment, ProgressStatus, ReviewCycle
from stakeholders.models import Organisation

from . import columns as c
from .columns import CellError


@dataclass(frozen=True)
class Ref:
    """A record another sheet of the same file may create: resolved when the file is applied."""

    kind: str
    key: tuple


class Lookups:
    """The records rows refer to, read once per file, when a row first needs them: the template and the
    upload page, which only name sheets and columns, read none."""

    def __init__(self) -> None:
        self.pending: dict[str, set] = {"cycle": set(), "indicator": set()}

    @cached_property
    def objectives(self) -> dict:
        return {o.number: o for o in Objective.objects.all()}

    @cached_property
    def actions(self) -> dict:
        return {a.code: a for a in Action.objects.select_related("objective")}

    @cached_property
    def principles(self) -> dict:
        return {p.letter.lower(): p for p in GuidingPrinciple.objects.all()}

    @cached_property
    def targets(self) -> dict:
        return {t.code: t for t in SDGTarget.objects.all()}

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        found: dict[str, Organisation] = {}
        for organisation in Organisation.objects.all():
            for code in settings.LANGUAGE_CODES:
                for name in (getattr(organisation, f"name_{code}"), getattr(organisation, f"acronym_{code}")):
                    if name:
                        found.setdefault(name.strip().lower(), organisation)
        return found

    @cached_property
    def cycles(self) -> dict:
        return {(cycle.level, cycle.year): cycle for cycle in ReviewCycle.objects.all()}

    @cached_property
    def cycle_names(self) -> dict:
        return {
            getattr(cycle, f"name_{code}").strip().lower(): key
            for key, cycle in self.cycles.items()
            for code in settings.LANGUAGE_CODES
            if getattr(cycle, f"name_{code}")
        }

    @cached_property
    def indicators(self) -> dict:
        return {i.code: i for i in Indicator.objects.all()}

    def reload(self) -> None:
        """Forget the cycles and indicators: the next row reads them again (after a sheet wrote some)."""
        for name in ("cycles", "cycle_names", "indicators"):
            self.__dict__.pop(name, None)

    # References, each raising CellError with a message for the user.
    def objective(self, raw) -> Objective:
        number = c.integer(1, 23)(raw)
        if number is None:
            raise CellError(_("Name the objective by its number, 1 to 23."))
        return self.objectives[number]

    def action(self, raw) -> Action:
        code = c.clean_text(raw).replace(" ", "")
        if code not in self.actions:
            raise CellError(_("“%(code)s” is not an action of the GCM: write it as 5(c).") % {"code": code[:20]})
        return self.actions[code]

    def principle(self, raw) -> GuidingPrinciple:
        letter = c.clean_text(raw).strip("()").lower()
        if letter not in self.principles:
            raise CellError(
                _("“%(letter)s” is not a guiding principle: write its letter, a to j.") % {"letter": letter}
            )
        return self.principles[letter]

    def target(self, raw) -> SDGTarget:
        code = c.clean_text(raw)
        if code not in self.targets:
            raise CellError(_("“%(code)s” is not an SDG target the portal knows.") % {"code": code[:20]})
        return self.targets[code]

    def organisation(self, raw) -> Organisation | None:
        name = c.clean_text(raw)
        if not name:
            return None
        if name.lower() not in self.organisations:
            raise CellError(
                _("No organisation is called “%(name)s”: add it in the portal first, or write its acronym.")
                % {"name": name[:60]}
            )
        return self.organisations[name.lower()]

    def cycle(self, raw) -> Ref:
        text = c.clean_text(raw)
        match = re.fullmatch(r"(regional|global)\s+(\d{4})", text.lower())
        key = (match.group(1), int(match.group(2))) if match else self.cycle_names.get(text.lower())
        if key is None or (key not in self.cycles and key not in self.pending["cycle"]):
            raise CellError(
                _(
                    "No review cycle “%(cycle)s”: write regional 2020 or global 2022, "
                    "and add new ones on the cycles sheet."
                )
                % {"cycle": text[:60]}
            )
        return Ref("cycle", key)

    def indicator(self, raw) -> Ref:
        code = c.clean_text(raw)
        if code not in self.indicators and code not in self.pending["indicator"]:
            raise CellError(
                _("No indicator has the code “%(code)s”: add it on the indicators sheet.") % {"code": code[:40]}
            )
        return Ref("indicator", (code,))

    def exists(self, ref: Ref) -> bool:
        """The referred record is in the database (not only to be created by this file)."""
        return ref.key in self.cycles if ref.kind == "cycle" else ref.key[0] in self.indicators

    def resolve(self, value):
        if isinstance(value, Ref):
            return self.cycles[value.key] if value.kind == "cycle" else self.indicators[value.key[0]]
        return value


@dataclass
class Column:
    name: str
    parse: Callable
    help: str
    required: bool = False


@dataclass
class Sheet:
    """One kind of record: its columns, its key, where its records are and how a row sets one."""

    name: str
    title: str
    model: type
    columns: list[Column]
    key: Callable  # values -> tuple
    existing: Callable  # lookups -> {key: record}
    m2m: tuple = ()
    # Values of the key columns as the preview shows them.
    label: Callable = field(default=lambda values: "")
    registers: str = ""  # the Lookups.pending kind this sheet's keys feed ("cycle", "indicator")

    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def _cycle_key(cycle: ReviewCycle) -> tuple:
    return (cycle.level, cycle.year)


def sheets(lookups: Lookups) -> list[Sheet]:
    """The sheets in the order a file is applied: records before the rows that refer to them."""
    L = lookups
    text = c.text
    return [
        Sheet(
            "cycles",
            gettext_lazy("Review cycles"),
            ReviewCycle,
            [
                Column("level", c.choice(ReviewCycle.Level), gettext_lazy("regional or global"), True),
                Column("year", c.integer(2018, 2100), gettext_lazy("Year of the review"), True),
                Column("name", text(200), gettext_lazy("Name of the cycle (English)"), True),
                Column("forum", text(200), gettext_lazy("The forum, with its place"), True),
                Column("forum_starts", c.date, gettext_lazy("First day of the forum (2022-05-17)")),
                Column("forum_ends", c.date, gettext_lazy("Last day of the forum")),
                Column("input_opens", c.date, gettext_lazy("Input window opens"), True),
                Column("input_closes", c.date, gettext_lazy("Input window closes"), True),
                Column("submission_deadline", c.date, gettext_lazy("Submission deadline"), True),
                Column(
                    "status",
                    c.choice(ReviewCycle.Status),
                    gettext_lazy("planning, collecting, drafting, submitted or closed"),
                ),
            ],
            key=lambda v: (v["level"], v["year"]),
            existing=lambda lk: {_cycle_key(cycle): cycle for cycle in lk.cycles.values()},
            label=lambda v: f"{v['level']} {v['year']}",
            registers="cycle",
        ),
        Sheet(
            "indicators",
            gettext_lazy("Indicators"),
            Indicator,
            [
                Column("code", text(32), gettext_lazy("Indicator code, unique"), True),
                Column("name", text(300), gettext_lazy("Name"), True),
                Column("unit", text(50), gettext_lazy("Unit of measure")),
                Column("source", text(300), gettext_lazy("Source of the data")),
                Column("scope", c.choice(Indicator.Scope), gettext_lazy("national, sdg or global")),
                Column("objectives", c.many(L.objective), gettext_lazy("Objective numbers; separated by semicolons")),
                Column(
                    "sdg_targets", c.many(L.target), gettext_lazy("SDG targets such as 10.7; separated by semicolons")
                ),
                Column("baseline_value", c.decimal, gettext_lazy("Baseline value")),
                Column("baseline_year", c.integer(1950, 2100), gettext_lazy("Year of the baseline")),
                Column("target_value", c.decimal, gettext_lazy("Target value")),
                Column("target_year", c.integer(1950, 2100), gettext_lazy("Year of the target")),
            ],
            key=lambda v: (v["code"],),
            existing=lambda lk: {(i.code,): i for i in Indicator.objects.prefetch_related("objectives", "sdg_targets")},
            m2m=("objectives", "sdg_targets"),
            label=lambda v: v["code"],
            registers="indicator",
        ),
        Sheet(
            "observations",
            gettext_lazy("Observed values of indicators"),
            IndicatorObservation,
            [
                Column("indicator", L.indicator, gettext_lazy("Indicator code"), True),
                Column("year", c.integer(1950, 2100), gettext_lazy("Year"), True),
                Column("value", c.decimal, gettext_lazy("Value"), True),
                Column("disaggregation", text(100), gettext_lazy("Breakdown; empty for the national total")),
                Column("source", text(300), gettext_lazy("Source of this value")),
            ],
            key=lambda v: (v["indicator"].key[0], v["year"], v["disaggregation"]),
            existing=lambda lk: {
                (o.indicator.code, o.year, o.disaggregation): o
                for o in IndicatorObservation.objects.select_related("indicator")
            },
            label=lambda v: f"{v['indicator'].key[0]} {v['year']} {v['disaggregation']}".strip(),
        ),
        Sheet(
            "activities",
            gettext_lazy("Activities"),
            Activity,
            [
                Column("title", text(255), gettext_lazy("Title"), True),
                Column("lead_organisation", L.organisation, gettext_lazy("Lead organisation (acronym or name)"), True),
                Column("start_date", c.date, gettext_lazy("Start date"), True),
                Column("end_date", c.date, gettext_lazy("End date; empty while it runs")),
                Column("status", c.choice(Activity.Status), gettext_lazy("Status")),
                Column(
                    "objectives", c.many(L.objective), gettext_lazy("Objective numbers; separated by semicolons"), True
                ),
                Column("actions", c.many(L.action), gettext_lazy("Action codes such as 5(c); separated by semicolons")),
                Column(
                    "partners", c.many(L.organisation), gettext_lazy("Partner organisations; separated by semicolons")
                ),
                Column("budget", c.decimal, gettext_lazy("Budget")),
                Column("currency", c.choice(Activity.Currency), gettext_lazy("Currency (ISO 4217)")),
                Column("location", text(200), gettext_lazy("Location")),
                Column("description", text(5000), gettext_lazy("Description (Markdown)")),
            ],
            key=lambda v: (v["title"], v["lead_organisation"].pk if v["lead_organisation"] else None, v["start_date"]),
            existing=lambda lk: {
                (a.title_en, a.lead_organisation_id, a.start_date): a
                for a in Activity.objects.prefetch_related("objectives", "actions", "partners")
            },
            m2m=("objectives", "actions", "partners"),
            label=lambda v: v["title"],
        ),
        Sheet(
            "assessments",
            gettext_lazy("Assessments of the objectives"),
            ObjectiveAssessment,
            [
                Column("cycle", L.cycle, gettext_lazy("regional 2020, global 2022, ..."), True),
                Column("objective", L.objective, gettext_lazy("Objective number"), True),
                Column(
                    "status",
                    c.choice(ProgressStatus),
                    gettext_lazy("not_assessed, early, in_progress, advanced or achieved"),
                    True,
                ),
                *[
                    Column(name, text(20000), ObjectiveAssessment._meta.get_field(name).verbose_name)
                    for name in ObjectiveAssessment.NARRATIVE_FIELDS
                ],
                Column("source_language", c.choice(_Languages), gettext_lazy("Language of the texts: en, ru or be")),
                Column("narratives_public", c.boolean, gettext_lazy("yes: the texts may be published")),
                Column(
                    "principles",
                    c.many(L.principle),
                    gettext_lazy("Guiding principles by letter; separated by semicolons"),
                ),
                Column(
                    "lead_organisations",
                    c.many(L.organisation),
                    gettext_lazy("Lead organisations; separated by semicolons"),
                ),
                Column(
                    "contributing_organisations",
                    c.many(L.organisation),
                    gettext_lazy("Contributing organisations; separated by semicolons"),
                ),
            ],
            key=lambda v: (v["cycle"].key, v["objective"].number),
            existing=lambda lk: {
                (_cycle_key(a.cycle), a.objective.number): a
                for a in ObjectiveAssessment.objects.select_related("cycle", "objective").prefetch_related(
                    "principles", "lead_organisations", "contributing_organisations"
                )
            },
            m2m=("principles", "lead_organisations", "contributing_organisations"),
            label=lambda v: f"{' '.join(map(str, v['cycle'].key))} · {v['objective'].number}",
        ),
        Sheet(
            "action_statuses",
            gettext_lazy("Statuses of the actions"),
            ActionProgress,
            [
                Column("cycle", L.cycle, gettext_lazy("regional 2020, global 2022, ..."), True),
                Column("action", L.action, gettext_lazy("Action code such as 5(c)"), True),
                Column(
                    "status", c.choice(ActionProgress.Status), gettext_lazy("none, planned, ongoing or completed"), True
                ),
                Column("note", text(500), gettext_lazy("Note")),
            ],
            key=lambda v: (v["cycle"].key, v["action"].code),
            existing=lambda lk: {
                (_cycle_key(p.cycle), p.action.code): p
                for p in ActionProgress.objects.select_related("cycle", "action__objective")
            },
            label=lambda v: f"{' '.join(map(str, v['cycle'].key))} · {v['action'].code}",
        ),
        Sheet(
            "pledges",
            gettext_lazy("GCM pledges"),
            Pledge,
            [
                Column("title", text(300), gettext_lazy("Title"), True),
                Column("organisation", L.organisation, gettext_lazy("Pledging entity (acronym or name)"), True),
                Column("description", text(5000), gettext_lazy("Description"), True),
                Column("kind", c.choice(Pledge.Kind), gettext_lazy("individual, common or partnership")),
                Column(
                    "nature",
                    c.choice(Pledge.Nature),
                    gettext_lazy("financial, human_resources, process or policy"),
                    True,
                ),
                Column(
                    "objectives", _at_most(3, c.many(L.objective)), gettext_lazy("One to three objective numbers"), True
                ),
                Column("status", c.choice(Pledge.Status), gettext_lazy("proposed, validated, reported or fulfilled")),
                Column("network_id", text(32), gettext_lazy("Pledge ID of the UN Network on Migration")),
                Column("starts", c.date, gettext_lazy("Start date")),
                Column("due", c.date, gettext_lazy("Due date")),
            ],
            key=lambda v: (v["organisation"].pk if v["organisation"] else None, v["title"]),
            existing=lambda lk: {
                (p.organisation_id, p.title): p for p in Pledge.objects.prefetch_related("objectives")
            },
            m2m=("objectives",),
            label=lambda v: v["title"],
        ),
        Sheet(
            "consultations",
            gettext_lazy("Consultations"),
            Consultation,
            [
                Column("cycle", L.cycle, gettext_lazy("regional 2020, global 2022, ..."), True),
                Column("title", text(300), gettext_lazy("Title"), True),
                Column("held_on", c.date, gettext_lazy("Date"), True),
                Column("format", c.choice(Consultation.Format), gettext_lazy("Format code"), True),
                Column("organiser", L.organisation, gettext_lazy("Organiser (acronym or name)")),
                Column(
                    "objectives", c.many(L.objective), gettext_lazy("Objectives discussed; separated by semicolons")
                ),
                Column("key_messages", text(10000), gettext_lazy("Key messages")),
                Column("women", c.integer(0, 100000), gettext_lazy("Women taking part")),
                Column("men", c.integer(0, 100000), gettext_lazy("Men taking part")),
            ],
            key=lambda v: (v["cycle"].key, v["title"], v["held_on"]),
            existing=lambda lk: {
                (_cycle_key(x.cycle), x.title_en, x.held_on): x
                for x in Consultation.objects.select_related("cycle").prefetch_related("objectives")
            },
            m2m=("objectives",),
            label=lambda v: v["title"],
        ),
    ]


def _at_most(n: int, parse: Callable) -> Callable:
    def limited(raw):
        values = parse(raw)
        if len(values) > n:
            raise CellError(_("Choose one to three objectives."))
        return values

    return limited


class _Languages:
    """The portal's languages as choices for a column."""

    choices = list(settings.LANGUAGES)
    values = list(settings.LANGUAGE_CODES)


SHEET_NAMES = ["cycles", "indicators", "observations", "activities", "assessments", "action_statuses", "pledges"]
SHEET_NAMES.append("consultations")

"""The checklist a cycle's draft goes through before it is exported for review and before it is submitted.

Each item says what is checked, what is still open and where to fix it. A fixed number of queries
whatever the size of the data.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from inputs.models import Consultation, Input
from objectives.models import Activity, Indicator, Objective
from reviews.models import NarrativeTranslation, ObjectiveAssessment, ReviewCycle, narrative_in

from .models import ReportSection

# Sections that hold nothing but their text: an empty one prints a placeholder in the draft.
TEXT_ONLY = {ReportSection.Kind.OPENING, ReportSection.Kind.INTRODUCTION, ReportSection.Kind.CUSTOM}
# What drafting teams leave behind in a text that is not ready to print.
LEFTOVER = re.compile(r"\b(TODO|TBD|FIXME|XXX)\b|\[to be drafted", re.IGNORECASE)
STATE_CONTENT = ("achievements", "challenges", "good_practices")


@dataclass
class Item:
    label: str
    ok: bool
    missing: list = field(default_factory=list)  # what is still open, in a few words each
    fix_url: str = ""
    fix_label: str = ""


def checklist(cycle: ReviewCycle, language: str = settings.LANGUAGE_CODE) -> list[Item]:
    """Every item of the cycle's checklist for a draft in the given language."""
    sections = [s for s in ReportSection.objects.for_cycle(cycle) if s.enabled]
    assessments = {
        a.objective_id: a
        for a in ObjectiveAssessment.objects.filter(cycle=cycle)
        .select_related("objective")
        .prefetch_related("translations")
    }
    quoted = {
        i.assignment.objective_id
        for i in Input.objects.accepted().filter(assignment__cycle=cycle).select_related("assignment")
        if i.quoted_parts()
    }
    objectives = list(Objective.objects.order_by("number"))
    consultations = list(Consultation.objects.filter(cycle=cycle))
    outline_url = reverse("drafts:outline-update", args=[cycle.pk])
    items = [
        _lead(cycle),
        _sections(sections, outline_url),
        _objectives(cycle, objectives, assessments, quoted),
        _indicators(),
        Item(
            _("At least one consultation is recorded"),
            bool(consultations),
            [] if consultations else [_("no consultation recorded")],
            reverse("inputs:consultation-create", args=[cycle.pk]),
            _("Record a consultation"),
        ),
        _leftovers(sections, assessments.values(), outline_url),
    ]
    if language != settings.LANGUAGE_CODE:
        items.append(_translations(cycle, language, sections, consultations, objectives, outline_url))
        items.append(_narratives(cycle, language, assessments.values()))
    return items


def open_items(items: list[Item]) -> list[Item]:
    return [item for item in items if not item.ok]


def _lead(cycle: ReviewCycle) -> Item:
    return Item(
        _("The lead State body is recorded"),
        bool(cycle.lead_organisation_id),
        [] if cycle.lead_organisation_id else [_("no lead ministry or agency")],
        reverse("reviews:cycle-update", args=[cycle.pk]),
        _("Edit the cycle"),
    )


def _sections(sections: list[ReportSection], outline_url: str) -> Item:
    empty = [str(s.display_title) for s in sections if s.kind in TEXT_ONLY and not s.body.strip()]
    return Item(_("Every section of text has its text"), not empty, empty, outline_url, _("Edit the outline"))


def _objectives(cycle: ReviewCycle, objectives: list[Objective], assessments: dict, quoted: set) -> Item:
    """State content per objective: the assessment's narratives or a quoted input, else 'not prioritised'."""
    missing = []
    for objective in objectives:
        assessment = assessments.get(objective.pk)
        written = assessment and any(getattr(assessment, name).strip() for name in STATE_CONTENT)
        if not (written or objective.pk in quoted or (assessment and assessment.not_prioritised)):
            missing.append(objective)
    first = missing[0].number if missing else 1
    return Item(
        _("Every objective has the State's account or is marked not prioritised"),
        not missing,
        [_("objective %(number)s") % {"number": o.number} for o in missing],
        reverse("reviews:assessment-update", args=[first, cycle.pk]),
        _("Write the assessment"),
    )


def _indicators() -> Item:
    incomplete = list(
        Indicator.objects.filter(objectives__isnull=False)
        .filter(Q(source="") | (Q(baseline_year__isnull=True) & Q(observations__isnull=True)))
        .distinct()
        .order_by("code")
    )
    return Item(
        _("Indicators have a source and a year"),
        not incomplete,
        [i.code for i in incomplete],
        incomplete[0].get_absolute_url() if incomplete else reverse("objectives:indicator-list"),
        _("Complete the indicator"),
    )


def _leftovers(sections: list[ReportSection], assessments, outline_url: str) -> Item:
    found = [str(s.display_title) for s in sections if LEFTOVER.search(s.body)]
    for assessment in assessments:
        if any(LEFTOVER.search(getattr(assessment, name)) for name in ObjectiveAssessment.NARRATIVE_FIELDS):
            found.append(_("objective %(number)s") % {"number": assessment.objective.number})
    return Item(
        _("No placeholder or drafting note is left in the texts (TODO, TBD, [To be drafted ...])"),
        not found,
        found,
        outline_url,
        _("Edit the outline"),
    )


def _narratives(cycle: ReviewCycle, language: str, assessments) -> Item:
    """The assessments' texts in the draft's language: none missing, none outdated."""
    open_ = []
    for assessment in sorted(assessments, key=lambda a: a.objective.number):
        for name in ObjectiveAssessment.NARRATIVE_FIELDS:
            if getattr(assessment, name).strip():
                state = narrative_in(assessment, name, language)[1]
                if state in (NarrativeTranslation.State.MISSING, NarrativeTranslation.State.OUTDATED):
                    label = NarrativeTranslation.State(state).label
                    open_.append(f"{_('objective %(number)s') % {'number': assessment.objective.number}}: {label}")
                    break
    return Item(
        _("The assessments' texts are translated into the draft's language and up to date"),
        not open_,
        open_,
        reverse("translations:translation-status", args=[cycle.pk]),
        _("Translate"),
    )


def _blank(name: str) -> Q:
    return Q(**{f"{name}__isnull": True}) | Q(**{name: ""})


def _translations(cycle: ReviewCycle, language: str, sections, consultations, objectives, outline_url: str) -> Item:
    """The texts the draft prints, present in its language (else they would print in English)."""

    def missing_in(obj, name: str) -> bool:
        return bool(getattr(obj, f"{name}_en", "") or "") and not (getattr(obj, f"{name}_{language}", "") or "")

    missing = []
    for name in ("name", "coordination_mechanism", "validating_body"):
        if missing_in(cycle, name):
            missing.append(str(ReviewCycle._meta.get_field(name).verbose_name))
    missing += [str(s.display_title) for s in sections if missing_in(s, "body") or missing_in(s, "title")]
    missing += [c.title for c in consultations if missing_in(c, "title") or missing_in(c, "key_messages")]
    # Registers the draft prints, counted: the activities of the reporting period and the indicators.
    period = cycle.reporting_period(previous=cycle.previous())
    if count := Activity.objects.active_between(*period).filter(_blank(f"title_{language}")).count():
        missing.append(_("titles of activities in the reporting period: %(n)s") % {"n": count})
    if count := Indicator.objects.filter(_blank(f"name_{language}")).count():
        missing.append(_("names of indicators: %(n)s") % {"n": count})
    unofficial = [o for o in objectives if o.is_working_translation(language)]
    if unofficial:
        missing.append(_("objective titles in a working (unofficial) translation: %(n)s") % {"n": len(unofficial)})
    return Item(_("The draft's texts exist in its language"), not missing, missing, outline_url, _("Edit the outline"))

"""What each chapter of the Word draft writes after its opening text, as the PDF's templates/reports/sections/ do."""

import io

from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from reviews.charts import DRAFT_FIGURES, as_png
from uncnm_portal.markdown import render_markdown
from uncnm_portal.templatetags.portal import number as number_format

from .docx_blocks import markdown, table
from .models import ReportSection


def cover(document, data) -> None:
    cycle = data.cycle
    if data.emblem:
        document.add_picture(io.BytesIO(data.emblem[0]), height=Mm(30))
        emblem = document.paragraphs[-1]
        emblem.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for properties in emblem._p.xpath(".//wp:docPr"):
            properties.set("descr", _("Emblem"))
    document.add_paragraph(_("DRAFT")).runs[0].bold = True
    document.add_paragraph(_("Republic of Belarus"))
    document.add_heading(
        _(
            "Voluntary national review of the implementation of the Global Compact for Safe, Orderly "
            "and Regular Migration"
        ),
        level=0,
    )
    if data.is_global:
        subtitle = _("Submitted to the International Migration Review Forum %(year)s") % {"year": cycle.year}
    else:
        subtitle = _("Submitted to the UNECE regional review of the Global Compact for Migration %(year)s") % {
            "year": cycle.year
        }
    document.add_paragraph(subtitle, style="Subtitle")
    document.add_paragraph(cycle.name)
    forum = cycle.forum + (f", {date_format(cycle.forum_starts)}" if cycle.forum_starts else "")
    document.add_paragraph(forum)
    start, end = data.period
    document.add_paragraph(
        _("Reporting period: %(start)s – %(end)s") % {"start": date_format(start), "end": date_format(end)}
    )
    document.add_paragraph(
        _("Draft generated on %(when)s") % {"when": date_format(data.generated_at, "DATETIME_FORMAT")}
    )
    document.add_paragraph(
        _("Prepared by: %(author)s, with the support of the UN Country Network on Migration in Belarus.")
        % {"author": data.author}
    )


def _placeholder(document) -> None:
    """A neutral mark where the State's text is still to come, in the draft's language."""
    document.add_paragraph(f"[{_('To be drafted by the lead ministry')}]").runs[0].italic = True


def _methodology(document, data, section) -> None:
    for paragraph in data.process_paragraphs:
        document.add_paragraph(paragraph)
    document.add_heading(_("Contributing State bodies and partners"), level=2)
    for kind, organisations in data.organisations_by_kind:
        document.add_paragraph(f"{kind}: " + "; ".join(str(o) for o in organisations))
    if not data.organisations_by_kind:
        _placeholder(document)
    document.add_heading(_("Consultations"), level=2)
    for paragraph in data.consultation_paragraphs:
        document.add_paragraph(paragraph)
    if not data.consultation_paragraphs:
        _placeholder(document)
    for consultation in data.consultations:
        if consultation.key_messages:
            document.add_heading(f"{consultation.title} ({date_format(consultation.held_on)})", level=3)
            markdown(document, consultation.key_messages)


def _policy(document, data, section) -> None:
    """The policy register grouped by kind, the plans' implementation, then the policy narratives."""
    for heading, instruments in data.policy_groups:
        document.add_heading(str(heading), level=2)
        for instrument in instruments:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(instrument.title).bold = True
            text = f" ({instrument.reference})" if instrument.reference else ""
            text += f", {date_format(instrument.adopted_on)}" if instrument.adopted_on else ""
            text += f" · {instrument.get_status_display().lower()}."
            if instrument.summary:
                text += " " + strip_tags(render_markdown(instrument.summary)).strip()
            numbers = ", ".join(str(o.number) for o in instrument.objectives.all())
            if numbers:
                text += f" {_('Objectives served:')} {numbers}."
            paragraph.add_run(text)
    if data.plan_implementation:
        document.add_heading(_("Implementation of national plans"), level=2)
        for plan, total, done, percent in data.plan_implementation:
            document.add_paragraph(
                _("%(plan)s: %(done)s of %(total)s measures implemented (%(percent)s %%).")
                % {"plan": plan.title, "done": done, "total": total, "percent": percent}
            )
    if data.policy_narratives:
        document.add_heading(_("Policy changes by objective"), level=2)
        for objective, text in data.policy_narratives:
            document.add_heading(str(objective), level=3)
            markdown(document, text)
    if not data.policy_groups and not data.policy_narratives and not section.body:
        _placeholder(document)


def _next_steps(document, data, section) -> None:
    """The objectives' next steps, then the pledges the Government and its partners stand by."""
    narratives = data.next_steps_narratives
    for objective, text in narratives:
        document.add_heading(str(objective), level=2)
        markdown(document, text)
    if not narratives and not section.body and not data.pledges:
        _placeholder(document)
    if data.pledges:
        document.add_heading(_("GCM pledges"), level=2)
        document.add_paragraph(
            ngettext(
                "The Government and its partners stand by %(n)s pledge towards the objectives of this review "
                "(annex 7):",
                "The Government and its partners stand by %(n)s pledges towards the objectives of this review "
                "(annex 7):",
                len(data.pledges),
            )
            % {"n": len(data.pledges)}
        )
        for pledge in data.pledges:
            item = document.add_paragraph(style="List Bullet")
            item.add_run(pledge.title).bold = True
            due = ", " + _("due %(date)s") % {"date": date_format(pledge.due)} if pledge.due else ""
            reported = "".join(
                f": {r.get_status_display().lower()}" + (f". {r.note}" if r.note else "") for r in pledge.this_review
            )
            item.add_run(f" ({pledge.organisation.display_name}{due}){reported}")


ASSESSMENT_PARTS = (
    ("achievements", _lazy("Key achievements")),
    ("challenges", _lazy("Challenges")),
    ("good_practices", _lazy("Good practices")),
)


def _progress(document, data, section) -> None:
    charts = data.charts
    if charts:
        document.add_heading(_("Overview"), level=2)
        _figure(document, DRAFT_FIGURES["status"], charts["status"])
        headers = [_("Review"), *[str(status.label) for status in charts["statuses"]]]
        table(document, headers, [[str(c.year), *counts] for c, counts in charts["status_rows"]])
        if "round_tables" in charts:
            _figure(document, DRAFT_FIGURES["round_tables"], charts["round_tables"])
            rows = [[str(rt), assessed, total] for rt, assessed, total, _percent in charts["round_table_rows"]]
            table(document, [_("Round table"), _("Assessed"), _("Objectives")], rows)
    for heading, reports in data.groups:
        if heading:
            document.add_heading(str(heading), level=2)
        for report in reports:
            _objective(document, data, report)
    _principles(document, data)


def _figure(document, figure, svg: str) -> None:
    """A chart as a picture across the text width, with its description as alt text, then its caption and source;
    the picture is kept on the page of its caption."""
    section = document.sections[-1]
    document.add_picture(io.BytesIO(as_png(svg)), width=section.page_width - section.left_margin - section.right_margin)
    picture = document.paragraphs[-1]
    picture.paragraph_format.keep_with_next = True
    for properties in picture._p.xpath(".//wp:docPr"):
        properties.set("descr", str(figure.description))
    caption = document.add_paragraph(f"{figure.caption}. {figure.source}", style="Caption")
    caption.paragraph_format.keep_with_next = True


def _principles(document, data) -> None:
    document.add_heading(_("Cross-cutting: the guiding principles"), level=2)
    principle, numbers = data.principle_rows[0] if data.principle_rows else (None, [])
    if not numbers:
        _placeholder(document)
        return
    document.add_paragraph(
        ngettext(
            "The assessments link %(n)s objective to the principle most often addressed, %(principle)s.",
            "The assessments link %(n)s objectives to the principle most often addressed, %(principle)s.",
            len(numbers),
        )
        % {"n": len(numbers), "principle": principle.name}
    )
    rows = [[str(p), ", ".join(str(n) for n in ns) or "–"] for p, ns in data.principle_rows]
    table(document, [_("Guiding principle"), _("Objectives that address it")], rows)


def _objective(document, data, report) -> None:
    document.add_heading(str(report.objective), level=3)
    document.add_paragraph(report.objective.title).runs[0].italic = True
    document.add_paragraph(f"{_('Progress status:')} {report.status.label}")
    if report.sdg_targets:
        targets = ", ".join(t.code for t in report.sdg_targets)
        document.add_paragraph(f"{_('SDG targets served:')} {targets}")
    if data.previous_cycle:
        before = report.previous_status.label if report.previous_status else _("not assessed")
        document.add_paragraph(
            _("Since the last review (%(name)s): %(trend)s (status then: %(before)s).")
            % {"name": data.previous_cycle.name, "trend": report.trend.label, "before": before}
        )
    written = False
    for name, label in ASSESSMENT_PARTS:
        text = report.text(name)
        if text:
            written = True
            document.add_heading(str(label), level=4)
            markdown(document, text)
    if report.assessment and report.assessment.not_prioritised:
        document.add_paragraph(_("This objective was not prioritised in this review."))
    elif not written and not report.contributions:
        _placeholder(document)
    principles = list(report.assessment.principles.all()) if report.assessment else []
    if principles:
        document.add_paragraph(f"{_('Guiding principles addressed')}: " + "; ".join(str(p) for p in principles))
    _contributions(document, report)
    _reported_actions(document, report)
    _activities(document, report)
    if report.indicators:
        document.add_heading(_("Indicators"), level=4)
        table(
            document,
            [_("Indicator"), _("Baseline"), _("Target"), _("Latest value")],
            [_indicator_row(indicator) for indicator in report.indicators],
        )


def _contributions(document, report) -> None:
    """The accepted inputs quoted under the objective: organisation, actions concerned, parts, evidence."""
    if not report.contributions:
        return
    document.add_heading(_("Contributions received"), level=4)
    for input_ in report.contributions:
        source = document.add_paragraph()
        source.add_run(str(input_.assignment.organisation)).bold = True
        actions = [f"{report.objective.number}({action.letter})" for action in input_.actions.all()]
        if actions:
            source.add_run(f" · {_('Actions concerned:')} {', '.join(actions)}")
        for part in input_.quoted:
            document.add_paragraph(part.label[:1].upper() + part.label[1:]).runs[0].bold = True
            markdown(document, part.text)
        files = [f.original_name for f in input_.evidence.all()]
        if files:
            document.add_paragraph(f"{_('Evidence:')} {'; '.join(files)} ({_('held in the portal')})")


def _reported_actions(document, report) -> None:
    if not report.reported_actions:
        return
    document.add_heading(_("Actions with reported progress"), level=4)
    for action, progress in report.reported_actions:
        text = f"{report.objective.number}({action.letter})" + (f" {action.summary}" if action.summary else "")
        text += f": {progress.get_status_display().lower()}" + (f". {progress.note}" if progress.note else "")
        document.add_paragraph(text, style="List Bullet")


def _activities(document, report) -> None:
    if not report.activities:
        return
    document.add_heading(_("Activities"), level=4)
    for activity in report.activities:
        years = activity.start_date.strftime("%Y") + (f"–{activity.end_date:%Y}" if activity.end_date else "")
        document.add_paragraph(
            f"{activity.title} ({activity.lead_organisation.display_name}, {years})", style="List Bullet"
        )


def _value(value, year) -> str:
    return f"{number_format(value)} ({year})" if value is not None else ""


def _indicator_row(indicator) -> list[str]:
    latest = indicator.latest_observation
    return [
        f"{indicator.code} {indicator.name}",
        _value(indicator.baseline_value, indicator.baseline_year),
        _value(indicator.target_value, indicator.target_year),
        _value(latest.value, latest.year) if latest else "",
    ]


def _means(document, data, section) -> None:
    document.add_heading(_("Budgets of the activities in the reporting period"), level=2)
    if not data.budgets:
        document.add_paragraph(_("No budget recorded."))
        return
    rows = [[currency, number_format(total)] for currency, total in data.budgets]
    table(document, [_("Currency"), _("Total")], rows)


def _annexes(document, data, section) -> None:
    document.add_heading(_("Annex 1. Contributing organisations by kind"), level=2)
    rows = [[kind, "; ".join(str(o) for o in organisations)] for kind, organisations in data.organisations_by_kind]
    table(document, [_("Kind"), _("Organisations")], rows)
    document.add_heading(_("Annex 2. Statistical annex"), level=2)
    rows = [
        [
            f"{i.code} {i.name}" + (f" ({i.unit})" if i.unit else ""),
            _value(i.baseline_value, i.baseline_year),
            _value(i.target_value, i.target_year),
            "; ".join(f"{o.year}: {number_format(o.value)}" for o in i.observations.all()),
        ]
        for i in data.indicators
    ]
    table(document, [_("Indicator"), _("Baseline"), _("Target"), _("Observations")], rows)
    document.add_heading(_("Annex 3. Contributions received"), level=2)
    if data.inputs:
        rows = [
            [
                str(i.assignment.organisation),
                str(i.assignment.objective),
                ", ".join(f"{i.assignment.objective.number}({a.letter})" for a in i.actions.all()),
                "\n".join([part.text for part in i.in_annex] + [f.original_name for f in i.evidence.all()]),
            ]
            for i in data.inputs
        ]
        headers = [_("Organisation"), _("Objective"), _("Actions concerned"), _("Data, sources and evidence")]
        table(document, headers, rows)
    else:
        document.add_paragraph(_("No contribution received for this review yet."))
    document.add_heading(_("Annex 4. Consultations"), level=2)
    if data.consultations:
        rows = [
            [
                date_format(c.held_on),
                str(c.title) + (f" ({c.organiser})" if c.organiser else ""),
                c.get_format_display(),
                "; ".join(f"{p.get_kind_display()}: {p.count}" for p in c.participants.all()),
                ", ".join(str(o.number) for o in c.objectives.all()) or _("The review as a whole"),
            ]
            for c in data.consultations
        ]
        table(document, [_("Date"), _("Consultation"), _("Format"), _("Participants"), _("Objectives discussed")], rows)
    else:
        _placeholder(document)
    document.add_heading(_("Annex 5. Status of the GCM actions"), level=2)
    rows = [
        [
            f"{r.objective.number}({action.letter})" + (f" {action.summary}" if action.summary else ""),
            progress.get_status_display() if progress else _("No activity reported"),
            progress.note if progress else "",
        ]
        for r in data.objectives
        for action, progress in r.actions
    ]
    table(document, [_("Action"), _("Status"), _("Note")], rows)
    _annex_contributions(document, data)
    _annex_pledges(document, data)


def _annex_pledges(document, data) -> None:
    if not data.pledges:
        return
    document.add_heading(_("Annex 7. GCM pledges"), level=2)
    headers = [_("Pledge"), _("Pledging entity"), _("Objectives"), _("Nature"), _("Due"), _("In this review")]
    rows = [
        [
            (f"{p.network_id}: " if p.network_id else "") + p.title,
            p.organisation.display_name,
            ", ".join(str(o.number) for o in p.objectives.all()),
            p.get_nature_display(),
            date_format(p.due) if p.due else "–",
            "; ".join(r.get_status_display() for r in p.this_review) or p.get_status_display(),
        ]
        for p in data.pledges
    ]
    table(document, headers, rows)


def _annex_contributions(document, data) -> None:
    if not data.annex_contributions:
        return
    document.add_heading(_("Annex 6. Written contributions from civil society and other stakeholders"), level=2)
    document.add_paragraph(_("Published in full with the agreement of their authors; they are the authors' views."))
    for contribution in data.annex_contributions:
        document.add_heading(f"{contribution.organisation}: {contribution.title}", level=3)
        numbers = ", ".join(str(o.number) for o in contribution.objectives.all())
        if numbers:
            document.add_paragraph(f"{_('Objectives concerned:')} {numbers}")
        markdown(document, contribution.text)


def _text(document, data, section) -> None:
    """Sections of text only: their opening text is all they hold; an empty one gets the placeholder."""
    if not section.body:
        _placeholder(document)


# What each kind of section adds after its opening text: the same kinds as templates/reports/sections/.
SECTION_WRITERS = {
    ReportSection.Kind.OPENING: _text,
    ReportSection.Kind.INTRODUCTION: _text,
    ReportSection.Kind.METHODOLOGY: _methodology,
    ReportSection.Kind.POLICY: _policy,
    ReportSection.Kind.PROGRESS: _progress,
    ReportSection.Kind.MEANS: _means,
    ReportSection.Kind.NEXT_STEPS: _next_steps,
    ReportSection.Kind.ANNEXES: _annexes,
    ReportSection.Kind.CUSTOM: _text,
}

"""The voluntary review draft as an editable Word document (python-docx), with the same headings as the PDF."""

import io
from html.parser import HTMLParser

from django.utils.formats import date_format
from django.utils.html import strip_tags
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from uncnm_portal.markdown import render_markdown
from uncnm_portal.templatetags.portal import number as number_format

from .charts import DRAFT_FIGURES, as_png
from .models import ReportSection
from .word_templates import emptied, open_template


class _MarkdownToDocx(HTMLParser):
    """Writes sanitised Markdown HTML as Word paragraphs: headings, paragraphs, bullets, bold and italics."""

    BLOCKS = {"p": None, "li": "List Bullet", "h3": "Heading 4", "h4": "Heading 5", "blockquote": "Quote"}

    def __init__(self, document) -> None:
        super().__init__()
        self.document, self.paragraph, self.bold, self.italic = document, None, 0, 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCKS:
            style = self.BLOCKS[tag]
            self.paragraph = self.document.add_paragraph(style=style) if style else self.document.add_paragraph()
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCKS:
            self.paragraph = None
        elif tag in ("strong", "b"):
            self.bold -= 1
        elif tag in ("em", "i"):
            self.italic -= 1

    def handle_data(self, data) -> None:
        if not data.strip() and self.paragraph is None:
            return
        if self.paragraph is None:
            self.paragraph = self.document.add_paragraph()
        run = self.paragraph.add_run(data)
        run.bold, run.italic = bool(self.bold) or None, bool(self.italic) or None


def _markdown(document, text: str) -> None:
    if text:
        parser = _MarkdownToDocx(document)
        parser.feed(render_markdown(text))
        parser.close()


def _w(tag: str, attributes: dict | None = None, children: tuple = ()):
    """A WordprocessingML element with its attributes and children: <w:tag w:val="..."/> and the like."""
    element = OxmlElement(tag)
    for name, value in (attributes or {}).items():
        element.set(qn(name), str(value))
    for child in children:
        element.append(child)
    return element


def _table(document, headers: list[str], rows: list[list[str]]) -> None:
    """A Word table whose header row repeats on every page it runs over."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.rows[0]._tr.get_or_add_trPr().append(_w("w:tblHeader", {"w:val": "true"}))
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = str(header)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def _field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES, TOC ...) in the paragraph; Word computes it when it shows the page."""
    code = _w("w:instrText", {"xml:space": "preserve"})
    code.text = f" {instruction} "
    run = paragraph.add_run()
    for element in (_w("w:fldChar", {"w:fldCharType": "begin"}), code, _w("w:fldChar", {"w:fldCharType": "separate"})):
        run._r.append(element)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(_w("w:fldChar", {"w:fldCharType": "end"}))


SECTION_NUMBERING_ID = 900  # far from the ids of the template's own lists


def _section_numbering(document) -> int:
    """A Word list "1.", "2.", ... for the draft's sections: Word renumbers them when they are reordered."""
    numbering = document.part.numbering_part.element
    level = _w(
        "w:lvl",
        {"w:ilvl": 0},
        tuple(
            _w(tag, {"w:val": value})
            for tag, value in (("w:start", 1), ("w:numFmt", "decimal"), ("w:lvlText", "%1."), ("w:lvlJc", "left"))
        ),
    )
    abstract = _w("w:abstractNum", {"w:abstractNumId": SECTION_NUMBERING_ID}, (level,))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:  # every abstractNum comes before the first num
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    reference = _w("w:abstractNumId", {"w:val": SECTION_NUMBERING_ID})
    numbering.append(_w("w:num", {"w:numId": SECTION_NUMBERING_ID}, (reference,)))
    return SECTION_NUMBERING_ID


def _number(paragraph, numbering: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    num_pr = _w("w:numPr", children=(_w("w:ilvl", {"w:val": 0}), _w("w:numId", {"w:val": numbering})))
    properties.insert(1 if properties.find(qn("w:pStyle")) is not None else 0, num_pr)


def _page_setup(document, data) -> None:
    """A4 with UN-style margins, a running header with the review's title, and a footer with the draft
    mark and "Page X of Y" (Word fields), in the draft's language."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(25), Mm(20)
        section.different_first_page_header_footer = True  # the cover stays clean
        header = section.header.paragraphs[0]
        header.text = _("Voluntary national review of Belarus: %(name)s (draft)") % {"name": data.cycle.name}
        header.style = document.styles["Header"]
        footer = section.footer.paragraphs[0]
        footer.style = document.styles["Footer"]
        generated = date_format(data.generated_at, "DATETIME_FORMAT")
        footer.add_run(f"{_('Draft')} · {generated}\t\t{_('Page')} ")
        _field(footer, "PAGE")
        footer.add_run(f" {_('of')} ")
        _field(footer, "NUMPAGES")


def _toc(document) -> None:
    """A Word table-of-contents field; Word fills in the page numbers when the document is opened."""
    placeholder = _("Right-click and choose Update Field to build the table of contents.")
    _field(document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', placeholder)


# The proofing language Word checks the draft in, per portal language.
PROOFING = {"en": "en-GB", "ru": "ru-RU", "be": "be-BY"}


def _set_proofing_language(document, language: str) -> None:
    """Word's default text language (docDefaults), so spelling and hyphenation follow the draft's language."""
    tag = PROOFING.get(language, language)
    r_pr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = _w("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)


def render_docx(data) -> bytes:
    """The draft as DOCX bytes, in the job's language (the caller activates it)."""
    template = data.cycle.word_template
    if template:  # the Ministry's page setup, styles, header and footer
        with template.open("rb") as handle:
            document = emptied(open_template(handle.read()))
    else:
        document = Document()
        _page_setup(document, data)
    _set_proofing_language(document, get_language())
    properties = document.core_properties
    properties.title = _("Voluntary national review of Belarus: %(name)s (draft)") % {"name": data.cycle.name}
    properties.author = data.author
    properties.language = get_language()
    properties.comments = _("Draft generated by the UNCNM Portal")

    _cover(document, data)
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_heading(_("Contents"), level=1)
    _toc(document)

    numbering = _section_numbering(document)
    for section in data.sections:
        if section.kind == "annexes" and not data.job.include_annexes:
            continue
        document.add_page_break()
        _number(document.add_heading(section.display_title, level=1), numbering)
        _markdown(document, section.body)
        SECTION_WRITERS[section.kind](document, data, section)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _cover(document, data) -> None:
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
            _markdown(document, consultation.key_messages)


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
            _markdown(document, text)
    if not data.policy_groups and not data.policy_narratives and not section.body:
        _placeholder(document)


def _next_steps(document, data, section) -> None:
    """The objectives' next steps, then the pledges the Government and its partners stand by."""
    narratives = data.next_steps_narratives
    for objective, text in narratives:
        document.add_heading(str(objective), level=2)
        _markdown(document, text)
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
        _table(document, headers, [[str(c.year), *counts] for c, counts in charts["status_rows"]])
        if "round_tables" in charts:
            _figure(document, DRAFT_FIGURES["round_tables"], charts["round_tables"])
            rows = [[str(rt), assessed, total] for rt, assessed, total, _percent in charts["round_table_rows"]]
            _table(document, [_("Round table"), _("Assessed"), _("Objectives")], rows)
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
    _table(document, [_("Guiding principle"), _("Objectives that address it")], rows)


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
            _markdown(document, text)
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
        _table(
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
            _markdown(document, part.text)
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
    _table(document, [_("Currency"), _("Total")], rows)


def _annexes(document, data, section) -> None:
    document.add_heading(_("Annex 1. Contributing organisations by kind"), level=2)
    rows = [[kind, "; ".join(str(o) for o in organisations)] for kind, organisations in data.organisations_by_kind]
    _table(document, [_("Kind"), _("Organisations")], rows)
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
    _table(document, [_("Indicator"), _("Baseline"), _("Target"), _("Observations")], rows)
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
        _table(document, headers, rows)
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
        _table(
            document, [_("Date"), _("Consultation"), _("Format"), _("Participants"), _("Objectives discussed")], rows
        )
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
    _table(document, [_("Action"), _("Status"), _("Note")], rows)
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
    _table(document, headers, rows)


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
        _markdown(document, contribution.text)


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

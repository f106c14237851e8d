"""Open data of a published cycle: every public table as CSV (zip), JSON and XLSX, with a data dictionary
and the licence; the indicator observations also as SDMX-CSV, which statistics offices and Open SDG read.
"""

import csv
import datetime
import io
import json
import zipfile
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from openpyxl import Workbook

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
from objectives.models import IndicatorObservation
from reviews.models import NarrativeTranslation, ObjectiveAssessment, PledgeProgress, narrative_in
from uncnm_portal.spreadsheets import _safe

FORMATS = ("csv", "json", "xlsx", "sdmx")
# SDMX-CSV 1.0: the dataflow, the dimensions, the observation value, then the attributes.
SDMX_DATAFLOW = "UNCNM:GCM_INDICATORS(1.0)"
SDMX_COLUMNS = [
    "DATAFLOW",
    "FREQ",
    "REF_AREA",
    "INDICATOR",
    "DISAGGREGATION",
    "TIME_PERIOD",
    "OBS_VALUE",
    "UNIT_MEASURE",
    "SOURCE",
]
TOTAL = "_T"  # SDMX's code for "no breakdown"


@dataclass
class Table:
    name: str
    title: str
    columns: list[tuple[str, str]]  # (column, what it holds)
    rows: list[list]


def licence() -> dict:
    return {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}


def _statuses(publication: Publication) -> list[Table]:
    assessments = public_assessments().filter(cycle=publication.cycle).select_related("objective")
    actions = public_action_statuses().filter(cycle=publication.cycle).select_related("action__objective")
    return [
        Table(
            "objective_statuses",
            gettext_lazy("Progress status of each objective"),
            [
                ("objective", gettext_lazy("GCM objective number (1-23)")),
                ("objective_title", gettext_lazy("Objective's title in the file's language")),
                ("status", gettext_lazy("Progress status code: not_assessed, early, in_progress, advanced, achieved")),
                ("status_label", gettext_lazy("Progress status in words")),
            ],
            [
                [a.objective.number, a.objective.title, a.status, a.get_status_display()]
                for a in assessments.order_by("objective__number")
            ],
        ),
        Table(
            "action_statuses",
            gettext_lazy("What was reported on each lettered action"),
            [
                ("action", gettext_lazy("Action code: objective number and letter of paragraph (a), (b), ...")),
                ("status", gettext_lazy("Status code: none, planned, ongoing, completed")),
                ("status_label", gettext_lazy("Status in words")),
            ],
            [
                [p.action.code, p.status, p.get_status_display()]
                for p in actions.order_by("action__objective__number", "action__letter")
            ],
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
            ("objective", gettext_lazy("GCM objective number")),
            ("section", gettext_lazy("achievements, policy_changes, challenges, good_practices or next_steps")),
            ("language", gettext_lazy("Language of the text (the source language when no translation exists)")),
            ("text", gettext_lazy("The text (Markdown)")),
        ],
        rows,
    )


def _observations(publication: Publication) -> "list[IndicatorObservation]":
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
                ("code", gettext_lazy("Indicator code")),
                ("name", gettext_lazy("Name")),
                ("unit", gettext_lazy("Unit of measure")),
                ("scope", gettext_lazy("national, sdg or gcm")),
                ("source", gettext_lazy("Source of the data")),
                ("baseline", gettext_lazy("Baseline value")),
                ("baseline_year", gettext_lazy("Year of the baseline")),
                ("target", gettext_lazy("Target value")),
                ("target_year", gettext_lazy("Year of the target")),
                ("objectives", gettext_lazy("GCM objectives served, separated by spaces")),
                ("sdg_targets", gettext_lazy("SDG targets, separated by spaces")),
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
                    " ".join(str(o.number) for o in sorted(i.objectives.all(), key=lambda o: o.number)),
                    " ".join(t.code for t in i.sdg_targets.all()),
                ]
                for i in indicators
            ],
        ),
        Table(
            "observations",
            gettext_lazy("Observed values of the indicators"),
            [
                ("indicator", gettext_lazy("Indicator code")),
                ("year", gettext_lazy("Year")),
                ("value", gettext_lazy("Value, in the indicator's unit")),
                ("disaggregation", gettext_lazy("Breakdown (empty: the national total)")),
                ("source", gettext_lazy("Source of this value")),
            ],
            [
                [o.indicator.code, o.year, o.value, o.disaggregation, o.source or o.indicator.source]
                for o in _observations(publication)
            ],
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
            ("title", gettext_lazy("Title")),
            ("lead_organisation", gettext_lazy("Lead organisation")),
            ("partners", gettext_lazy("Partners, separated by semicolons")),
            ("objectives", gettext_lazy("GCM objectives supported")),
            ("actions", gettext_lazy("Lettered actions supported")),
            ("start_date", gettext_lazy("Start date (ISO 8601)")),
            ("end_date", gettext_lazy("End date (ISO 8601; empty: still running)")),
            ("status", gettext_lazy("Status code")),
            ("budget", gettext_lazy("Budget")),
            ("currency", gettext_lazy("Currency of the budget (ISO 4217)")),
            ("location", gettext_lazy("Location")),
            ("link", gettext_lazy("Web page")),
        ],
        [
            [
                a.title,
                a.lead_organisation.display_name,
                "; ".join(p.display_name for p in a.partners.all()),
                " ".join(str(o.number) for o in sorted(a.objectives.all(), key=lambda o: o.number)),
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


def _pledges(publication: Publication) -> Table:
    progress = {p.pledge_id: p for p in PledgeProgress.objects.filter(cycle=publication.cycle)}
    pledges = public_pledges().select_related("organisation").prefetch_related("objectives").order_by("title")
    return Table(
        "pledges",
        gettext_lazy("GCM pledges the Government and its partners stand by"),
        [
            ("pledge_id", gettext_lazy("Pledge ID of the UN Network on Migration")),
            ("title", gettext_lazy("Title")),
            ("pledging_entity", gettext_lazy("Pledging entity")),
            ("type", gettext_lazy("individual, common or partnership")),
            ("nature", gettext_lazy("financial, human_resources, process or policy")),
            ("objectives", gettext_lazy("GCM objectives, separated by spaces")),
            ("due", gettext_lazy("Due date (ISO 8601)")),
            ("status", gettext_lazy("validated, reported or fulfilled")),
            ("progress_in_this_review", gettext_lazy("Status reported in this review")),
        ],
        [
            [
                p.network_id,
                p.title,
                p.organisation.display_name,
                p.kind,
                p.nature,
                " ".join(str(o.number) for o in sorted(p.objectives.all(), key=lambda o: o.number)),
                p.due,
                p.status,
                getattr(progress.get(p.pk), "status", ""),
            ]
            for p in pledges
        ],
    )


def _plain(value):
    """A cell for CSV and JSON: numbers without trailing zeros, ISO dates, text as is."""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value


def _spreadsheet_cell(value):
    """A cell for CSV and XLSX: text that a spreadsheet would run as a formula is neutralised."""
    if isinstance(value, str):
        return _safe(value)
    return _plain(value)


def _dictionary(found: list[Table]) -> list[list[str]]:
    return [[table.name, column, str(meaning)] for table in found for column, meaning in table.columns]


def _about(publication: Publication) -> dict:
    cycle = publication.cycle
    return {
        "title": str(cycle),
        "publisher": _("UN Country Network on Migration in Belarus"),
        "published": publication.published_at.isoformat() if publication.published_at else None,
        "generated": timezone.now().isoformat(timespec="seconds"),
        "licence": licence(),
    }


def _licence_text(publication: Publication) -> str:
    about = _about(publication)
    return (
        f"{about['title']}\n{about['publisher']}\n\n"
        + _("Licence: %(name)s (%(url)s). Cite the source when you use these data.") % about["licence"]
        + "\n"
    )


def _csv(rows: list[list], header: list[str]) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_spreadsheet_cell(v) for v in row] for row in rows)
    return text.getvalue()


def _sdmx_csv(publication: Publication) -> str:
    rows = [
        [
            SDMX_DATAFLOW,
            "A",
            "BY",
            o.indicator.code,
            o.disaggregation or TOTAL,
            o.year,
            o.value,
            o.indicator.unit,
            o.source or o.indicator.source,
        ]
        for o in _observations(publication)
    ]
    return _csv(rows, SDMX_COLUMNS)


def response(publication: Publication, fmt: str) -> HttpResponse:
    language = get_language()
    stem = f"uncnm-{publication.cycle.level}-{publication.cycle.year}-{language}"
    if fmt == "sdmx":
        return _download(_sdmx_csv(publication).encode(), "text/csv; charset=utf-8", f"{stem}-observations.sdmx.csv")
    found = tables(publication, language)
    dictionary_header = ["table", "column", "description"]
    if fmt == "json":
        document = {
            **_about(publication),
            "dictionary": [dict(zip(dictionary_header, row, strict=True)) for row in _dictionary(found)],
            "tables": {
                t.name: [{c: _plain(v) for (c, _m), v in zip(t.columns, row, strict=True)} for row in t.rows]
                for t in found
            },
        }
        body = json.dumps(document, ensure_ascii=False, indent=1).encode()
        return _download(body, "application/json", f"{stem}.json")
    if fmt == "xlsx":
        workbook = Workbook()
        workbook.remove(workbook.active)
        for table in found:
            sheet = workbook.create_sheet(table.name[:31])
            sheet.append([c for c, _m in table.columns])
            for row in table.rows:
                sheet.append([float(v) if isinstance(v, Decimal) else _spreadsheet_cell(v) for v in row])
            sheet.freeze_panes = "A2"
        sheet = workbook.create_sheet("dictionary")
        sheet.append(dictionary_header)
        for row in _dictionary(found):
            sheet.append(row)
        sheet = workbook.create_sheet("licence")
        for line in _licence_text(publication).splitlines():
            sheet.append([line])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return _download(
            buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", f"{stem}.xlsx"
        )
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for table in found:
            zipped.writestr(f"{table.name}.csv", "\ufeff" + _csv(table.rows, [c for c, _m in table.columns]))
        zipped.writestr("dictionary.csv", "\ufeff" + _csv(_dictionary(found), dictionary_header))
        zipped.writestr("LICENCE.txt", _licence_text(publication))
    return _download(archive.getvalue(), "application/zip", f"{stem}-csv.zip")


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

"""The downloadable templates (an XLSX workbook with every sheet and a guide, or one CSV per sheet) and the
portal's own data in the same layout (which is how the demo's earlier reviews were written)."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .sheets import SHEET_NAMES, Lookups, sheets


def template_xlsx() -> bytes:
    workbook = Workbook()
    guide = workbook.active
    guide.title = "guide"
    guide.append([_("Sheet"), _("Column"), _("Required"), _("What to write")])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for sheet in sheets(Lookups()):
        page = workbook.create_sheet(sheet.name)
        page.append(sheet.column_names())
        for cell in page[1]:
            cell.font = Font(bold=True)
        page.freeze_panes = "A2"
        for column in sheet.columns:
            guide.append([sheet.name, column.name, _("yes") if column.required else "", str(column.help)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv(name: str) -> str:
    sheet = next(s for s in sheets(Lookups()) if s.name == name)
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerow(sheet.column_names())
    return "\ufeff" + text.getvalue()


__all__ = ["SHEET_NAMES", "template_csv", "template_xlsx"]


def review_tables(cycles) -> dict[str, list[list]]:
    """The cycles, their assessments and their action statuses in the import layout (header row first):
    the portal's data as the files the secretariat would fill, so that exported files import back unchanged."""
    from reviews.models import ActionProgress, ObjectiveAssessment

    cycles = list(cycles)
    lookups = Lookups()
    layout = {sheet.name: sheet.column_names() for sheet in sheets(lookups)}

    def ref(cycle) -> str:
        return f"{cycle.level} {cycle.year}"

    tables = {
        "cycles": [layout["cycles"]]
        + [
            [
                c.level,
                c.year,
                c.name_en,
                c.forum,
                c.forum_starts,
                c.forum_ends,
                c.input_opens,
                c.input_closes,
                c.submission_deadline,
                c.status,
            ]
            for c in cycles
        ],
        "assessments": [layout["assessments"]],
        "action_statuses": [layout["action_statuses"]],
    }
    assessments = (
        ObjectiveAssessment.objects.filter(cycle__in=cycles)
        .select_related("cycle", "objective")
        .prefetch_related("principles", "lead_organisations", "contributing_organisations")
        .order_by("cycle__year", "objective__number")
    )
    for a in assessments:
        tables["assessments"].append(
            [
                ref(a.cycle),
                a.objective.number,
                a.status,
                *[getattr(a, n) for n in a.NARRATIVE_FIELDS],
                a.source_language,
                "yes" if a.narratives_public else "no",
                "; ".join(p.letter for p in a.principles.all()),
                "; ".join(o.display_name for o in a.lead_organisations.all()),
                "; ".join(o.display_name for o in a.contributing_organisations.all()),
            ]
        )
    statuses = (
        ActionProgress.objects.filter(cycle__in=cycles)
        .select_related("cycle", "action__objective")
        .order_by("cycle__year", "action__objective__number", "action__letter")
    )
    for p in statuses:
        tables["action_statuses"].append([ref(p.cycle), p.action.code, p.status, p.note])
    return tables


def write_csv(rows: list[list]) -> str:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerows(
        [
            ["" if cell is None else (cell.isoformat() if hasattr(cell, "isoformat") else cell) for cell in row]
            for row in rows
        ]
    )
    return text.getvalue()


def frame_tables() -> dict[str, list[list]]:
    """Indicators, their observations and activities in the import layout (as review_tables does for reviews)."""
    from objectives.models import Activity, Indicator, IndicatorObservation

    layout = {sheet.name: sheet.column_names() for sheet in sheets(Lookups())}
    tables = {"indicators": [layout["indicators"]], "observations": [layout["observations"]]}
    tables["activities"] = [layout["activities"]]
    for i in Indicator.objects.prefetch_related("objectives", "sdg_targets").order_by("code"):
        tables["indicators"].append(
            [
                i.code,
                i.name,
                i.unit,
                i.source,
                i.scope,
                "; ".join(str(o.number) for o in i.objectives.all()),
                "; ".join(t.code for t in i.sdg_targets.all()),
                i.baseline_value,
                i.baseline_year,
                i.target_value,
                i.target_year,
            ]
        )
    for o in IndicatorObservation.objects.select_related("indicator").order_by("indicator__code", "year"):
        tables["observations"].append([o.indicator.code, o.year, o.value, o.disaggregation, o.source])
    activities = Activity.objects.select_related("lead_organisation").prefetch_related(
        "objectives", "actions__objective", "partners"
    )
    for a in activities.order_by("pk"):
        tables["activities"].append(
            [
                a.title,
                a.lead_organisation.name,
                a.start_date,
                a.end_date,
                a.status,
                "; ".join(str(o.number) for o in a.objectives.all()),
                "; ".join(x.code for x in a.actions.all()),
                "; ".join(p.name for p in a.partners.all()),
                a.budget,
                a.currency,
                a.location,
                a.description,
            ]
        )
    return tables

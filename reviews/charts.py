"""Server-side SVG charts (pygal), used by the dashboard and, later, the PDF reports.

Every chart is given a title and a description for screen readers, and the
page that shows it also shows the same figures as a table.
"""

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass

import pygal
from django.core.cache import cache
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from pygal.style import Style

from .models import ProgressStatus

STATUS_COLOURS = {
    ProgressStatus.NOT_ASSESSED: "#adb5bd",
    ProgressStatus.EARLY: "#dc3545",
    ProgressStatus.IN_PROGRESS: "#fd7e14",
    ProgressStatus.ADVANCED: "#0d6efd",
    ProgressStatus.ACHIEVED: "#198754",
}

BASE_STYLE = dict(
    background="white",
    plot_background="white",
    foreground="#212529",
    foreground_strong="#212529",
    foreground_subtle="#6c757d",
    font_family="DejaVu Sans, Arial, sans-serif",
    label_font_size=12,
    major_label_font_size=12,
    legend_font_size=12,
    title_font_size=14,
    value_font_size=11,
)


@dataclass(frozen=True)
class Figure:
    """A chart of the draft: its caption, its description for screen readers (alt text) and its source line."""

    caption: str
    description: str
    source: str


# The draft's figures, by the name its <img> asks for (charts/<name>.svg); the PDF and the DOCX both use them.
DRAFT_FIGURES = {
    "status": Figure(
        gettext_lazy("Figure 1. Objectives by progress status in each review"),
        gettext_lazy(
            "Stacked bars: how many of the 23 objectives stood at each progress status in each review. "
            "The figures are in the table below."
        ),
        gettext_lazy("Source: assessments recorded for each review; 23 objectives."),
    ),
    "round_tables": Figure(
        gettext_lazy("Figure 2. Share of objectives assessed per round table"),
        gettext_lazy(
            "Horizontal bars: the share of objectives assessed in each round table. The figures are in the table below."
        ),
        gettext_lazy("Source: assessments recorded for this review."),
    ),
}


def as_png(svg: str, *, width: int = 1440) -> bytes:
    """A chart as a PNG image (the Word draft's figures), drawn by CairoSVG at twice the SVG's width."""
    import cairosvg

    return cairosvg.svg2png(bytestring=svg.encode(), output_width=width)


def _config(**kwargs) -> dict:
    # No JavaScript: pygal would otherwise link its tooltip script from another host.
    return dict(js=[], disable_xml_declaration=True, width=720, height=320, explicit_size=False, **kwargs)


SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)


def _render(chart) -> str:
    """The chart as SVG markup, without pygal's inline configuration script and comments.

    The charts are static (no tooltips), so they work without JavaScript, under a
    strict Content-Security-Policy and in a PDF.
    """
    return COMMENT.sub("", SCRIPT.sub("", chart.render(is_unicode=True)))


def _cached(kind: str, inputs, draw: Callable[[], str]) -> str:
    """Charts are keyed by what they show (and the language), so a cached one is never stale."""
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True, default=str).encode()).hexdigest()
    return cache.get_or_set(f"chart:{kind}:{get_language()}:{digest}", draw, timeout=24 * 3600)


def status_distribution_chart(*, cycles: list, counts: dict) -> str:
    """Stacked bars: how many objectives stand at each status, per cycle."""
    years = [cycle.year for cycle in cycles]
    series = {status.value: [counts.get((cycle.pk, status.value), 0) for cycle in cycles] for status in ProgressStatus}
    return _cached("status", [years, series], lambda: _draw_status_distribution(years, series))


def _draw_status_distribution(years: list[int], series: dict[str, list[int]]) -> str:
    statuses = list(ProgressStatus)
    style = Style(colors=tuple(STATUS_COLOURS[s] for s in statuses), **BASE_STYLE)
    chart = pygal.StackedBar(
        **_config(style=style, title=_("Objectives by progress status and cycle"), legend_at_bottom=True)
    )
    chart.x_labels = [str(year) for year in years]
    for status in statuses:
        chart.add(str(status.label), series[status.value])
    return _render(chart)


def completeness_chart(*, labels: list[str], percentages: list[float], title: str) -> str:
    """Horizontal bars of completeness percentages."""
    return _cached("completeness", [labels, percentages, title], lambda: _draw_completeness(labels, percentages, title))


def _draw_completeness(labels: list[str], percentages: list[float], title: str) -> str:
    style = Style(colors=("#0b3d6b",), **BASE_STYLE)
    chart = pygal.HorizontalBar(
        **_config(style=style, title=title, show_legend=False, range=(0, 100), print_values=True)
    )
    chart.x_labels = labels
    chart.value_formatter = lambda value: f"{value:.0f} %"
    chart.add(_("Completeness"), percentages)
    return _render(chart)


def series_chart(*, title: str, years: list[int], values: list[float], target: float | None = None) -> str:
    """An indicator's values by year, as a line, with its target as a dashed line when there is one."""
    return _cached("series", [title, years, values, target], lambda: _draw_series(title, years, values, target))


def _draw_series(title: str, years: list[int], values: list[float], target: float | None) -> str:
    style = Style(colors=("#0b3d6b", "#6c757d"), **BASE_STYLE)
    chart = pygal.Line(**_config(style=style, title=title, legend_at_bottom=True, print_values=False))
    chart.x_labels = [str(year) for year in years]
    chart.add(_("Value"), values)
    if target is not None:
        chart.add(_("Target"), [target] * len(years), stroke_style={"dasharray": "6, 4"}, show_dots=False)
    return _render(chart)

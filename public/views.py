"""Every page an anonymous visitor can see: what the Government has chosen to publish, and nothing else.

All rows come from the publication rules of reviews.models.publication; this folder is the one to audit
for "what can anyone see".
"""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from drafts.models import (
    Publication,
    public_activities,
    public_assessments,
    public_indicators,
    public_pledges,
    published_cycles,
    shows_narratives,
)
from objectives.models import Indicator, IndicatorObservation, Objective
from reviews.charts import series_chart
from reviews.models import NarrativeTranslation, ObjectiveAssessment, ProgressStatus, narrative_in, status_timeline

from . import opendata
from .caching import public_page


def _status_cycles(cycles) -> list:
    """The published cycles whose statuses are public, in order of year."""
    return [cycle for cycle in cycles if cycle.publication.statuses]


@public_page
def home(request: HttpRequest) -> HttpResponse:
    cycles = list(published_cycles())
    status_cycles = _status_cycles(cycles)
    statuses = {
        (cycle_id, objective_id): status
        for cycle_id, objective_id, status in public_assessments().values_list("cycle_id", "objective_id", "status")
    }
    rows = [
        (
            objective,
            [ProgressStatus(statuses.get((c.pk, objective.pk), ProgressStatus.NOT_ASSESSED)) for c in status_cycles],
        )
        for objective in Objective.objects.order_by("number")
    ]
    context = {"cycles": cycles, "status_cycles": status_cycles, "rows": rows, "legend": ProgressStatus.legend()}
    return render(request, "public/home.html", context)


def _published_or_404(pk: int) -> Publication:
    return get_object_or_404(Publication.objects.live().select_related("cycle__lead_organisation"), cycle_id=pk)


@public_page
def cycle(request: HttpRequest, pk: int) -> HttpResponse:
    publication = _published_or_404(pk)
    assessments = (
        public_assessments().filter(cycle_id=pk).select_related("objective").order_by("objective__number")
        if publication.statuses
        else []
    )
    context = {
        "publication": publication,
        "cycle": publication.cycle,
        "period": publication.cycle.reporting_period(),
        "assessments": assessments,
        "draft": publication.published_draft,
        "formats": opendata.FORMATS,
        "licence": opendata.licence(),
    }
    return render(request, "public/cycle.html", context)


@public_page
def objective(request: HttpRequest, number: int) -> HttpResponse:
    objective = get_object_or_404(Objective.objects.select_related("round_table"), number=number)
    cycles = _status_cycles(published_cycles())
    publications = {cycle.pk: cycle.publication for cycle in cycles}
    assessments = list(
        public_assessments()
        .filter(objective=objective)
        .select_related("cycle")
        .prefetch_related(Prefetch("translations", queryset=NarrativeTranslation.objects.all()))
        .order_by("cycle__year")
    )
    language = get_language()
    narratives = []
    for assessment in assessments:
        if not shows_narratives(assessment, publications[assessment.cycle_id]):
            continue
        texts = []
        for field in ObjectiveAssessment.NARRATIVE_FIELDS:
            text, state = narrative_in(assessment, field, language)
            if text.strip():
                label = ObjectiveAssessment._meta.get_field(field).verbose_name
                texts.append((label, text, state == NarrativeTranslation.State.MISSING))
        if texts:
            narratives.append((assessment.cycle, texts))
    statuses = {a.cycle_id: a.status for a in assessments}
    indicators = list(
        public_indicators()
        .for_objective(objective)
        .prefetch_related(Prefetch("observations", queryset=IndicatorObservation.objects.order_by("year")))
    )
    context = {
        "objective": objective,
        "actions": objective.actions.order_by("letter"),
        "progress": status_timeline(cycles, statuses),
        "narratives": narratives,
        "indicators": [(indicator, _chart(indicator)) for indicator in indicators],
        "activities": public_activities()
        .filter(objectives=objective)
        .select_related("lead_organisation")
        .order_by("-start_date"),
        "pledges": public_pledges().filter(objectives=objective).select_related("organisation").order_by("title"),
        "previous": Objective.objects.filter(number=number - 1).first(),
        "next": Objective.objects.filter(number=number + 1).first(),
    }
    return render(request, "public/objective.html", context)


def _national_series(indicator: Indicator) -> list:
    """The observations without disaggregation: the national series a chart draws."""
    return [o for o in indicator.observations.all() if not o.disaggregation]


def _chart(indicator: Indicator) -> str:
    series = _national_series(indicator)
    if len(series) < 2:
        return ""
    return series_chart(
        title=f"{indicator.code} {indicator.name}"[:120],
        years=[o.year for o in series],
        values=[float(o.value) for o in series],
        target=float(indicator.target_value) if indicator.target_value is not None else None,
    )


@public_page
def indicator(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_object_or_404(
        public_indicators().prefetch_related(
            "objectives",
            "sdg_targets",
            Prefetch("observations", queryset=IndicatorObservation.objects.order_by("year")),
        ),
        pk=pk,
    )
    context = {"indicator": indicator, "chart": _chart(indicator), "observations": indicator.observations.all()}
    return render(request, "public/indicator.html", context)


@public_page
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    publication = _published_or_404(pk)
    if fmt not in opendata.FORMATS:
        raise Http404
    return opendata.response(request, publication, fmt)


@public_page
def sdmx_structure(request: HttpRequest) -> HttpResponse:
    """The SDMX structure (dataflow, DSD, code lists) that every cycle's SDMX-CSV file follows."""
    response = HttpResponse(opendata.structure_xml(), content_type="application/vnd.sdmx.structure+xml; version=2.1")
    response["Content-Disposition"] = 'inline; filename="uncnm-gcm-indicators-structure.xml"'
    return response


@login_not_required
@require_safe
def draft(request: HttpRequest, pk: int) -> HttpResponse:
    """The submitted draft's PDF, when the publication includes it (files are not cached: they are files)."""
    version = _published_or_404(pk).published_draft
    if version is None:
        raise Http404
    filename = _("review-%(year)s.pdf") % {"year": version.cycle.year}
    return FileResponse(version.export.pdf.open("rb"), as_attachment=True, filename=filename)


@login_not_required
@require_safe
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Search engines may read the public pages and the sitemap; the rest of the portal needs a login."""
    lines = [
        "User-agent: *",
        "Allow: /public/",
        "Disallow: /",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")

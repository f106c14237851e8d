"""Narratives in several languages: the secretariat translates an assessment beside its source text;
the cycle's status page shows, per objective and language, what is translated, missing or outdated."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from drafts.models import ReportSection
from inputs.models import Consultation, Input
from inputs.permissions import can_translate_input
from objectives.models import Objective
from reviews.models import NarrativeTranslation, ObjectiveAssessment, ReviewCycle, narrative_in
from stakeholders.models import Role
from stakeholders.permissions import member_required, role_required

from . import files
from .forms import NarrativeTranslationForm, TranslationFileForm

STATES = NarrativeTranslation.State


def _assessment(number: int, cycle_id: int) -> ObjectiveAssessment:
    return get_object_or_404(
        ObjectiveAssessment.objects.select_related("objective", "cycle").prefetch_related("translations"),
        objective__number=number,
        cycle_id=cycle_id,
    )


@role_required(Role.SECRETARIAT)
def assessment_translate(request: HttpRequest, number: int, cycle_id: int, language: str) -> HttpResponse:
    assessment = _assessment(number, cycle_id)
    if language not in dict(settings.LANGUAGES) or language == assessment.source_language:
        raise Http404
    form = NarrativeTranslationForm(
        request.POST or None, record=assessment, fields=ObjectiveAssessment.NARRATIVE_FIELDS, language=language
    )
    if request.method == "POST" and form.is_valid():
        form.save(by=request.user)
        messages.success(request, _("The translation was saved."))
        return redirect("translations:translation-status", pk=cycle_id)
    context = {
        "assessment": assessment,
        "objective": assessment.objective,
        "cycle": assessment.cycle,
        "language": language,
        "language_name": dict(settings.LANGUAGES)[language],
        "form": form,
    }
    return render(request, "translations/assessment_translate.html", context, status=400 if form.is_bound else 200)


@member_required
def input_translate(request: HttpRequest, pk: int, language: str) -> HttpResponse:
    """The author of an input (or the secretariat) adds its texts in another language, beside the source:
    the draft in that language quotes them."""
    input_ = get_object_or_404(
        Input.objects.visible_to(request.user)
        .select_related("assignment__cycle", "assignment__objective", "assignment__organisation")
        .prefetch_related("translations"),
        pk=pk,
    )
    if not can_translate_input(request.user, input_):
        raise PermissionDenied
    if language not in dict(settings.LANGUAGES) or language == input_.source_language:
        raise Http404
    form = NarrativeTranslationForm(request.POST or None, record=input_, fields=Input.TEXT_FIELDS, language=language)
    if request.method == "POST" and form.is_valid():
        form.save(by=request.user)
        messages.success(request, _("The translation was saved."))
        return redirect(input_)
    context = {
        "input": input_,
        "assignment": input_.assignment,
        "language": language,
        "language_name": dict(settings.LANGUAGES)[language],
        "form": form,
    }
    return render(request, "translations/input_translate.html", context, status=400 if form.is_bound else 200)


def _text_states(records, wanted_state: str) -> list:
    """(record, [(language, state)]) for each record with a text of its own, keeping those in the filter's state."""
    found = []
    for record in records:
        if not record.source_text.strip():
            continue  # nothing to translate
        states = [(code, STATES(record.text_state(code))) for code in settings.LANGUAGE_CODES]
        if not wanted_state or any(state == wanted_state for _code, state in states):
            found.append((record, states))
    return found


@role_required(Role.SECRETARIAT, Role.AGENCY_STAFF)
def translation_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Per objective and language: how many written narratives are translated, missing or outdated."""
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    languages = [(code, name) for code, name in settings.LANGUAGES]
    wanted_state = request.GET.get("state", "")
    assessments = {
        a.objective_id: a for a in ObjectiveAssessment.objects.filter(cycle=cycle).prefetch_related("translations")
    }
    rows = []
    for objective in Objective.objects.order_by("number"):
        assessment = assessments.get(objective.pk)
        cells = []
        for code, _name in languages:
            counts = {state: 0 for state in STATES.values}
            if assessment:
                for name in ObjectiveAssessment.NARRATIVE_FIELDS:
                    if getattr(assessment, name).strip():
                        counts[narrative_in(assessment, name, code)[1]] += 1
            cells.append((code, counts))
        if wanted_state in (STATES.MISSING, STATES.OUTDATED) and not any(c[wanted_state] for _code, c in cells):
            continue
        rows.append((objective, assessment, cells))
    text_groups = [
        (
            _("Texts of the outline's sections"),
            _text_states(ReportSection.objects.for_cycle(cycle).filter(enabled=True), wanted_state),
        ),
        (
            _("Key messages of the consultations"),
            _text_states(Consultation.objects.filter(cycle=cycle).order_by("held_on", "pk"), wanted_state),
        ),
    ]
    context = {"cycle": cycle, "rows": rows, "text_groups": text_groups, "languages": languages, "state": wanted_state}
    return render(request, "translations/translation_status.html", context)


SESSION_KEY = "translation-file:{cycle}"


@role_required(Role.SECRETARIAT)
def translation_download(request: HttpRequest, pk: int, language: str, fmt: str) -> HttpResponse:
    """The cycle's narratives still to translate into `language` (missing or outdated), for a translator."""
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    if language not in dict(settings.LANGUAGES) or fmt not in ("xlsx", "xlf"):
        raise Http404
    found = files.units(cycle, language)
    if fmt == "xlsx":
        content = files.workbook(cycle, language, found)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content, content_type = files.xliff(cycle, language, found), "application/xliff+xml"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="translations-{cycle.year}-{language}.{fmt}"'
    return response


@role_required(Role.SECRETARIAT)
def translation_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload a filled file: nothing is saved yet; the preview shows what would change and what is wrong."""
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    form = TranslationFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        reading = files.check(cycle, language, form.cleaned_data["rows"])
        if not reading.problems:
            # Kept for the confirmation: checked again then, against the cycle as it is at that moment.
            request.session[SESSION_KEY.format(cycle=cycle.pk)] = {
                "language": language,
                "name": form.cleaned_data["file"].name,
                "rows": form.cleaned_data["rows"],
            }
        return _preview(request, cycle, language, reading, status=400 if reading.problems else 200)
    context = {"cycle": cycle, "form": form, "languages": settings.LANGUAGES}
    return render(request, "translations/translation_upload.html", context, status=400 if form.is_bound else 200)


def _preview(request, cycle, language, reading, *, status: int) -> HttpResponse:
    context = {
        "cycle": cycle,
        "language_name": dict(settings.LANGUAGES)[language],
        "reading": reading,
        "new": sum(c.kind == "new" for c in reading.changes),
        "changed": sum(c.kind == "changed" for c in reading.changes),
        "unchanged": sum(c.kind == "unchanged" for c in reading.changes),
        "outdated": sum(c.kind == "outdated" for c in reading.changes),
    }
    return render(request, "translations/translation_preview.html", context, status=status)


@require_POST
@role_required(Role.SECRETARIAT)
def translation_apply(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    kept = request.session.get(SESSION_KEY.format(cycle=cycle.pk))
    if not kept:
        messages.info(request, _("Nothing to apply: upload the file again."))
        return redirect("translations:translation-upload", pk=cycle.pk)
    language = kept["language"]
    reading = files.check(cycle, language, [tuple(row) for row in kept["rows"]])
    if reading.problems:  # a source text changed since the preview
        return _preview(request, cycle, language, reading, status=409)
    count = files.apply(cycle, language, reading, by=request.user)
    del request.session[SESSION_KEY.format(cycle=cycle.pk)]
    messages.success(
        request,
        ngettext(
            "%(count)s translation from %(name)s was saved.", "%(count)s translations from %(name)s were saved.", count
        )
        % {"count": count, "name": kept["name"]},
    )
    return redirect("translations:translation-status", pk=cycle.pk)

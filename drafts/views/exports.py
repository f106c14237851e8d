"""Review drafts: the outline, export jobs, their live status and the permission-checked downloads."""

from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.models import ReviewCycle
from reviews.permissions import can_edit_outline, can_manage_calls
from stakeholders.models import Role
from stakeholders.permissions import role_required
from uncnm_portal.once import once_per_form
from uncnm_portal.queue import send_after_commit
from uncnm_portal.versioning import stale_forms

from ..completeness import checklist, open_items
from ..forms import (
    EmblemForm,
    ExportForm,
    ReportSectionFormSet,
    WordTemplateForm,
)
from ..models import DraftVersion, ExportJob, ReportSection
from ..tasks import send_export

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@role_required(Role.SECRETARIAT, Role.AGENCY_STAFF)
@once_per_form
def export_list(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    items = checklist(cycle, request.LANGUAGE_CODE)
    form = ExportForm(
        request.POST or None,
        user=request.user,
        initial={"language": request.LANGUAGE_CODE},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            job = form.save(commit=False)
            job.cycle, job.requested_by = cycle, request.user
            job.save()
            form.save_m2m()
            send_after_commit(send_export, job.pk)
        return redirect(job)
    context = {
        "cycle": cycle,
        "form": form,
        "jobs": ExportJob.objects.for_cycle(cycle),
        "can_edit_outline": can_edit_outline(request.user),
        "checklist": items,
        "checklist_open": open_items(items),
    }
    return render(request, "drafts/export_list.html", context, status=400 if form.is_bound else 200)


def _export_for(request: HttpRequest, pk: int) -> ExportJob:
    return get_object_or_404(ExportJob.objects.select_related("cycle", "requested_by"), pk=pk)


@role_required(Role.SECRETARIAT, Role.AGENCY_STAFF)
def export_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = _export_for(request, pk)
    context = {
        "job": job,
        "cycle": job.cycle,
        "version": DraftVersion.objects.filter(export=job).first(),
        "can_mark": can_manage_calls(request.user),
    }
    return render(request, "drafts/export_detail.html", context)


@role_required(Role.SECRETARIAT, Role.AGENCY_STAFF)
def export_status(request: HttpRequest, pk: int) -> JsonResponse:
    """The job's state for the progress bar, read from the job row (not from the result backend)."""
    job = _export_for(request, pk)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "stage": job.stage,
            "stage_label": job.get_stage_display(),
            "progress": job.progress,
            "attempts": job.attempts,
            "error": job.error,
            "finished": job.is_finished,
            "done": job.status == ExportJob.Status.DONE,
            "pdf_url": reverse("drafts:export-download", args=[job.pk, "pdf"]) if job.pdf else "",
            "docx_url": reverse("drafts:export-download", args=[job.pk, "docx"]) if job.docx else "",
            "pdf_size": filesizeformat(job.pdf_size) if job.pdf_size else "",
            "docx_size": filesizeformat(job.docx_size) if job.docx_size else "",
            "pdf_pages": job.pdf_pages,
            "pdf_sha256": job.pdf_sha256,
        }
    )


@role_required(Role.SECRETARIAT, Role.AGENCY_STAFF)
def export_download(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    job = _export_for(request, pk)
    file = {"pdf": job.pdf, "docx": job.docx}.get(fmt)
    if job.status != ExportJob.Status.DONE or not file:
        raise Http404
    content_type = "application/pdf" if fmt == "pdf" else DOCX_MIME
    return FileResponse(
        file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1], content_type=content_type
    )


@require_POST
@role_required(Role.SECRETARIAT, Role.AGENCY_STAFF)
def export_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = _export_for(request, pk)
    if job.status == ExportJob.Status.FAILED:
        job.requeue()
        send_after_commit(send_export, job.pk)
        messages.success(request, _("The export was sent to a worker again."))
    return redirect(job)


@role_required(Role.SECRETARIAT)
def outline_update(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    if not ReportSection.objects.for_cycle(cycle).exists():
        # Reading writes nothing: the default outline is shown, and stored by the first POST.
        if request.method == "POST":
            ReportSection.ensure_outline(cycle)
            return redirect("drafts:outline-update", pk=cycle.pk)
        context = {"cycle": cycle, "default_outline": ReportSection.default_outline(cycle)}
        return render(request, "drafts/outline_form.html", context)
    formset = ReportSectionFormSet(
        request.POST or None, queryset=ReportSection.objects.for_cycle(cycle), prefix="sections"
    )
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            stale = stale_forms(formset.forms, ReportSection)
            if not stale:
                for section in formset.save(commit=False):
                    section.cycle = cycle
                    if section.pk:
                        section.version = F("version") + 1
                    section.save()
                for section in formset.deleted_objects:
                    section.delete()
        if stale:
            return _outline_conflict(request, cycle, stale)
        messages.success(request, _("The outline was saved."))
        return redirect("drafts:export-list", pk=cycle.pk)
    context = {"cycle": cycle, "formset": formset}
    return render(request, "drafts/outline_form.html", context, status=400 if formset.is_bound else 200)


def _outline_conflict(request: HttpRequest, cycle: ReviewCycle, stale: list) -> HttpResponse:
    """Someone saved sections after this editor opened the outline: nothing saved, the typed text kept."""
    data = request.POST.copy()
    current = ReportSection.objects.in_bulk([form.instance.pk for form in stale])
    for form in stale:
        data[form.add_prefix("version")] = current[form.instance.pk].version
    titles = ", ".join(current[form.instance.pk].display_title for form in stale)
    conflict = _(
        "Someone saved these sections after you opened the outline: %(titles)s. Nothing was saved: your "
        "changes are still below. Open the outline in another tab to compare, then save again to replace them."
    ) % {"titles": titles}
    formset = ReportSectionFormSet(data, queryset=ReportSection.objects.for_cycle(cycle), prefix="sections")
    context = {"cycle": cycle, "formset": formset, "conflict": conflict}
    return render(request, "drafts/outline_form.html", context, status=409)


@role_required(Role.SECRETARIAT)
def word_template(request: HttpRequest, pk: int) -> HttpResponse:
    """The Ministry's Word template for the cycle's drafts: upload, replace, or go back to the default."""
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    form = WordTemplateForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.upload
        _replace_file(cycle, "word_template", upload, f"cycle-{cycle.pk}.docx")
        if upload:
            messages.success(
                request, _("The Word drafts of this cycle now use the template %(name)s.") % {"name": upload.name}
            )
        else:
            messages.success(request, _("The Word drafts of this cycle use the portal's A4 default."))
        return redirect("drafts:export-list", pk=cycle.pk)
    context = {"cycle": cycle, "form": form, "emblem_form": EmblemForm()}
    return render(request, "drafts/word_template.html", context, status=400 if form.is_bound else 200)


@role_required(Role.SECRETARIAT)
@require_POST
def emblem(request: HttpRequest, pk: int) -> HttpResponse:
    """The emblem on the cover of the cycle's drafts (PDF and Word): upload, replace or remove."""
    cycle = get_object_or_404(ReviewCycle, pk=pk)
    form = EmblemForm(request.POST, request.FILES or None)
    if form.is_valid():
        upload = form.upload
        _replace_file(cycle, "emblem", upload, f"cycle-{cycle.pk}.{form.extension}")
        if upload:
            messages.success(
                request, _("The drafts of this cycle show the emblem %(name)s on their cover.") % {"name": upload.name}
            )
        else:
            messages.success(request, _("The drafts of this cycle have no emblem on their cover."))
        return redirect("drafts:word-template", pk=cycle.pk)
    context = {"cycle": cycle, "form": WordTemplateForm(), "emblem_form": form}
    return render(request, "drafts/word_template.html", context, status=400)


def _replace_file(cycle: ReviewCycle, field: str, upload, name: str) -> None:
    """Put the upload in the cycle's file field under a name of the portal's, or empty the field (None)."""
    current = getattr(cycle, field)
    if current:
        current.delete(save=False)
    if upload:
        getattr(cycle, field).save(name, upload, save=False)
    else:
        setattr(cycle, field, "")
    cycle.save(update_fields=[field])

"""Imports of earlier reviews: the secretariat downloads a template, uploads the filled file, reads the problems
or the preview, and applies it."""

from django.contrib import messages
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stakeholders.models import Role
from stakeholders.permissions import role_required
from uncnm_portal.once import once_per_form

from .forms import UploadForm
from .models import ImportJob
from .services import claim_for_applying, progress_key
from .sheets import SHEET_NAMES, Lookups, sheets
from .tasks import apply_import_task, check_import_task
from .workbook import template_csv, template_xlsx

secretariat_only = role_required(Role.SECRETARIAT)


@secretariat_only
@once_per_form
def import_list(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        job = ImportJob(
            filename=upload.name[:255],
            sha256=ImportJob.digest(content),
            uploaded_by=request.user,
            language=request.LANGUAGE_CODE,
        )
        job.file.save(
            f"import-{ImportJob.digest(content)[:16]}{upload.name[upload.name.rfind('.') :]}",
            ContentFile(content),
            save=False,
        )
        job.save()
        transaction.on_commit(lambda: check_import_task.delay(job.pk))
        return redirect(job)
    context = {
        "form": form,
        "jobs": ImportJob.objects.select_related("uploaded_by")[:30],
        "sheets": sheets(Lookups()),
    }
    return render(request, "imports/import_list.html", context, status=400 if form.is_bound else 200)


@secretariat_only
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(ImportJob, pk=pk)
    context = {"job": job, "progress": max(job.progress, cache.get(progress_key(job.pk), 0))}
    return render(request, "imports/import_detail.html", context)


@secretariat_only
def import_status(request: HttpRequest, pk: int) -> JsonResponse:
    job = get_object_or_404(ImportJob, pk=pk)
    progress = 100 if not job.is_running else max(job.progress, cache.get(progress_key(job.pk), 0))
    return JsonResponse({"status": job.status, "label": job.get_status_display(), "progress": progress})


@secretariat_only
@require_POST
def import_apply(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(ImportJob, pk=pk)
    if claim_for_applying(job):
        transaction.on_commit(lambda: apply_import_task.delay(job.pk))
        messages.success(request, _("The import is being applied."))
    elif job.status != ImportJob.Status.APPLYING:
        messages.error(request, _("Only a checked import without problems can be applied."))
    return redirect(job)


@secretariat_only
def template_download(request: HttpRequest, name: str) -> HttpResponse:
    if name == "template.xlsx":
        response = HttpResponse(
            template_xlsx(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    elif name.endswith(".csv") and name.removesuffix(".csv") in SHEET_NAMES:
        response = HttpResponse(template_csv(name.removesuffix(".csv")), content_type="text/csv; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response

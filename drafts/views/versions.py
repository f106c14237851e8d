"""Versions of the draft and the Government's sign-off: mark, review and comment, validate, submit; the checklist."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from reviews.models import ReviewCycle
from reviews.permissions import can_manage_calls, can_view_version, is_reviewer
from stakeholders.models import Role
from stakeholders.permissions import role_required

from ..completeness import checklist, open_items
from ..forms import DraftCommentForm, SubmitVersionForm, ValidateVersionForm
from ..models import DraftComment, DraftVersion, ExportJob, ReportSection
from .exports import DOCX_MIME

READERS = (Role.SECRETARIAT, Role.AGENCY_STAFF, Role.FOCAL_POINT)


def _version_for(request: HttpRequest, pk: int, *, lock: bool = False) -> DraftVersion:
    """The version if the user may read it; 404 otherwise (a focal point of another body learns nothing)."""
    queryset = DraftVersion.objects.select_related("cycle__lead_organisation", "export", "created_by")
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    version = get_object_or_404(queryset, pk=pk)
    if not can_view_version(request.user, version):
        raise Http404
    return version


@role_required(Role.SECRETARIAT, Role.AGENCY_STAFF)
def checklist_page(request: HttpRequest, pk: int) -> HttpResponse:
    cycle = get_object_or_404(ReviewCycle.objects.select_related("lead_organisation"), pk=pk)
    languages = dict(settings.LANGUAGES)
    language = request.GET.get("language") if request.GET.get("language") in languages else settings.LANGUAGE_CODE
    items = checklist(cycle, language)
    context = {
        "cycle": cycle,
        "items": items,
        "open": open_items(items),
        "language": language,
        "languages": settings.LANGUAGES,
    }
    return render(request, "drafts/checklist.html", context)


@require_POST
@role_required(Role.SECRETARIAT)
def export_mark_version(request: HttpRequest, pk: int) -> HttpResponse:
    export = get_object_or_404(ExportJob, pk=pk)
    try:
        version = DraftVersion.mark(export, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(export)
    messages.success(request, _("The draft was marked as version %(label)s.") % {"label": version.label})
    return redirect(version)


@role_required(*READERS)
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = _version_for(request, pk)
    return _version_page(request, version)


def _version_page(request, version: DraftVersion, *, comment_form=None, submit_form=None, status=200):
    cycle = version.cycle
    comments = list(version.comments.select_related("author", "section").order_by("created_at"))
    sections = list(ReportSection.objects.for_cycle(cycle).filter(enabled=True))
    by_section = [(s, [c for c in comments if c.section_id == s.pk]) for s in sections]
    general = [c for c in comments if c.section_id is None]
    reviewer = is_reviewer(request.user, cycle)
    secretariat = can_manage_calls(request.user)
    items = checklist(cycle, version.export.language) if secretariat and not version.is_frozen else []
    context = {
        "version": version,
        "cycle": cycle,
        "export": version.export,
        "by_section": by_section,
        "general_comments": general,
        "can_comment": reviewer and not version.is_frozen,
        "comment_form": comment_form or DraftCommentForm(sections=sections),
        "can_move": secretariat,
        "can_validate": reviewer and version.status == DraftVersion.Status.UNDER_REVIEW,
        "validate_form": ValidateVersionForm(),
        "submit_form": submit_form or SubmitVersionForm(),
        "checklist_open": open_items(items),
        "history": version.history.select_related("history_user").order_by("history_date"),
    }
    return render(request, "drafts/version_detail.html", context, status=status)


@require_POST
@role_required(*READERS)
def version_comment(request: HttpRequest, pk: int) -> HttpResponse:
    version = _version_for(request, pk)
    if not is_reviewer(request.user, version.cycle) or version.is_frozen:
        raise Http404
    sections = list(ReportSection.objects.for_cycle(version.cycle).filter(enabled=True))
    form = DraftCommentForm(request.POST, sections=sections)
    if not form.is_valid():
        return _version_page(request, version, comment_form=form, status=400)
    DraftComment.objects.create(
        version=version, section=form.cleaned_data["section"], author=request.user, body=form.cleaned_data["body"]
    )
    messages.success(request, _("Your comment was added."))
    return redirect(version)


STEPS = {"review", "draft", "validate", "submit"}


@require_POST
@role_required(*READERS)
def version_move(request: HttpRequest, pk: int) -> HttpResponse:
    """One step of the sign-off: send for review, back to draft, validate (reviewers), submit."""
    step = request.POST.get("step", "")
    if step not in STEPS:
        return HttpResponseBadRequest(_("Unknown step of the sign-off."))
    with transaction.atomic():
        version = _version_for(request, pk, lock=True)  # a second click waits, then finds the step done
        allowed = is_reviewer(request.user, version.cycle) if step == "validate" else can_manage_calls(request.user)
        if not allowed:
            raise PermissionDenied
        try:
            if step == "review":
                version.send_for_review()
            elif step == "draft":
                version.back_to_draft()
            elif step == "validate":
                form = ValidateVersionForm(request.POST)
                version.validate(by=request.user, reference=form.cleaned_data["reference"] if form.is_valid() else "")
            else:
                form = SubmitVersionForm(request.POST)
                if not form.is_valid():
                    return _version_page(request, version, submit_form=form, status=400)
                items = open_items(checklist(version.cycle, version.export.language))
                version.submit(by=request.user, open_items=items, override_reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(version)
    messages.success(
        request, _("Version %(label)s: %(status)s.") % {"label": version.label, "status": version.get_status_display()}
    )
    return redirect(version)


@role_required(*READERS)
def version_download(request: HttpRequest, pk: int, fmt: str) -> FileResponse:
    version = _version_for(request, pk)
    file = {"pdf": version.export.pdf, "docx": version.export.docx}.get(fmt)
    if not file:
        raise Http404
    content_type = "application/pdf" if fmt == "pdf" else DOCX_MIME
    name = f"vnr-{version.cycle.year}-{version.cycle.level}-{version.label}.{fmt}"
    return FileResponse(file.open("rb"), as_attachment=True, filename=name, content_type=content_type)

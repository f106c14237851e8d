"""The pledge register: reporters propose pledges for their organisation, the secretariat validates them."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stakeholders.models import Organisation, Role
from stakeholders.permissions import member_required, reporting_organisation_id, role_required
from uncnm_portal.once import once_per_form
from uncnm_portal.spreadsheets import FORMATS, export_response
from uncnm_portal.versioning import EditConflict, rebound_form

from .filters import PledgeFilter
from .forms import DeclineForm, PledgeForm
from .models import Pledge
from .permissions import can_edit_pledge, can_propose, can_validate

PAGE_SIZE = 50


@member_required
def pledge_list(request: HttpRequest) -> HttpResponse:
    pledges = PledgeFilter(request.GET, queryset=Pledge.objects.with_related().order_by("-created_at", "pk"))
    rows = pledges.qs if pledges.is_valid() else Pledge.objects.none()
    fmt = request.GET.get("format")
    if fmt in FORMATS:
        headers = [_("Pledge ID"), _("Title"), _("Pledging entity"), _("Type"), _("Nature"), _("Objectives")]
        headers += [_("Status"), _("Starts"), _("Due"), _("Champion")]
        return export_response(
            fmt=fmt,
            filename="pledges",
            headers=headers,
            rows=(
                [
                    p.network_id,
                    p.title,
                    p.organisation.display_name,
                    p.get_kind_display(),
                    p.get_nature_display(),
                    " ".join(str(o.number) for o in sorted(p.objectives.all(), key=lambda o: o.number)),
                    p.get_status_display(),
                    p.starts,
                    p.due,
                    _("yes") if p.champion else "",
                ]
                for p in rows
            ),
        )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": pledges, "page": page, "query": query.urlencode(), "can_propose": can_propose(request.user)}
    return render(request, "pledges/pledge_list.html", context)


@member_required
def pledge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(Pledge.objects.with_related(), pk=pk)
    return _detail_page(request, pledge, DeclineForm() if pledge.status == Pledge.Status.PROPOSED else None)


def _detail_page(request: HttpRequest, pledge: Pledge, decline_form, *, status: int = 200) -> HttpResponse:
    """The pledge's page; after a refused decline, with the form and its errors."""
    context = {
        "pledge": pledge,
        "matching": pledge.matching.select_related("organisation"),
        # reviews.PledgeProgress: the pledge's progress as each review reported it.
        "progress": pledge.progress.select_related("cycle").order_by("cycle__year"),
        "can_edit": can_edit_pledge(request.user, pledge),
        "can_validate": can_validate(request.user)
        and pledge.status in (Pledge.Status.PROPOSED, Pledge.Status.DECLINED),
        "decline_form": decline_form,
    }
    return render(request, "pledges/pledge_detail.html", context, status=status)


def _own_organisation(user) -> Organisation | None:
    """A reporter's organisation (their pledges are its pledges); None for the secretariat."""
    organisation_id = reporting_organisation_id(user)
    if user.is_secretariat or organisation_id is None:
        return None
    return Organisation.objects.get(pk=organisation_id)


@member_required
@once_per_form
def pledge_create(request: HttpRequest) -> HttpResponse:
    if not can_propose(request.user):
        raise PermissionDenied
    form = PledgeForm(request.POST or None, organisation=_own_organisation(request.user))
    if request.method == "POST" and form.is_valid():
        pledge = form.save(commit=False)
        pledge.proposed_by = request.user
        pledge.save()
        form.save_m2m()
        messages.success(
            request, _("The pledge %(title)s was proposed: the secretariat validates it.") % {"title": pledge}
        )
        return redirect(pledge)
    return render(request, "pledges/pledge_form.html", {"form": form}, status=400 if form.is_bound else 200)


@member_required
def pledge_update(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(Pledge, pk=pk)
    if not can_edit_pledge(request.user, pledge):
        raise PermissionDenied
    organisation = _own_organisation(request.user)
    form = PledgeForm(request.POST or None, instance=pledge, organisation=organisation)
    conflict = ""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                pledge.claim_version(form.cleaned_data["version"] or pledge.version)
                form.save()
        except EditConflict as error:
            conflict = _(
                "Someone saved this pledge after you opened it. Nothing was overwritten: your text is still below. "
                "Open it in another tab to compare, then save again to replace it."
            )
            form = rebound_form(PledgeForm, request.POST, error.current, organisation=organisation)
        else:
            messages.success(request, _("The pledge %(title)s was saved.") % {"title": pledge})
            return redirect(pledge)
    context = {"form": form, "pledge": pledge, "conflict": conflict}
    return render(
        request, "pledges/pledge_form.html", context, status=409 if conflict else 400 if form.is_bound else 200
    )


@role_required(Role.SECRETARIAT)
@require_POST
def pledge_validate(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(Pledge, pk=pk)
    try:
        pledge.validate(by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The pledge %(title)s is validated.") % {"title": pledge})
    return redirect(pledge)


@role_required(Role.SECRETARIAT)
@require_POST
def pledge_decline(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_object_or_404(Pledge, pk=pk)
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            pledge.decline(by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The pledge %(title)s was declined.") % {"title": pledge})
        return redirect(pledge)
    return _detail_page(request, pledge, form, status=400)

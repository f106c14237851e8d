"""History pages: who changed what and when, with field differences and a restore action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import ngettext

from stakeholders.permissions import member_required
from uncnm_portal.once import once_per_form

from .changes import changes_between, describe_reason, restorable, restore
from .forms import RestoreForm
from .pages import TRACKED, Tracked


def _tracked_object(kind: str, pk: int) -> tuple[Tracked, models.Model]:
    tracked = TRACKED.get(kind)
    if tracked is None:
        raise Http404
    return tracked, get_object_or_404(tracked.model, pk=pk)


@member_required
def history_list(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    tracked, obj = _tracked_object(kind, pk)
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    dates = {record.history_id: record.history_date for record in records}
    entries = [
        (
            record,
            describe_reason(record.history_change_reason, dates),
            changes_between(tracked.model, record, records[i + 1] if i + 1 < len(records) else None),
        )
        for i, record in enumerate(records)
    ]
    context = {
        "object": obj,
        "kind": kind,
        "entries": entries,
        "can_restore": tracked.can_restore(request.user, obj),
        "back_url": obj.get_absolute_url(),
    }
    return render(request, "history/history_list.html", context)


@member_required
def history_restore(request: HttpRequest, kind: str, pk: int, history_id: int) -> HttpResponse:
    """A confirmation page: the fields in which the object differs from that version, each chosen or not."""
    tracked, obj = _tracked_object(kind, pk)
    if not tracked.can_restore(request.user, obj):
        raise PermissionDenied
    record = get_object_or_404(obj.history, history_id=history_id)
    changes = restorable(obj, record)
    if request.method == "POST":
        return _restore_chosen(request, kind, obj, record, changes)
    form = RestoreForm(changes=changes)
    return _restore_page(request, kind, obj, record, changes, form)


def _restore_page(request, kind, obj, record, changes, form, status=200) -> HttpResponse:
    chosen = form.data.getlist("fields") if form.is_bound else form.fields["fields"].initial
    context = {"object": obj, "kind": kind, "record": record, "changes": changes, "form": form, "chosen": chosen}
    return render(request, "history/restore.html", context, status=status)


@once_per_form
def _restore_chosen(request, kind, obj, record, changes) -> HttpResponse:
    form = RestoreForm(request.POST, changes=changes)
    if not form.is_valid():
        return _restore_page(request, kind, obj, record, changes, form, status=400)
    chosen = form.cleaned_data["fields"]
    restore(obj, record, by=request.user, fields=chosen)
    when = date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
    message = ngettext(
        "%(count)d field was restored from the version of %(when)s.",
        "%(count)d fields were restored from the version of %(when)s.",
        len(chosen),
    )
    messages.success(request, message % {"count": len(chosen), "when": when})
    return redirect("history:list", kind=kind, pk=obj.pk)

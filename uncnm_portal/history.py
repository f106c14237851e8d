"""History pages: who changed what and when, with field differences and a restore action.

django-simple-history records every save of the tracked models; this module
shows those records and restores an earlier one as a new, recorded change.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from objectives.models import Activity, Indicator
from objectives.permissions import can_edit_activity, can_manage_indicators
from pledges.models import Pledge
from pledges.permissions import can_edit_pledge
from reviews.diff import word_diff
from reviews.models import ActionProgress, ObjectiveAssessment
from reviews.permissions import can_edit_assessments
from stakeholders.permissions import member_required
from uncnm_portal.versioning import Versioned

from .once import once_per_form

# Fields that describe the record itself rather than its content.
BOOKKEEPING = {"id", "version", "updated_at", "updated_by", "created_by"}


@dataclass(frozen=True)
class Tracked:
    model: type[models.Model]
    can_restore: Callable


TRACKED = {
    "assessment": Tracked(ObjectiveAssessment, lambda user, obj: can_edit_assessments(user)),
    "action-status": Tracked(ActionProgress, lambda user, obj: can_edit_assessments(user)),
    "activity": Tracked(Activity, can_edit_activity),
    "indicator": Tracked(Indicator, lambda user, obj: can_manage_indicators(user)),
    "pledge": Tracked(Pledge, can_edit_pledge),
}


def _tracked_object(kind: str, pk: int) -> tuple[Tracked, models.Model]:
    tracked = TRACKED.get(kind)
    if tracked is None:
        raise Http404
    return tracked, get_object_or_404(tracked.model, pk=pk)


def _m2m_names(model: type[models.Model]) -> list[str]:
    return [field.name for field in model.history.model._history_m2m_fields]


def _m2m_ids(record, name: str, model: type[models.Model]) -> list[int]:
    """The related ids a historical record holds for one many-to-many field."""
    target = model._meta.get_field(name).related_model._meta.model_name
    return [getattr(row, f"{target}_id") for row in getattr(record, name).all()]


def _display(field: models.Field, value) -> str:
    if value is None or value == "":
        return ""
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if field.many_to_many:
        # simple-history gives the rows of the through table: {"<target model name>": id, ...}.
        target = field.related_model._meta.model_name
        ids = [row[target] for row in value]
        return ", ".join(sorted(str(obj) for obj in field.related_model.objects.filter(pk__in=ids)))
    if field.is_relation:
        obj = field.related_model.objects.filter(pk=value).first()
        return str(obj) if obj else str(value)
    return str(value)


def _changes(model: type[models.Model], record, older) -> list[tuple[str, str, str]]:
    """(field label, old HTML, new HTML) for every field that differs from the older record."""
    if older is None:
        return []
    rows = []
    for change in record.diff_against(older).changes:
        if change.field in BOOKKEEPING:
            continue
        field = model._meta.get_field(change.field)
        old_html, new_html = word_diff(_display(field, change.old), _display(field, change.new))
        rows.append((str(field.verbose_name), old_html, new_html))
    return rows


@member_required
def history_list(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    tracked, obj = _tracked_object(kind, pk)
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    entries = [
        (record, _changes(tracked.model, record, records[i + 1] if i + 1 < len(records) else None))
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


@require_POST
@member_required
@once_per_form
def history_restore(request: HttpRequest, kind: str, pk: int, history_id: int) -> HttpResponse:
    tracked, obj = _tracked_object(kind, pk)
    if not tracked.can_restore(request.user, obj):
        raise PermissionDenied
    record = get_object_or_404(obj.history, history_id=history_id)
    restore(obj, record, by=request.user)
    when = date_format(timezone.localtime(record.history_date), "DATETIME_FORMAT")
    messages.success(request, _("The version of %(when)s was restored.") % {"when": when})
    return redirect("history:list", kind=kind, pk=obj.pk)


@transaction.atomic
def restore(obj: models.Model, record, *, by) -> None:
    """Bring obj back to an earlier historical record; the restore is itself a recorded change."""
    model = type(obj)
    if isinstance(obj, Versioned):
        # Move the version on, so that anyone editing meanwhile meets the conflict page.
        obj.claim_version(obj.version)
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in BOOKKEEPING or field.name not in {f.name for f in record._meta.fields}:
            continue
        setattr(obj, field.attname, getattr(record, field.attname))
    if hasattr(obj, "updated_by_id"):
        obj.updated_by = by
    obj._change_reason = f"Restored the version of {record.history_date:%Y-%m-%d %H:%M:%S}"
    obj.save()
    for name in _m2m_names(model):
        getattr(obj, name).set(_m2m_ids(record, name, model))

"""History pages: who changed what and when, with field differences and a restore action.

django-simple-history records every save of the tracked models; this module
shows those records and restores an earlier one as a new, recorded change.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from objectives.models import Activity, Indicator
from objectives.permissions import can_edit_activity, can_manage_indicators
from pledges.models import Pledge
from pledges.permissions import can_edit_pledge
from reviews.diff import markdown_diff, word_diff
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


@dataclass(frozen=True)
class Change:
    name: str
    label: str
    old: str  # HTML, with <del>
    new: str  # HTML, with <ins>
    markdown: bool  # rendered as the portal renders narratives


def _change(model: type[models.Model], name: str, old, new) -> Change:
    field = model._meta.get_field(name)
    # Long texts are Markdown narratives: compared as they read, not as their source.
    markdown = isinstance(field, models.TextField) and not getattr(field, "choices", None)
    old_html, new_html = (markdown_diff if markdown else word_diff)(_display(field, old), _display(field, new))
    return Change(name, str(field.verbose_name), old_html, new_html, markdown)


def _changes(model: type[models.Model], record, older) -> list[Change]:
    """Every field that differs from the older record."""
    if older is None:
        return []
    return [
        _change(model, change.field, change.old, change.new)
        for change in record.diff_against(older).changes
        if change.field not in BOOKKEEPING
    ]


def _restorable(obj: models.Model, record) -> list[Change]:
    """The fields in which the object today differs from the record: what a restore could bring back."""
    model, recorded = type(obj), {f.name for f in record._meta.fields}
    changes = []
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in BOOKKEEPING or field.name not in recorded:
            continue
        now, then = getattr(obj, field.attname), getattr(record, field.attname)
        if now != then:
            changes.append(_change(model, field.name, now, then))
    for name in _m2m_names(model):
        now = sorted(getattr(obj, name).values_list("pk", flat=True))
        then = sorted(_m2m_ids(record, name, model))
        if now != then:
            target = model._meta.get_field(name).related_model._meta.model_name
            changes.append(_change(model, name, [{target: pk} for pk in now], [{target: pk} for pk in then]))
    return changes


RESTORED = re.compile(r"^restore (\d+)$")
IMPORTED = re.compile(r"^Imported from (.+)$")


def describe_reason(reason: str, dates: dict) -> str:
    """A history record's reason in the reader's language; `dates` maps history ids to their times."""
    if match := RESTORED.match(reason or ""):
        when = dates.get(int(match[1]))
        if when is None:
            return _("Restored from an earlier version")
        return _("Restored from the version of %(when)s") % {
            "when": date_format(timezone.localtime(when), "DATETIME_FORMAT")
        }
    if match := IMPORTED.match(reason or ""):
        return _("Imported from %(file)s") % {"file": match[1]}
    return reason or ""


@member_required
def history_list(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    tracked, obj = _tracked_object(kind, pk)
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id"))
    dates = {record.history_id: record.history_date for record in records}
    entries = [
        (
            record,
            describe_reason(record.history_change_reason, dates),
            _changes(tracked.model, record, records[i + 1] if i + 1 < len(records) else None),
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


class RestoreForm(forms.Form):
    """Which of the differing fields to bring back from an earlier version."""

    fields = forms.MultipleChoiceField(
        label=gettext_lazy("Fields to restore"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Choose at least one field to restore.")},
    )

    def __init__(self, *args, changes: list[Change], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fields"].choices = [(change.name, change.label) for change in changes]
        self.fields["fields"].initial = [change.name for change in changes]


@member_required
def history_restore(request: HttpRequest, kind: str, pk: int, history_id: int) -> HttpResponse:
    """A confirmation page: the fields in which the object differs from that version, each chosen or not."""
    tracked, obj = _tracked_object(kind, pk)
    if not tracked.can_restore(request.user, obj):
        raise PermissionDenied
    record = get_object_or_404(obj.history, history_id=history_id)
    changes = _restorable(obj, record)
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


@transaction.atomic
def restore(obj: models.Model, record, *, by, fields: list[str] | None = None) -> None:
    """Bring obj's `fields` (all by default) back to an earlier historical record, as a recorded change."""
    model = type(obj)
    chosen = set(fields) if fields is not None else None
    if isinstance(obj, Versioned):
        # Move the version on, so that anyone editing meanwhile meets the conflict page.
        obj.claim_version(obj.version)
    recorded = {f.name for f in record._meta.fields}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in BOOKKEEPING or field.name not in recorded:
            continue
        if chosen is None or field.name in chosen:
            setattr(obj, field.attname, getattr(record, field.attname))
    if hasattr(obj, "updated_by_id"):
        obj.updated_by = by
    obj._change_reason = f"restore {record.history_id}"  # shown by describe_reason() in the reader's language
    obj.save()
    for name in _m2m_names(model):
        if chosen is None or name in chosen:
            getattr(obj, name).set(_m2m_ids(record, name, model))

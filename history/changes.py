"""What changed between two historical records, and restoring an earlier one as a new, recorded change.

django-simple-history records every save of the historied models; these
functions compare those records field by field and bring fields back.
"""

import re
from dataclasses import dataclass

from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from uncnm_portal.diff import markdown_diff, word_diff
from uncnm_portal.versioning import Versioned

# Fields that describe the record itself rather than its content.
BOOKKEEPING = {"id", "version", "updated_at", "updated_by", "created_by"}


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


def changes_between(model: type[models.Model], record, older) -> list[Change]:
    """Every field that differs from the older record."""
    if older is None:
        return []
    return [
        _change(model, change.field, change.old, change.new)
        for change in record.diff_against(older).changes
        if change.field not in BOOKKEEPING
    ]


def restorable(obj: models.Model, record) -> list[Change]:
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

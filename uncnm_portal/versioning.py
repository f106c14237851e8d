"""Optimistic locking for records people edit in a form: nothing saved in between is overwritten."""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """Someone saved the record after the editor loaded it."""

    def __init__(self, current):
        super().__init__("edit conflict")
        self.current = current


def stale_forms(forms, model) -> list:
    """The bound forms (of a model formset) whose record someone saved after the editor loaded it.

    Reads the rows under a lock (call it inside a transaction), so that a save right
    after the check cannot be overtaken; forms whose values equal the saved ones are not checked.
    """
    touched = [f for f in forms if f.instance.pk and set(f.changed_data) - {"version"}]
    current = model._default_manager.select_for_update().in_bulk([f.instance.pk for f in touched])
    return [
        f
        for f in touched
        if f.cleaned_data.get("version")
        and f.instance.pk in current
        and current[f.instance.pk].version != f.cleaned_data["version"]
    ]


def rebound_form(form_class, data, current, **kwargs):
    """The editor's form again, on top of the version saved meanwhile (`current`): what they typed is
    kept, and saving it now replaces that version, knowingly."""
    data = data.copy()
    data["version"] = current.version
    form = form_class(data, instance=current, **kwargs)
    form.is_valid()
    return form


class Versioned(models.Model):
    """A record with a version number that each save through an editor moves on by one."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def claim_version(self, expected_version: int) -> None:
        """Move the row to the next version if it is still at expected_version, else raise EditConflict.

        A conditional UPDATE is atomic on every database: of two concurrent saves
        made on top of the same version, exactly one moves it on.
        """
        model = type(self)
        claimed = model._default_manager.filter(pk=self.pk, version=expected_version).update(version=F("version") + 1)
        if not claimed:
            raise EditConflict(model._default_manager.get(pk=self.pk))
        self.version = expected_version + 1

    def last_saved_by(self) -> str:
        """Who saved the record last, from its history (empty when unknown)."""
        history = getattr(self, "history", None)
        latest = history.select_related("history_user").first() if history is not None else None
        return latest.history_user.display_name if latest and latest.history_user else ""

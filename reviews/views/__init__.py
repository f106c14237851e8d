"""Views of a review cycle, along the same seams as the models: cycles, inputs, assessments, drafts."""

from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext as _


@transaction.atomic
def save_status_rows(formset, *, model, objects: dict, cycle, by, label) -> tuple[int, list[str]]:
    """Save the status rows (action or plan measure statuses) the editor changed; a row someone else changed
    since the page was opened is left as it is and named (by `label(object)`) among the conflicts."""
    changed, conflicts = 0, []
    for form in formset:
        obj = objects.get(form.key)
        if obj is None or not form.is_edited():
            continue
        current = model.objects.select_for_update().filter(cycle=cycle, **{form.KEY: obj}).first()
        saved = (current.status, form.saved_note(current)) if current else (form.STATUSES.values[0], "")
        if saved != form.started_from:
            conflicts.append(label(obj))
            continue
        values = {"status": form.cleaned_data["status"], form.note_field(): form.cleaned_data["note"], "updated_by": by}
        # update_or_create also copes with a colleague creating the same row meanwhile.
        model.objects.update_or_create(cycle=cycle, **{form.KEY: obj}, defaults=values)
        changed += 1
    return changed, conflicts


def warn_of_status_conflicts(request, conflicts: list[str]) -> None:
    """Say which rows were left as someone else saved them (see save_status_rows)."""
    if conflicts:
        messages.warning(
            request,
            _(
                "Not saved, because someone changed them after you opened the page: %(rows)s. "
                "Their current values are shown; change them again if you still want to."
            )
            % {"rows": "; ".join(conflicts)},
        )

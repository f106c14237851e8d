"""Where each measure of a national plan stands in a review cycle (the plans themselves: policies app)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from policies.models import PlanMeasure

from .cycles import ReviewCycle


class MeasureProgress(models.Model):
    """The status of one plan measure as the review of one cycle reports it."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        IMPLEMENTED = "implemented", _("Implemented")
        NOT_IMPLEMENTED = "not_implemented", _("Not implemented")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="measure_progress"
    )
    measure = models.ForeignKey(
        PlanMeasure, verbose_name=_("plan measure"), on_delete=models.CASCADE, related_name="progress"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    # history: registered in reviews/translation.py, after the note is translated

    class Meta:
        verbose_name = _("status of a plan measure")
        verbose_name_plural = _("statuses of plan measures")
        ordering = ["cycle", "measure"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "measure"], name="one_status_per_cycle_and_measure"),
        ]

    def __str__(self) -> str:
        return f"{self.measure.number} · {self.cycle}: {self.get_status_display()}"


def plan_implementation(cycle: ReviewCycle, plans: list) -> list[tuple]:
    """Per plan with measures: (plan, measures, measures implemented in the cycle, percent implemented)."""
    counts = {}
    for plan_id, status in MeasureProgress.objects.filter(cycle=cycle, measure__plan__in=plans).values_list(
        "measure__plan_id", "status"
    ):
        counts.setdefault(plan_id, []).append(status)
    totals = dict(
        PlanMeasure.objects.filter(plan__in=plans)
        .order_by()
        .values_list("plan_id")
        .annotate(n=models.Count("pk"))
        .values_list("plan_id", "n")
    )
    rows = []
    for plan in plans:
        total = totals.get(plan.pk, 0)
        if total:
            done = counts.get(plan.pk, []).count(MeasureProgress.Status.IMPLEMENTED)
            rows.append((plan, total, done, round(100 * done / total)))
    return rows

"""What each review reports on the GCM pledges (the pledges themselves: pledges app)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from pledges.models import Pledge

from .cycles import ReviewCycle


class PledgeProgress(models.Model):
    """The progress of one pledge as the review of one cycle reports it; reporting marks the pledge reported."""

    class Status(models.TextChoices):
        NOT_REPORTED = "not_reported", _("Not reported")
        ON_TRACK = "on_track", _("On track")
        DELAYED = "delayed", _("Delayed")
        FULFILLED = "fulfilled", _("Fulfilled")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="pledge_progress"
    )
    pledge = models.ForeignKey(Pledge, verbose_name=_("pledge"), on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NOT_REPORTED)
    note = models.CharField(_("progress"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    # history: registered in reviews/translation.py, after the note is translated

    class Meta:
        verbose_name = _("progress of a pledge")
        verbose_name_plural = _("progress of pledges")
        ordering = ["cycle", "pledge"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "pledge"], name="one_progress_per_cycle_and_pledge"),
        ]

    def __str__(self) -> str:
        return f"{self.pledge} · {self.cycle}: {self.get_status_display()}"


def mark_reported(cycle: ReviewCycle) -> None:
    """A standing pledge with progress reported in the cycle is reported, or fulfilled when the review says so."""
    reported = PledgeProgress.objects.filter(cycle=cycle).exclude(status=PledgeProgress.Status.NOT_REPORTED)
    for progress in reported.select_related("pledge"):
        pledge = progress.pledge
        wanted = (
            Pledge.Status.FULFILLED if progress.status == PledgeProgress.Status.FULFILLED else Pledge.Status.REPORTED
        )
        if pledge.status in Pledge.STANDING and pledge.status != wanted and pledge.status != Pledge.Status.FULFILLED:
            pledge.status = wanted
            pledge.save(update_fields=["status"])

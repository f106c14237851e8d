"""Versions of the draft: an export marked v0.1, v0.2, ...; reviewed, validated by the Government, submitted.

A submitted version is frozen: its export's files, their SHA-256 and the HTML the PDF was built from are kept
as they were, whatever is edited in the portal afterwards.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from reviews.models import ReviewCycle

from .exports import ExportJob, ReportSection


class DraftVersionQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "DraftVersionQuerySet":
        return self.filter(cycle=cycle).select_related("export", "created_by").order_by("-number")

    def submitted(self) -> "DraftVersionQuerySet":
        return self.filter(status=DraftVersion.Status.SUBMITTED)


class DraftVersion(models.Model):
    """An export marked as a version of the cycle's draft, and where it stands in the Government's sign-off."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft version")
        UNDER_REVIEW = "under_review", _("Under review")
        VALIDATED = "validated", _("Validated by the Government")
        SUBMITTED = "submitted", _("Submitted")

    # Each step follows the one before it; a version under review can go back to draft for another round.
    NEXT = {
        Status.DRAFT: [Status.UNDER_REVIEW],
        Status.UNDER_REVIEW: [Status.VALIDATED, Status.DRAFT],
        Status.VALIDATED: [Status.SUBMITTED],
        Status.SUBMITTED: [],
    }

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.PROTECT, related_name="versions"
    )
    export = models.OneToOneField(
        ExportJob, verbose_name=_("export"), on_delete=models.PROTECT, related_name="draft_version"
    )
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("v0.1 is 1, v0.2 is 2, ..."))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("marked by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("marked at"), auto_now_add=True)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validation recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    validation_reference = models.CharField(
        _("validation reference"),
        max_length=300,
        blank=True,
        help_text=_("For example, the letter or decision by which the Government validated the draft."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    override_reason = models.TextField(
        _("reason for submitting with open checklist items"),
        blank=True,
    )

    history = HistoricalRecords(table_name="reviews_historicaldraftversion")
    objects = DraftVersionQuerySet.as_manager()

    class Meta:
        db_table = "reviews_draftversion"  # made in reviews, before the drafts became an app (issue 25)
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        ordering = ["cycle", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="one_version_number_per_cycle"),
            models.UniqueConstraint(
                fields=["cycle"],
                condition=Q(status="submitted"),
                name="one_submitted_version_per_cycle",
                violation_error_message=_("A version of this review was already submitted."),
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("drafts:version-detail", args=[self.pk])

    @property
    def label(self) -> str:
        return f"v0.{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @classmethod
    @transaction.atomic
    def mark(cls, export: ExportJob, *, by) -> "DraftVersion":
        """Make a finished export the cycle's next version (once: a second click finds the version)."""
        if export.status != ExportJob.Status.DONE:
            raise ValidationError(_("Only a finished export can become a version of the draft."))
        ReviewCycle.objects.select_for_update().get(pk=export.cycle_id)  # numbers are handed out one at a time
        existing = cls.objects.filter(export=export).first()
        if existing:
            return existing
        number = (cls.objects.filter(cycle_id=export.cycle_id).aggregate(m=models.Max("number"))["m"] or 0) + 1
        return cls.objects.create(cycle_id=export.cycle_id, export=export, number=number, created_by=by)

    def _move(self, to: "DraftVersion.Status") -> None:
        if to not in self.NEXT[self.Status(self.status)]:
            raise ValidationError(
                _("A version that is %(now)s cannot become %(next)s.")
                % {"now": self.get_status_display().lower(), "next": self.Status(to).label.lower()}
            )
        self.status = to

    def send_for_review(self) -> None:
        self._move(self.Status.UNDER_REVIEW)
        self.save()

    def back_to_draft(self) -> None:
        self._move(self.Status.DRAFT)
        self.save()

    def validate(self, *, by, reference: str = "") -> None:
        """Record that the Government validated this version (the lead State body, or the secretariat for it)."""
        self._move(self.Status.VALIDATED)
        self.validated_by, self.validated_at, self.validation_reference = by, timezone.now(), reference
        self.save()

    def submit(self, *, by, open_items: list, override_reason: str = "") -> None:
        """Submit the validated version: refused while the checklist has open items, unless a reason is given."""
        if open_items and not override_reason.strip():
            raise ValidationError(
                _("The checklist has %(n)s open items: fix them, or say why the version is submitted anyway.")
                % {"n": len(open_items)}
            )
        if DraftVersion.objects.submitted().filter(cycle_id=self.cycle_id).exclude(pk=self.pk).exists():
            raise ValidationError(_("A version of this review was already submitted."))
        self._move(self.Status.SUBMITTED)
        self.submitted_by, self.submitted_at, self.override_reason = by, timezone.now(), override_reason.strip()
        self.save()
        ReviewCycle.objects.filter(pk=self.cycle_id).update(status=ReviewCycle.Status.SUBMITTED)


class DraftComment(models.Model):
    """A reviewer's comment on one section of a version (or on the version as a whole)."""

    version = models.ForeignKey(
        DraftVersion, verbose_name=_("draft version"), on_delete=models.CASCADE, related_name="comments"
    )
    section = models.ForeignKey(
        ReportSection,
        verbose_name=_("section"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        help_text=_("Empty: a comment on the version as a whole."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=5000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)
    resolved = models.BooleanField(_("resolved"), default=False)

    class Meta:
        db_table = "reviews_draftcomment"  # made in reviews, before the drafts became an app (issue 25)
        verbose_name = _("comment on a draft")
        verbose_name_plural = _("comments on drafts")
        ordering = ["version", "created_at"]

    def __str__(self) -> str:
        return self.body[:60]

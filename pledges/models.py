"""GCM pledges: commitments an organisation makes towards the objectives, as the UN Network on Migration
collects them (pledge ID, pledging entity, type, nature, up to three objectives, matching pledges).

A reporter proposes a pledge for their organisation, the secretariat validates it; its progress in each
review lives with the review (reviews.PledgeProgress), which marks the pledge reported.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from objectives.models import Objective
from uncnm_portal.validators import validate_plausible_date
from uncnm_portal.versioning import Versioned

MAX_OBJECTIVES = 3


class PledgeQuerySet(models.QuerySet):
    def with_related(self) -> "PledgeQuerySet":
        return self.select_related("organisation").prefetch_related("objectives", "partners")

    def standing(self) -> "PledgeQuerySet":
        """Pledges the Government and its partners stand by: validated, reported or fulfilled."""
        return self.filter(status__in=Pledge.STANDING)


class Pledge(Versioned):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual")
        COMMON = "common", _("Common")
        PARTNERSHIP = "partnership", _("In partnership")

    class Nature(models.TextChoices):
        FINANCIAL = "financial", _("Financial")
        HUMAN_RESOURCES = "human_resources", _("Human resources")
        PROCESS = "process", _("Process-oriented")
        POLICY = "policy", _("Policy-oriented")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        VALIDATED = "validated", _("Validated")
        REPORTED = "reported", _("Progress reported")
        FULFILLED = "fulfilled", _("Fulfilled")
        DECLINED = "declined", _("Declined")

    STANDING = (Status.VALIDATED, Status.REPORTED, Status.FULFILLED)

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), help_text=_("What is pledged, by when, with whom; Markdown."))
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("pledging entity"),
        on_delete=models.PROTECT,
        related_name="pledges",
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.INDIVIDUAL)
    nature = models.CharField(_("nature"), max_length=16, choices=Nature.choices)
    objectives = models.ManyToManyField(
        Objective,
        verbose_name=_("GCM objectives"),
        related_name="pledges",
        help_text=_("Up to three objectives."),
    )
    partners = models.ManyToManyField(
        "stakeholders.Organisation",
        verbose_name=_("partners"),
        related_name="partner_pledges",
        blank=True,
        help_text=_("For a common pledge or a pledge in partnership."),
    )
    champion = models.BooleanField(
        _("champion pledge"), default=False, help_text=_("Made by a GCM Champion country or its partners.")
    )
    starts = models.DateField(_("starts"), null=True, blank=True, validators=[validate_plausible_date])
    due = models.DateField(_("due"), null=True, blank=True, validators=[validate_plausible_date])
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED)
    network_id = models.CharField(
        _("pledge ID of the UN Network on Migration"), max_length=32, blank=True, help_text=_("For example P-0123.")
    )
    network_url = models.URLField(_("page on the Migration Network Hub"), blank=True)
    matching = models.ManyToManyField("self", verbose_name=_("matching pledges"), blank=True, symmetrical=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    validated_at = models.DateTimeField(_("validated at"), null=True, blank=True)
    decline_reason = models.TextField(_("why it was declined"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords(m2m_fields=[objectives, partners])
    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["network_id"],
                condition=~models.Q(network_id=""),
                name="one_pledge_per_network_id",
                violation_error_message=_("A pledge with this ID of the UN Network on Migration is already recorded."),
            ),
            models.CheckConstraint(
                condition=models.Q(due__isnull=True)
                | models.Q(starts__isnull=True)
                | models.Q(due__gte=models.F("starts")),
                name="pledge_due_after_start",
                violation_error_message=_("A pledge cannot be due before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.network_id}: {self.title}" if self.network_id else self.title

    def get_absolute_url(self) -> str:
        return reverse("pledges:pledge-detail", args=[self.pk])

    @property
    def is_editable_by_reporters(self) -> bool:
        return self.status == self.Status.PROPOSED

    def validate(self, *, by) -> None:
        self._require(self.Status.PROPOSED, self.Status.DECLINED)
        self.status, self.validated_by, self.validated_at, self.decline_reason = (
            self.Status.VALIDATED,
            by,
            timezone.now(),
            "",
        )
        self.save()

    def decline(self, *, by, reason: str) -> None:
        self._require(self.Status.PROPOSED)
        if not reason.strip():
            raise ValidationError(_("Say why the pledge is declined: the organisation reads it."))
        self.status, self.decline_reason = self.Status.DECLINED, reason.strip()
        self.save()

    def _require(self, *statuses: str) -> None:
        if self.status not in statuses:
            raise ValidationError(
                _("A pledge that is %(status)s cannot be changed this way.")
                % {"status": self.get_status_display().lower()}
            )


def check_objectives(objectives) -> None:
    """A pledge names one to three objectives (the UN Network on Migration's form allows three)."""
    if not 1 <= len(objectives) <= MAX_OBJECTIVES:
        raise ValidationError(_("Choose one to three objectives."))

"""Written contributions from outside the call for inputs: civil society, the human rights institution,
migrants' associations and trade unions write to the review through a link the secretariat sends them.
They are kept apart from the Government's inputs, moderated, and cited only with consent."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from objectives.models import Objective
from reviews.models import ReviewCycle
from uncnm_portal.validators import validate_plausible_date


def new_token() -> str:
    return secrets.token_urlsafe(32)


class WrittenContributionQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "WrittenContributionQuerySet":
        return self.filter(cycle=cycle).select_related("organisation").order_by("-submitted_at", "-invited_at")


class WrittenContribution(models.Model):
    """One organisation's written contribution to a review, invited by the secretariat."""

    MAX_TEXT = 20_000

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Not taken up")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="written_contributions"
    )
    organisation = models.ForeignKey(
        "stakeholders.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("e-mail"))
    language = models.CharField(
        _("language of the invitation"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    open_until = models.DateField(
        _("open until"),
        validators=[validate_plausible_date],
        help_text=_("The link works until this day; empty: until the input window closes."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.INVITED)
    title = models.CharField(_("title"), max_length=300, blank=True)
    text = models.TextField(_("contribution"), blank=True, help_text=_("Markdown: **bold**, *italic*, lists, links."))
    objectives = models.ManyToManyField(Objective, verbose_name=_("objectives concerned"), blank=True, related_name="+")
    consent_to_cite = models.BooleanField(
        _("the review may cite this contribution and name our organisation"), default=False
    )
    consent_to_publish = models.BooleanField(
        _("the review may publish this contribution in full in its annex"), default=False
    )
    in_annex = models.BooleanField(_("printed in the annex"), default=False)
    moderation_note = models.TextField(_("note of the secretariat"), blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    invited_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    objects = WrittenContributionQuerySet.as_manager()

    class Meta:
        db_table = "reviews_writtencontribution"  # made in reviews, before the inputs became an app (issue 25)
        verbose_name = _("written contribution")
        verbose_name_plural = _("written contributions")
        ordering = ["cycle", "-invited_at"]

    def __str__(self) -> str:
        return self.title or f"{self.organisation} · {self.cycle}"

    def get_absolute_url(self) -> str:
        return reverse("inputs:contribution-detail", args=[self.pk])

    def public_path(self) -> str:
        return reverse("inputs:contribute", args=[self.token])

    @property
    def may_be_named(self) -> bool:
        """Taken up, and its authors agreed that the review cites it and names their organisation."""
        return self.status == self.Status.ACCEPTED and self.consent_to_cite

    @property
    def is_printed(self) -> bool:
        """Printed in full in the draft's annex: taken up for it, with its authors' consent to publication."""
        return self.status == self.Status.ACCEPTED and self.consent_to_publish and self.in_annex

    def is_open(self, on: datetime.date | None = None) -> bool:
        """The link takes text while the contribution is not submitted and the day is not past."""
        return self.status == self.Status.INVITED and (on or timezone.localdate()) <= self.open_until

    def submit(self) -> None:
        if not self.is_open():
            raise ValidationError(_("This contribution can no longer be changed."))
        if not self.text.strip():
            raise ValidationError(_("Write your contribution before sending it."))
        self.status, self.submitted_at = self.Status.SUBMITTED, timezone.now()
        self.save()

    def moderate(self, *, by, accept: bool, in_annex: bool, note: str = "") -> None:
        """The secretariat takes the contribution up (printed in the annex only with consent) or not."""
        if self.status not in (self.Status.SUBMITTED, self.Status.ACCEPTED, self.Status.DECLINED):
            raise ValidationError(_("Only a submitted contribution can be reviewed."))
        if in_annex and not (accept and self.consent_to_publish):
            raise ValidationError(_("Only an accepted contribution whose authors agreed to publication is printed."))
        self.status = self.Status.ACCEPTED if accept else self.Status.DECLINED
        self.in_annex, self.moderation_note = in_annex, note
        self.reviewed_by, self.reviewed_at = by, timezone.now()
        self.save()

"""Review cycles: the UNECE regional reviews and the International Migration Review Forums."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from uncnm_portal.validators import PLAUSIBLE_YEAR, validate_plausible_date

GCM_ENDORSED = datetime.date(2018, 12, 19)


class ReviewCycleQuerySet(models.QuerySet):
    def current(self) -> "ReviewCycle | None":
        """The earliest cycle still under way (neither submitted nor closed): the one people work on."""
        return (
            self.exclude(status__in=[ReviewCycle.Status.SUBMITTED, ReviewCycle.Status.CLOSED]).order_by("year").first()
        )

    def open_for_inputs(self, on: datetime.date | None = None) -> "ReviewCycleQuerySet":
        """Cycles whose input window includes the given day (today by default)."""
        day = on or timezone.localdate()
        return self.filter(input_opens__lte=day, input_closes__gte=day)


class ReviewCycle(models.Model):
    """One review of GCM implementation: a UNECE regional review or an IMRF."""

    class Level(models.TextChoices):
        REGIONAL = "regional", _("Regional (UNECE)")
        GLOBAL = "global", _("Global (IMRF)")

    class Status(models.TextChoices):
        PLANNING = "planning", _("Planning")
        COLLECTING = "collecting", _("Collecting inputs")
        DRAFTING = "drafting", _("Drafting")
        SUBMITTED = "submitted", _("Submitted")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=200, unique=True)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    forum = models.CharField(
        _("forum"), max_length=200, help_text=_("The meeting that holds the review, with its place.")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=PLAUSIBLE_YEAR)
    forum_starts = models.DateField(_("forum starts"), null=True, blank=True, validators=[validate_plausible_date])
    forum_ends = models.DateField(_("forum ends"), null=True, blank=True, validators=[validate_plausible_date])
    input_opens = models.DateField(_("input window opens"), validators=[validate_plausible_date])
    input_closes = models.DateField(_("input window closes"), validators=[validate_plausible_date])
    submission_deadline = models.DateField(
        _("submission deadline"),
        help_text=_("Date by which the voluntary national review is submitted."),
        validators=[validate_plausible_date],
    )
    data_cutoff = models.DateField(
        _("data cut-off"),
        null=True,
        blank=True,
        help_text=_("The review reports what happened up to this day. Empty: the submission deadline."),
        validators=[validate_plausible_date],
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNING)
    # The Government's process: a voluntary review is State-led; the network supports it.
    lead_organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("lead ministry or agency"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The State body that prepares the review; the draft names it as the author."),
    )
    coordination_mechanism = models.CharField(
        _("national coordination mechanism"),
        max_length=300,
        blank=True,
        help_text=_("For example, the inter-agency working group that prepares the review."),
    )
    mechanism_members = models.ManyToManyField(
        "stakeholders.Organisation",
        verbose_name=_("members of the coordination mechanism"),
        blank=True,
        related_name="+",
    )
    validating_body = models.CharField(
        _("validated by"),
        max_length=300,
        blank=True,
        help_text=_("Who validates the draft on behalf of the Government, for example the Council of Ministers."),
    )
    validation_due = models.DateField(
        _("validation due"),
        null=True,
        blank=True,
        help_text=_("The day the Government is to validate the draft."),
        validators=[validate_plausible_date],
    )
    word_template = models.FileField(
        _("Word template"),
        upload_to="word-templates/",
        blank=True,
        max_length=255,
        help_text=_("The Ministry's .docx or .dotx: page size, margins, styles, header, footer and emblem."),
    )
    emblem = models.FileField(
        _("emblem"),
        upload_to="emblems/",
        blank=True,
        max_length=255,
        help_text=_("A PNG or JPEG image for the cover of the drafts, for example the State emblem."),
    )
    notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("For the secretariat only: never printed in a draft.")
    )

    objects = ReviewCycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("review cycle")
        verbose_name_plural = _("review cycles")
        ordering = ["year", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "year"],
                name="one_cycle_per_level_and_year",
                violation_error_message=_("There is already a review cycle of this level in this year."),
            ),
            models.CheckConstraint(
                condition=Q(input_closes__gte=F("input_opens")),
                name="input_window_in_order",
                violation_error_message=_("The input window must close after it opens."),
            ),
            models.CheckConstraint(
                condition=Q(forum_ends__isnull=True)
                | Q(forum_starts__isnull=True)
                | Q(forum_ends__gte=F("forum_starts")),
                name="forum_dates_in_order",
                violation_error_message=_("The forum must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reviews:cycle-detail", args=[self.pk])

    def clean(self) -> None:
        errors = {}
        if self.input_closes and self.submission_deadline and self.submission_deadline < self.input_closes:
            errors["submission_deadline"] = _("The submission deadline cannot fall before the input window closes.")
        if self.forum_starts and self.year and self.forum_starts.year != self.year:
            errors["forum_starts"] = _("The forum must start in the year of the cycle.")
        elif self.forum_starts and self.submission_deadline and self.forum_starts < self.submission_deadline:
            errors["forum_starts"] = _("The forum cannot start before the submission deadline.")
        if self.data_cutoff and self.submission_deadline and self.data_cutoff > self.submission_deadline:
            errors["data_cutoff"] = _("The data cut-off cannot fall after the submission deadline.")
        if self.validation_due and self.submission_deadline and self.validation_due > self.submission_deadline:
            errors["validation_due"] = _("The Government must validate the draft before the submission deadline.")
        if errors:
            raise ValidationError(errors)

    def next_of_its_level(self) -> "ReviewCycle":
        """An unsaved cycle of the same level four years on, its dates moved with it: the form's starting point."""

        def later(day: datetime.date | None) -> datetime.date | None:
            if day is None:
                return None
            try:
                return day.replace(year=day.year + 4)
            except ValueError:  # 29 February into a year that has none (2100)
                return day.replace(year=day.year + 4, day=28)

        return ReviewCycle(
            level=self.level,
            forum=self.forum,
            year=self.year + 4,
            forum_starts=later(self.forum_starts),
            forum_ends=later(self.forum_ends),
            input_opens=later(self.input_opens),
            input_closes=later(self.input_closes),
            submission_deadline=later(self.submission_deadline),
            data_cutoff=later(self.data_cutoff),
            validation_due=later(self.validation_due),
            lead_organisation=self.lead_organisation,
            coordination_mechanism=self.coordination_mechanism,
            validating_body=self.validating_body,
        )

    def is_open_for_inputs(self, on: datetime.date | None = None) -> bool:
        day = on or timezone.localdate()
        return self.input_opens <= day <= self.input_closes

    @property
    def effective_cutoff(self) -> datetime.date:
        """The last day the review reports on: the data cut-off, or else the submission deadline."""
        return self.data_cutoff or self.submission_deadline

    def previous(self) -> "ReviewCycle | None":
        """The previous review of the same level: an IMRF follows the IMRF, a regional review the regional one."""
        return ReviewCycle.objects.filter(level=self.level, year__lt=self.year).order_by("-year").first()

    def reporting_period(self, previous: "ReviewCycle | None" = None) -> tuple[datetime.date, datetime.date]:
        """From the day after the previous review's cut-off (or the GCM's endorsement) to this one's cut-off."""
        previous = previous or self.previous()
        start = previous.effective_cutoff + datetime.timedelta(days=1) if previous else GCM_ENDORSED
        return start, self.effective_cutoff

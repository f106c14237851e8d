"""The national policy frame: laws, decrees, strategies, plans, agreements and institutions that serve the
GCM objectives, and the measures of national plans. Not tied to one review: each review reads the
instruments of its period, and the status of plan measures per cycle lives with the review (reviews app)."""

import datetime

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from objectives.models import Action, Objective
from uncnm_portal.validators import validate_plausible_date
from uncnm_portal.versioning import Versioned


class InstrumentQuerySet(models.QuerySet):
    def relevant_between(self, start: datetime.date, end: datetime.date) -> "InstrumentQuerySet":
        """Instruments a review of that period reports: adopted in it, or in force during it."""
        return self.filter(
            Q(adopted_on__range=(start, end))
            | Q(status=Instrument.Status.IN_FORCE, adopted_on__lte=end)
            | Q(status=Instrument.Status.IN_PREPARATION)
        )

    def with_related(self) -> "InstrumentQuerySet":
        return self.select_related("responsible").prefetch_related("objectives")


class Instrument(Versioned):
    """A law, decree, concept or strategy, action plan, agreement, ratification or institution."""

    class Kind(models.TextChoices):
        LAW = "law", _("Law")
        DECREE = "decree", _("Decree or resolution")
        STRATEGY = "strategy", _("Concept or strategy")
        ACTION_PLAN = "action_plan", _("Action plan or programme")
        BILATERAL = "bilateral", _("Bilateral agreement")
        MULTILATERAL = "multilateral", _("Multilateral agreement")
        RATIFICATION = "ratification", _("Ratification or accession")
        INSTITUTION = "institution", _("Institution or mechanism")

    class Status(models.TextChoices):
        IN_PREPARATION = "in_preparation", _("In preparation")
        IN_FORCE = "in_force", _("In force")
        EXPIRED = "expired", _("No longer in force")

    # How the draft groups the instruments in its policy section (heading, kinds).
    GROUPS = [
        (_("Laws and regulations"), [Kind.LAW, Kind.DECREE]),
        (_("Strategies, concepts and plans"), [Kind.STRATEGY, Kind.ACTION_PLAN]),
        (_("International cooperation"), [Kind.BILATERAL, Kind.MULTILATERAL, Kind.RATIFICATION]),
        (_("Institutions and mechanisms"), [Kind.INSTITUTION]),
    ]

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400)
    reference = models.CharField(
        _("reference"), max_length=100, blank=True, help_text=_("Its number, for example No. 225-Z.")
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True, validators=[validate_plausible_date])
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.IN_FORCE)
    summary = models.TextField(_("summary"), blank=True, help_text=_("What it does for migration; Markdown."))
    url = models.URLField(_("link"), blank=True)
    responsible = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("responsible body"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    objectives = models.ManyToManyField(
        Objective, verbose_name=_("objectives served"), blank=True, related_name="instruments"
    )
    actions = models.ManyToManyField(Action, verbose_name=_("actions served"), blank=True, related_name="instruments")

    objects = InstrumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("policy instrument")
        verbose_name_plural = _("policy instruments")
        ordering = ["kind", "-adopted_on", "title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("policies:instrument-detail", args=[self.pk])

    @property
    def has_measures(self) -> bool:
        return self.kind in (self.Kind.ACTION_PLAN, self.Kind.STRATEGY)


class PlanMeasure(models.Model):
    """One measure of a national plan (or of a concept's action plan), with its responsible body and deadline."""

    plan = models.ForeignKey(Instrument, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="measures")
    number = models.CharField(_("number"), max_length=16, help_text=_("As numbered in the plan, for example 2.3."))
    title = models.CharField(_("measure"), max_length=500)
    responsible = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("responsible body"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True, validators=[validate_plausible_date])
    objectives = models.ManyToManyField(Objective, verbose_name=_("objectives served"), blank=True, related_name="+")

    class Meta:
        verbose_name = _("plan measure")
        verbose_name_plural = _("plan measures")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="one_measure_per_number_in_a_plan",
                violation_error_message=_("The plan already has a measure with this number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

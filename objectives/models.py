"""The fixed frame of the Global Compact for Migration (A/RES/73/195).

The rows are reference data, loaded by the data migration 0002 from the facts
in docs/gcm.md; the secretariat may add summaries but the numbering is fixed.
"""

import datetime
import string

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from uncnm_portal.validators import PLAUSIBLE_YEAR, validate_plausible_date
from uncnm_portal.versioning import Versioned


class RoundTableQuerySet(models.QuerySet):
    def with_objectives(self) -> "RoundTableQuerySet":
        """Round tables with their objectives prefetched and their action total: two queries."""
        # Meta.ordering does not apply to aggregating queries: order explicitly.
        return (
            self.prefetch_related(Prefetch("objectives", queryset=Objective.objects.order_by("number")))
            .annotate(action_total=Count("objectives__actions"))
            .order_by("number")
        )


class RoundTable(models.Model):
    """An IMRF round table (A/RES/73/326), which reviews a cluster of objectives."""

    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    description = models.TextField(_("description"), blank=True)

    objects = RoundTableQuerySet.as_manager()

    class Meta:
        verbose_name = _("IMRF round table")
        verbose_name_plural = _("IMRF round tables")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=4), name="round_table_number_1_to_4"),
        ]

    def __str__(self) -> str:
        return str(_("Round table %(number)s") % {"number": self.number})


class GuidingPrinciple(models.Model):
    """One of the ten cross-cutting guiding principles of GCM paragraph 15 (a)-(j)."""

    letter = models.CharField(_("letter"), max_length=1, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    # Languages (codes, space-separated) whose texts here are the portal's working translation, not
    # the official UN text; `load_translations --official` clears them (objectives/translations_io.py).
    unofficial_languages = models.CharField(
        _("working translations"),
        max_length=32,
        blank=True,
        help_text=_("Languages whose text here is the portal's working translation, not the official UN text."),
    )

    class Meta:
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")
        ordering = ["letter"]

    def __str__(self) -> str:
        return f"({self.letter}) {self.name}"

    def is_working_translation(self, language: str) -> bool:
        """The text in this language is the portal's working translation, not the official UN text."""
        return language in self.unofficial_languages.split()


class ObjectiveQuerySet(models.QuerySet):
    def for_round_table(self, number: int) -> "ObjectiveQuerySet":
        return self.filter(round_table__number=number)

    def with_actions(self) -> "ObjectiveQuerySet":
        return self.prefetch_related(Prefetch("actions", queryset=Action.objects.order_by("letter")))


class Objective(models.Model):
    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(23)]
    )
    title = models.CharField(_("official title"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=100, unique=True)
    paragraph = models.PositiveSmallIntegerField(
        _("GCM paragraph"), unique=True, help_text=_("Paragraph of the GCM that holds the objective.")
    )
    action_count = models.PositiveSmallIntegerField(
        _("number of actions"), help_text=_("Number of lettered actions under the objective.")
    )
    round_table = models.ForeignKey(
        RoundTable, verbose_name=_("IMRF round table"), on_delete=models.PROTECT, related_name="objectives"
    )
    # Languages (codes, space-separated) whose texts here are the portal's working translation, not
    # the official UN text; `load_translations --official` clears them (objectives/translations_io.py).
    unofficial_languages = models.CharField(
        _("working translations"),
        max_length=32,
        blank=True,
        help_text=_("Languages whose text here is the portal's working translation, not the official UN text."),
    )

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(condition=Q(number__gte=1, number__lte=23), name="objective_number_1_to_23"),
            # Objective n is paragraph 16 + n of the GCM.
            models.CheckConstraint(condition=Q(paragraph=models.F("number") + 16), name="objective_paragraph"),
        ]

    def __str__(self) -> str:
        return str(_("Objective %(number)s: %(name)s") % {"number": self.number, "name": self.short_name})

    def get_absolute_url(self) -> str:
        return reverse("reviews:objective-detail", args=[self.number])

    def is_working_translation(self, language: str) -> bool:
        """The text in this language is the portal's working translation, not the official UN text."""
        return language in self.unofficial_languages.split()

    @property
    def action_codes(self) -> list[str]:
        """The codes of the objective's lettered actions, from its action count: 1(a), 1(b), ..."""
        return [f"{self.number}({letter})" for letter in string.ascii_lowercase[: self.action_count]]


class Action(models.Model):
    """A lettered action under an objective, such as 1(a)."""

    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="actions"
    )
    letter = models.CharField(_("letter"), max_length=1)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("A short summary of the action, entered by the secretariat.")
    )

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["objective__number", "letter"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "letter"], name="unique_action_letter"),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def code(self) -> str:
        return f"{self.objective.number}({self.letter})"


class SDGTarget(models.Model):
    """A target of the Sustainable Development Goals that GCM indicators refer to, such as 10.7."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    description = models.CharField(_("description"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.description}".strip()


class SDGAlignmentQuerySet(models.QuerySet):
    def with_related(self) -> "SDGAlignmentQuerySet":
        return self.select_related("objective", "sdg_target").prefetch_related("actions__objective")


class SDGAlignment(models.Model):
    """An objective serves an SDG target (the crosswalk). Verified links are those the GCM's text or the
    portal's GCM reference (docs/gcm.md) makes; the rest are proposed, for the secretariat to confirm."""

    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="sdg_alignments"
    )
    sdg_target = models.ForeignKey(
        SDGTarget, verbose_name=_("SDG target"), on_delete=models.CASCADE, related_name="alignments"
    )
    actions = models.ManyToManyField(
        Action, verbose_name=_("actions that serve it"), related_name="sdg_alignments", blank=True
    )
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Made by the GCM's text or its reference; otherwise proposed.")
    )
    basis = models.CharField(_("basis"), max_length=300, blank=True, help_text=_("Where the link comes from."))

    objects = SDGAlignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("SDG alignment")
        verbose_name_plural = _("SDG alignments")
        ordering = ["objective__number", "sdg_target__code"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "sdg_target"], name="one_alignment_per_objective_and_target")
        ]

    def __str__(self) -> str:
        return f"{self.objective.number} → {self.sdg_target.code}"


class IndicatorQuerySet(models.QuerySet):
    def for_objective(self, objective: Objective) -> "IndicatorQuerySet":
        return self.filter(objectives=objective)

    def with_related(self) -> "IndicatorQuerySet":
        return self.prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            "sdg_targets",
            Prefetch("observations", queryset=IndicatorObservation.objects.order_by("year", "disaggregation")),
        )

    def for_list(self) -> "IndicatorQuerySet":
        """What a list row shows: objectives, SDG targets and the latest observation (of every
        indicator's observations only the latest year's are read)."""
        latest_year = (
            IndicatorObservation.objects.filter(indicator=OuterRef("indicator")).order_by("-year").values("year")[:1]
        )
        latest = IndicatorObservation.objects.filter(year=Subquery(latest_year)).order_by("year", "disaggregation")
        return self.prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            "sdg_targets",
            Prefetch("observations", queryset=latest),
        )


class Indicator(Versioned):
    """A measure of progress: national, or from the Secretary-General's GCM indicator set."""

    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        SDG = "sdg", _("SDG indicator")
        GLOBAL = "global", _("Global (GCM indicator set)")

    code = models.CharField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices, default=Scope.NATIONAL)
    objectives = models.ManyToManyField(Objective, verbose_name=_("objectives"), related_name="indicators", blank=True)
    sdg_targets = models.ManyToManyField(
        SDGTarget, verbose_name=_("SDG targets"), related_name="indicators", blank=True
    )
    baseline_value = models.DecimalField(_("baseline"), max_digits=16, decimal_places=3, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True, validators=PLAUSIBLE_YEAR
    )
    target_value = models.DecimalField(_("target"), max_digits=16, decimal_places=3, null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True, validators=PLAUSIBLE_YEAR)
    notes = models.TextField(_("notes"), blank=True)

    # Its history is registered in objectives/translation.py, after its translated columns exist
    # (django-simple-history's way with django-modeltranslation): every language is recorded.
    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True) | Q(baseline_year__isnull=False),
                name="indicator_baseline_has_year",
                violation_error_message=_("Give the year of the baseline."),
            ),
            models.CheckConstraint(
                condition=Q(target_value__isnull=True) | Q(target_year__isnull=False),
                name="indicator_target_has_year",
                violation_error_message=_("Give the year of the target."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("objectives:indicator-detail", args=[self.pk])

    @property
    def latest_observation(self) -> "IndicatorObservation | None":
        """The most recent observation (uses prefetched observations when present)."""
        observations = list(self.observations.all())
        return max(observations, key=lambda o: o.year) if observations else None


class IndicatorObservation(models.Model):
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="observations"
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=PLAUSIBLE_YEAR)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=3)
    disaggregation = models.CharField(
        _("disaggregation"), max_length=200, blank=True, help_text=_("For example: women, 15-24 years.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "year", "disaggregation"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "disaggregation"],
                name="one_observation_per_indicator_year",
                violation_error_message=_("This indicator already has a value for that year and disaggregation."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"


class ActivityQuerySet(models.QuerySet):
    def with_related(self) -> "ActivityQuerySet":
        return self.select_related("lead_organisation").prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number")),
            "partners",
            Prefetch("actions", queryset=Action.objects.select_related("objective")),
        )

    def for_list(self) -> "ActivityQuerySet":
        """What a list row shows (lead organisation, objectives): partners and actions are left unread."""
        return self.select_related("lead_organisation").prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("number"))
        )

    def active_between(self, start: datetime.date, end: datetime.date) -> "ActivityQuerySet":
        """Activities whose period overlaps [start, end]; an open end means still running."""
        return self.exclude(status=Activity.Status.CANCELLED).filter(
            Q(start_date__lte=end) & (Q(end_date__isnull=True) | Q(end_date__gte=start))
        )


class Activity(Versioned):
    """A project or initiative of a network member or partner that supports GCM objectives."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Currency(models.TextChoices):
        USD = "USD", "USD"
        EUR = "EUR", "EUR"
        BYN = "BYN", "BYN"
        CHF = "CHF", "CHF"
        GBP = "GBP", "GBP"
        RUB = "RUB", "RUB"

    title = models.CharField(_("title"), max_length=255)
    lead_organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        related_name="led_activities",
    )
    partners = models.ManyToManyField(
        "stakeholders.Organisation", verbose_name=_("partners"), related_name="partner_activities", blank=True
    )
    objectives = models.ManyToManyField(Objective, verbose_name=_("objectives supported"), related_name="activities")
    actions = models.ManyToManyField(Action, verbose_name=_("actions supported"), related_name="activities", blank=True)
    start_date = models.DateField(_("start date"), validators=[validate_plausible_date])
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_plausible_date])
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.ONGOING)
    budget = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    link = models.URLField(_("link"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    # history: registered in objectives/translation.py, after the title and description are translated
    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-start_date", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="activity_ends_after_start",
                violation_error_message=_("The activity must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | ~Q(currency=""),
                name="activity_budget_has_currency",
                violation_error_message=_("Give the currency of the budget."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("objectives:activity-detail", args=[self.pk])

"""The fixed frame of the Global Compact for Migration (A/RES/73/195).

The rows are reference data, loaded by the data migration 0002 from the facts
in docs/gcm.md; the secretariat may add summaries but the numbering is fixed.
"""

import string

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        verbose_name = _("guiding principle")
        verbose_name_plural = _("guiding principles")
        ordering = ["letter"]

    def __str__(self) -> str:
        return f"({self.letter}) {self.name}"


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
        return reverse("objectives:objective-detail", args=[self.number])

    @property
    def action_codes(self) -> list[str]:
        """The codes of the objective's lettered actions, from its action count: 1(a), 1(b), ..."""
        return [f"{self.number}({letter})" for letter in string.ascii_lowercase[: self.action_count]]


class ActionQuerySet(models.QuerySet):
    def for_objective(self, objective: Objective) -> "ActionQuerySet":
        return self.filter(objective=objective)

    def with_summary(self) -> "ActionQuerySet":
        return self.exclude(summary="")


class Action(models.Model):
    """A lettered action under an objective, such as 1(a)."""

    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.CASCADE, related_name="actions"
    )
    letter = models.CharField(_("letter"), max_length=1)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("A short summary of the action, entered by the secretariat.")
    )

    objects = ActionQuerySet.as_manager()

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

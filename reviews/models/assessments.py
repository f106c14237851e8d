"""The secretariat's assessments: a status per objective and per lettered action in each cycle, and the gaps."""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from objectives.models import Action, Activity, GuidingPrinciple, Objective
from uncnm_portal.versioning import Versioned

from .cycles import ReviewCycle


class ProgressStatus(models.TextChoices):
    """The fixed scale on which the secretariat rates each objective in a cycle."""

    NOT_ASSESSED = "not_assessed", _("Not assessed")
    EARLY = "early", _("Early stage")
    IN_PROGRESS = "in_progress", _("In progress")
    ADVANCED = "advanced", _("Advanced")
    ACHIEVED = "achieved", _("Achieved")

    @classmethod
    def rank(cls, value: str) -> int:
        return list(cls.values).index(value)

    @classmethod
    def legend(cls) -> list[tuple[str, str]]:
        return [(value, label) for value, label in cls.choices]


class Trend(models.TextChoices):
    IMPROVED = "improved", _("Improved")
    UNCHANGED = "unchanged", _("Unchanged")
    DECLINED = "declined", _("Declined")
    NEW = "new", _("No earlier assessment")
    NONE = "none", _("Not assessed")

    @classmethod
    def between(cls, previous: str | None, current: str) -> "Trend":
        """The trend from the previous cycle's status to this one's."""
        if current == ProgressStatus.NOT_ASSESSED:
            return cls.NONE
        if previous in (None, ProgressStatus.NOT_ASSESSED):
            return cls.NEW
        delta = ProgressStatus.rank(current) - ProgressStatus.rank(previous)
        return cls.IMPROVED if delta > 0 else cls.DECLINED if delta < 0 else cls.UNCHANGED


class ObjectiveAssessmentQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "ObjectiveAssessmentQuerySet":
        return self.filter(cycle=cycle)


class ObjectiveAssessment(Versioned):
    """The secretariat's assessment of Belarus's progress on one objective in one review cycle."""

    NARRATIVE_FIELDS = ("achievements", "policy_changes", "challenges", "good_practices", "next_steps")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="assessments"
    )
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(
        _("progress status"), max_length=16, choices=ProgressStatus, default=ProgressStatus.NOT_ASSESSED
    )
    achievements = models.TextField(_("key achievements"), blank=True)
    policy_changes = models.TextField(_("policy and legislative changes"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    good_practices = models.TextField(_("good practices"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    source_language = models.CharField(
        _("language of the texts"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the narratives are written in; the other languages are their translations."),
    )
    not_prioritised = models.BooleanField(
        _("not prioritised in this review"),
        default=False,
        help_text=_("The Government reports on this objective another time; the draft says so instead of a gap."),
    )
    narratives_public = models.BooleanField(
        _("narratives may be published"),
        default=False,
        help_text=_("When the cycle is published with its narratives, these texts appear on the public pages."),
    )
    principles = models.ManyToManyField(
        GuidingPrinciple, verbose_name=_("guiding principles addressed"), related_name="assessments", blank=True
    )
    lead_organisations = models.ManyToManyField(
        "stakeholders.Organisation", verbose_name=_("lead organisations"), related_name="led_assessments", blank=True
    )
    contributing_organisations = models.ManyToManyField(
        "stakeholders.Organisation",
        verbose_name=_("contributing organisations"),
        related_name="contributed_assessments",
        blank=True,
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    history = HistoricalRecords(m2m_fields=[principles, lead_organisations, contributing_organisations])
    objects = ObjectiveAssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("objective assessment")
        verbose_name_plural = _("objective assessments")
        ordering = ["cycle__year", "objective__number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "objective"], name="one_assessment_per_cycle_and_objective"),
        ]

    def __str__(self) -> str:
        return f"{self.objective} · {self.cycle}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:assessment-detail", args=[self.objective.number, self.cycle_id])

    @property
    def is_empty(self) -> bool:
        """Nothing recorded yet: no status, no text, no principles, no organisations."""
        if self.status != ProgressStatus.NOT_ASSESSED or any(getattr(self, f).strip() for f in self.NARRATIVE_FIELDS):
            return False
        if self.pk is None:
            return True
        return not (
            self.principles.exists() or self.lead_organisations.exists() or self.contributing_organisations.exists()
        )

    def previous(self) -> "ObjectiveAssessment | None":
        previous_cycle = self.cycle.previous()
        if previous_cycle is None:
            return None
        return ObjectiveAssessment.objects.filter(cycle=previous_cycle, objective=self.objective_id).first()

    def trend(self, previous: "ObjectiveAssessment | None" = None) -> Trend:
        previous = previous if previous is not None else self.previous()
        return Trend.between(previous.status if previous else None, self.status)

    @transaction.atomic
    def save_edits(self, *, expected_version: int, by, m2m: dict | None = None) -> None:
        """Save the edited fields (and many-to-many values) unless someone saved in between."""
        self.claim_version(expected_version)
        self.updated_by = by
        self.save()
        for name, values in (m2m or {}).items():
            getattr(self, name).set(values)

    @transaction.atomic
    def copy_from(self, source: "ObjectiveAssessment", *, by) -> None:
        """Start this (empty) assessment from another cycle's: status, texts, principles, organisations."""
        self.claim_version(self.version)
        self.status = source.status
        for name in self.NARRATIVE_FIELDS:
            setattr(self, name, getattr(source, name))
        self.updated_by = by
        self.save()
        self.principles.set(source.principles.all())
        self.lead_organisations.set(source.lead_organisations.all())
        self.contributing_organisations.set(source.contributing_organisations.all())


class ActionProgress(models.Model):
    """What was reported on one lettered action in one review cycle."""

    class Status(models.TextChoices):
        NONE = "none", _("No activity reported")
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

        @classmethod
        def reported(cls) -> list[str]:
            return [cls.PLANNED, cls.ONGOING, cls.COMPLETED]

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="action_progress"
    )
    action = models.ForeignKey(Action, verbose_name=_("action"), on_delete=models.PROTECT, related_name="progress")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NONE)
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    # history: registered in reviews/translation.py, after the note is translated

    class Meta:
        verbose_name = _("action status")
        verbose_name_plural = _("action statuses")
        ordering = ["cycle__year", "action__objective__number", "action__letter"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "action"], name="one_status_per_cycle_and_action"),
        ]

    def __str__(self) -> str:
        return f"{self.action.code} · {self.cycle}: {self.get_status_display()}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:assessment-detail", args=[self.action.objective.number, self.cycle_id])

    @property
    def is_reported(self) -> bool:
        """Something was reported: planned, ongoing or completed."""
        return self.status in self.Status.reported()


def gap_actions(cycle: ReviewCycle) -> "models.QuerySet[Action]":
    """The lettered actions with no reported activity in the cycle: the portal's gap view."""
    start, end = cycle.reporting_period()
    reported = ActionProgress.objects.filter(
        cycle=cycle, action=OuterRef("pk"), status__in=ActionProgress.Status.reported()
    )
    supported = Activity.actions.through.objects.filter(
        action=OuterRef("pk"), activity__in=Activity.objects.active_between(start, end)
    )
    return (
        Action.objects.select_related("objective__round_table")
        .filter(~Exists(reported), ~Exists(supported))
        .order_by("objective__number", "letter")
    )


def status_timeline(
    cycles: list[ReviewCycle], statuses: dict[int, str]
) -> list[tuple[ReviewCycle, ProgressStatus, Trend]]:
    """An objective's (cycle, status, trend) in each cycle (in order of year); each trend is against
    the previous cycle of the same level, as in the reviews themselves."""
    timeline, previous = [], {}
    for cycle in cycles:
        status = statuses.get(cycle.pk, ProgressStatus.NOT_ASSESSED)
        timeline.append((cycle, ProgressStatus(status), Trend.between(previous.get(cycle.level), status)))
        previous[cycle.level] = status
    return timeline

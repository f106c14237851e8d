import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from objectives.models import Action, Activity, GuidingPrinciple, Objective

from .permissions import assignments_visible_to, inputs_visible_to

# The day the General Assembly endorsed the GCM: the start of the first reporting period.
GCM_ENDORSED = datetime.date(2018, 12, 19)


class ReviewCycleQuerySet(models.QuerySet):
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
    year = models.PositiveSmallIntegerField(_("year"))
    forum_starts = models.DateField(_("forum starts"), null=True, blank=True)
    forum_ends = models.DateField(_("forum ends"), null=True, blank=True)
    input_opens = models.DateField(_("input window opens"))
    input_closes = models.DateField(_("input window closes"))
    submission_deadline = models.DateField(
        _("submission deadline"), help_text=_("Date by which the voluntary national review is submitted.")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PLANNING)
    notes = models.TextField(_("notes"), blank=True)

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
        if errors:
            raise ValidationError(errors)

    def is_open_for_inputs(self, on: datetime.date | None = None) -> bool:
        day = on or timezone.localdate()
        return self.input_opens <= day <= self.input_closes

    @property
    def closing_date(self) -> datetime.date:
        """The day the cycle's review takes place (or, failing that, its deadline)."""
        return self.forum_ends or self.forum_starts or self.submission_deadline

    def previous(self) -> "ReviewCycle | None":
        """The cycle reviewed just before this one, of either level."""
        return ReviewCycle.objects.filter(year__lt=self.year).order_by("-year").first()

    def reporting_period(self, previous: "ReviewCycle | None" = None) -> tuple[datetime.date, datetime.date]:
        """From the day after the previous review (or the GCM's endorsement) to this review."""
        previous = previous or self.previous()
        start = previous.closing_date + datetime.timedelta(days=1) if previous else GCM_ENDORSED
        return start, self.closing_date

    def gap_actions(self):
        """The lettered actions with no reported activity in this cycle: the portal's gap view."""
        start, end = self.reporting_period()
        reported = ActionProgress.objects.filter(
            cycle=self, action=OuterRef("pk"), status__in=ActionProgress.Status.reported()
        )
        supported = Activity.actions.through.objects.filter(
            action=OuterRef("pk"), activity__in=Activity.objects.active_between(start, end)
        )
        return (
            Action.objects.select_related("objective__round_table")
            .filter(~Exists(reported), ~Exists(supported))
            .order_by("objective__number", "letter")
        )


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


class EditConflict(Exception):
    """Someone saved the record after the editor loaded it."""

    def __init__(self, current):
        super().__init__("edit conflict")
        self.current = current


class ObjectiveAssessmentQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "ObjectiveAssessmentQuerySet":
        return self.filter(cycle=cycle)


class ObjectiveAssessment(models.Model):
    """The secretariat's assessment of Belarus's progress on one objective in one review cycle."""

    NARRATIVE_FIELDS = ("achievements", "policy_changes", "challenges", "good_practices", "next_steps")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="assessments"
    )
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(
        _("progress status"), max_length=16, choices=ProgressStatus.choices, default=ProgressStatus.NOT_ASSESSED
    )
    achievements = models.TextField(_("key achievements"), blank=True)
    policy_changes = models.TextField(_("policy and legislative changes"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    good_practices = models.TextField(_("good practices"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
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
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
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

    def claim_version(self, expected_version: int) -> None:
        """Move the row to the next version if it is still at expected_version, else raise EditConflict.

        A conditional UPDATE is atomic on every database: of two concurrent saves
        made on top of the same version, exactly one moves it on.
        """
        claimed = ObjectiveAssessment.objects.filter(pk=self.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if not claimed:
            raise EditConflict(ObjectiveAssessment.objects.get(pk=self.pk))
        self.version = expected_version + 1

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

    history = HistoricalRecords()

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


class ReportSectionQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "ReportSectionQuerySet":
        return self.filter(cycle=cycle).order_by("position", "pk")


class ReportSection(models.Model):
    """One section of a cycle's voluntary review outline; the secretariat reorders, renames and adds them."""

    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening statement and highlights")
        INTRODUCTION = "introduction", _("Introduction")
        METHODOLOGY = "methodology", _("Methodology and process of preparing the review")
        POLICY = "policy", _("Policy and enabling environment")
        PROGRESS = "progress", _("Progress on the GCM objectives")
        MEANS = "means", _("Means of implementation")
        NEXT_STEPS = "next_steps", _("Next steps and conclusion")
        ANNEXES = "annexes", _("Annexes")
        CUSTOM = "custom", _("Free text")

    # The default outline (docs/gcm.md, "Suggested outline of a voluntary GCM review").
    DEFAULT_OUTLINE = [
        Kind.OPENING, Kind.INTRODUCTION, Kind.METHODOLOGY, Kind.POLICY, Kind.PROGRESS, Kind.MEANS,
        Kind.NEXT_STEPS, Kind.ANNEXES,
    ]  # fmt: skip

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="sections"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.CUSTOM)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty for the standard title, in the draft's language."),
    )
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_("Markdown. Shown at the start of the section, before what the portal assembles."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    enabled = models.BooleanField(_("included"), default=True)

    objects = ReportSectionQuerySet.as_manager()

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["cycle", "position", "pk"]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or str(self.get_kind_display())

    def clean(self) -> None:
        if self.kind == self.Kind.CUSTOM and not self.title:
            raise ValidationError({"title": _("A free-text section needs a title.")})

    @classmethod
    def ensure_outline(cls, cycle: ReviewCycle) -> list["ReportSection"]:
        """The cycle's outline, creating the default one the first time it is needed."""
        sections = list(cls.objects.for_cycle(cycle))
        if not sections:
            cls.objects.bulk_create(
                cls(cycle=cycle, kind=kind, position=(i + 1) * 10) for i, kind in enumerate(cls.DEFAULT_OUTLINE)
            )
            sections = list(cls.objects.for_cycle(cycle))
        return sections


class ExportJobQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "ExportJobQuerySet":
        return self.filter(cycle=cycle).select_related("requested_by").order_by("-requested_at")

    def stuck(self, *, older_than: datetime.timedelta) -> "ExportJobQuerySet":
        """Jobs no worker is working on: running without a heartbeat, or queued, for longer than older_than."""
        since = timezone.now() - older_than
        return self.filter(
            Q(status=ExportJob.Status.RUNNING, heartbeat_at__lt=since)
            | Q(status=ExportJob.Status.QUEUED, heartbeat_at__isnull=True, requested_at__lt=since)
            | Q(status=ExportJob.Status.QUEUED, heartbeat_at__lt=since)
        )


class ExportJob(models.Model):
    """A request to assemble a cycle's voluntary review draft as PDF and DOCX, run by a Celery worker."""

    MAX_ATTEMPTS = 3

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Stage(models.TextChoices):
        WAITING = "waiting", _("Waiting for a worker")
        COLLECTING = "collecting", _("Collecting data")
        RENDERING_HTML = "rendering_html", _("Rendering HTML")
        RENDERING_PDF = "rendering_pdf", _("Rendering PDF")
        SAVING = "saving", _("Saving")
        FINISHED = "finished", _("Finished")

    class Language(models.TextChoices):
        EN = "en", _("English")
        RU = "ru", _("Russian")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="exports"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=8, choices=Language.choices, default=Language.EN)
    objectives = models.ManyToManyField(
        Objective, verbose_name=_("objectives"), blank=True, help_text=_("Leave empty for all 23 objectives.")
    )
    include_annexes = models.BooleanField(_("include the annexes"), default=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    stage = models.CharField(_("stage"), max_length=16, choices=Stage.choices, default=Stage.WAITING)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="exports/", blank=True, max_length=255)
    docx = models.FileField(_("DOCX"), upload_to="exports/", blank=True, max_length=255)
    pdf_size = models.PositiveIntegerField(_("PDF size (bytes)"), null=True, blank=True)
    pdf_pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    docx_size = models.PositiveIntegerField(_("DOCX size (bytes)"), null=True, blank=True)
    docx_sha256 = models.CharField(_("DOCX SHA-256"), max_length=64, blank=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} · {self.requested_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:export-detail", args=[self.pk])

    @property
    def requester_name(self) -> str:
        user = self.requested_by
        return (user.get_full_name() or user.username) if user else "–"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @classmethod
    def claim(cls, pk: int, *, stale_after: datetime.timedelta) -> "ExportJob | None":
        """Take the job for this worker with a conditional UPDATE; None when another worker has it or it is over.

        A queued job is claimable; so is a running one whose heartbeat is older
        than stale_after (its worker died). Each claim counts as an attempt.
        """
        now = timezone.now()
        claimable = Q(status=cls.Status.QUEUED) | Q(status=cls.Status.RUNNING, heartbeat_at__lt=now - stale_after)
        claimed = cls.objects.filter(claimable, pk=pk, attempts__lt=cls.MAX_ATTEMPTS).update(
            status=cls.Status.RUNNING,
            stage=cls.Stage.COLLECTING,
            progress=0,
            attempts=F("attempts") + 1,
            started_at=now,
            heartbeat_at=now,
            error="",
        )
        if not claimed:
            cls.objects.filter(claimable, pk=pk, attempts__gte=cls.MAX_ATTEMPTS).update(
                status=cls.Status.FAILED,
                finished_at=now,
                error=_("The export was stopped after %(n)s attempts.") % {"n": cls.MAX_ATTEMPTS},
            )
            return None
        return cls.objects.get(pk=pk)

    def report(self, stage: str, progress: int) -> None:
        """Record the stage reached and beat the heart, so the job page and the sweeper see the worker alive."""
        self.stage, self.progress, self.heartbeat_at = stage, progress, timezone.now()
        ExportJob.objects.filter(pk=self.pk, status=self.Status.RUNNING).update(
            stage=stage, progress=progress, heartbeat_at=self.heartbeat_at
        )

    def fail_attempt(self, reason: str) -> bool:
        """Record a failed attempt; True when the job may be tried again, False when it is now failed."""
        retry = self.attempts < self.MAX_ATTEMPTS
        ExportJob.objects.filter(pk=self.pk).update(
            status=self.Status.QUEUED if retry else self.Status.FAILED,
            stage=self.Stage.WAITING,
            error=reason,
            finished_at=None if retry else timezone.now(),
        )
        return retry

    def requeue(self) -> None:
        """Put a failed job back in the queue for a fresh set of attempts."""
        ExportJob.objects.filter(pk=self.pk, status=self.Status.FAILED).update(
            status=self.Status.QUEUED, stage=self.Stage.WAITING, progress=0, attempts=0, error="", finished_at=None
        )


class AssignmentQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "AssignmentQuerySet":
        return self.filter(cycle=cycle)

    def visible_to(self, user) -> "AssignmentQuerySet":
        return assignments_visible_to(user, self)


class Assignment(models.Model):
    """A call for inputs: an organisation is asked to report on one objective for one cycle."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        CONTRIBUTING = "contributing", _("Contributing")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="assignments"
    )
    objective = models.ForeignKey(
        Objective, verbose_name=_("objective"), on_delete=models.PROTECT, related_name="assignments"
    )
    organisation = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="assignments",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.LEAD)
    focal_point = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("focal point"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="assignments",
    )  # fmt: skip
    deadline = models.DateField(_("deadline"))
    extended_deadline = models.DateField(
        _("extended deadline"), null=True, blank=True, help_text=_("Set to accept a submission after the deadline.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["cycle", "objective__number", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "objective", "organisation"],
                name="one_assignment_per_objective_and_organisation",
                violation_error_message=_("This organisation is already asked for this objective in this cycle."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.objective} · {self.organisation.display_name} · {self.cycle}"

    @property
    def effective_deadline(self) -> datetime.date:
        return self.extended_deadline or self.deadline

    def is_overdue(self, on: datetime.date | None = None) -> bool:
        return (on or timezone.localdate()) > self.effective_deadline

    def reminder_due(self, on: datetime.date | None = None) -> "Reminder.Kind | None":
        """The reminder the ladder calls for on that day: a week before, a day before, overdue; or none."""
        days_left = (self.effective_deadline - (on or timezone.localdate())).days
        if days_left < 0:
            return Reminder.Kind.OVERDUE
        if days_left <= 1:
            return Reminder.Kind.DAY_BEFORE
        if days_left <= 7:
            return Reminder.Kind.WEEK_BEFORE
        return None


class InputQuerySet(models.QuerySet):
    def visible_to(self, user) -> "InputQuerySet":
        return inputs_visible_to(user, self)

    def accepted(self) -> "InputQuerySet":
        return self.filter(status=Input.Status.ACCEPTED)


class Input(models.Model):
    """What an organisation reports on its assignment: drafted, submitted, then accepted or returned."""

    TEXT_FIELDS = ("measures", "results", "challenges", "good_practices", "data_sources")
    MAX_TEXT = 10_000

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("status of an input", "Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for changes")
        ACCEPTED = "accepted", _("Accepted")

    assignment = models.OneToOneField(
        Assignment, verbose_name=_("assignment"), on_delete=models.CASCADE, related_name="input"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    measures = models.TextField(_("measures taken"), blank=True)
    results = models.TextField(_("results"), blank=True)
    challenges = models.TextField(_("challenges"), blank=True)
    good_practices = models.TextField(_("good practices"), blank=True)
    data_sources = models.TextField(_("data and sources"), blank=True)
    actions = models.ManyToManyField(Action, verbose_name=_("actions concerned"), blank=True, related_name="inputs")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    return_comment = models.TextField(_("comment of the secretariat"), blank=True)

    history = HistoricalRecords(m2m_fields=[actions])
    objects = InputQuerySet.as_manager()

    class Meta:
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        ordering = ["assignment__cycle", "assignment__objective__number"]

    def __str__(self) -> str:
        return str(self.assignment)

    def get_absolute_url(self) -> str:
        return reverse("reviews:input-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name in self.TEXT_FIELDS)

    def submit(self, *, by, on: datetime.date | None = None) -> None:
        """Hand the input to the secretariat; refused after the (extended) deadline or when empty."""
        if not self.is_editable:
            raise ValidationError(_("This input was already submitted."))
        if self.assignment.is_overdue(on):
            raise ValidationError(
                _("The deadline (%(date)s) has passed; ask the secretariat to extend it.")
                % {"date": self.assignment.effective_deadline}
            )
        if self.is_empty:
            raise ValidationError(_("Write at least one section before submitting."))
        self.status, self.submitted_at, self.submitted_by = self.Status.SUBMITTED, timezone.now(), by
        self.save()

    def accept(self, *, by) -> None:
        """The secretariat accepts the input; it then appears beside the assessment editor."""
        if self.status != self.Status.SUBMITTED:
            raise ValidationError(_("Only a submitted input can be accepted."))
        self.status, self.reviewed_at, self.reviewed_by, self.return_comment = (
            self.Status.ACCEPTED,
            timezone.now(),
            by,
            "",
        )
        self.save()

    def return_to_sender(self, *, by, comment: str) -> None:
        """The secretariat sends the input back with a comment; the focal point can edit it again."""
        if self.status != self.Status.SUBMITTED:
            raise ValidationError(_("Only a submitted input can be returned."))
        if not comment.strip():
            raise ValidationError(_("Say what should change."))
        self.status, self.reviewed_at, self.reviewed_by, self.return_comment = (
            self.Status.RETURNED,
            timezone.now(),
            by,
            comment,
        )
        self.save()


def evidence_path(instance: "Evidence", filename: str) -> str:
    """Stored under a generated name; the name the user gave is kept in a field, never in the path."""
    return f"evidence/{instance.input_id}/{uuid.uuid4().hex}.{instance.extension}"


class Evidence(models.Model):
    """A file attached to an input: checked by content, stored outside the static root, served through a view."""

    input = models.ForeignKey(Input, verbose_name=_("input"), on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    extension = models.CharField(_("type"), max_length=8)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class Reminder(models.Model):
    """A deadline reminder that was sent; the unique constraint makes each one go out once."""

    class Kind(models.TextChoices):
        WEEK_BEFORE = "7d", _("7 days before the deadline")
        DAY_BEFORE = "1d", _("1 day before the deadline")
        OVERDUE = "overdue", _("Overdue")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    deadline = models.DateField(_("deadline"), help_text=_("The deadline the reminder was about."))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "deadline"], name="one_reminder_per_kind_and_deadline"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.get_kind_display()}"

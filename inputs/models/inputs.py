"""Calls for inputs: assignments, the inputs organisations write on them, their evidence and reminders."""

import datetime
import hashlib
import os
import uuid
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from objectives.models import Action, Objective
from reviews.models import ReviewCycle, narrative_in
from stakeholders.models import Role
from stakeholders.permissions import has_any_role, reporting_organisation_id
from uncnm_portal.validators import validate_plausible_date
from uncnm_portal.versioning import Versioned


def _visible(queryset: models.QuerySet, user, *, organisation: str, accepted: Q) -> models.QuerySet:
    """One visibility rule for assignments and inputs: the secretariat sees everything, reporters their
    organisation's rows (agency staff also the accepted ones, as observers do), observers the accepted
    ones only, everyone else nothing."""
    if has_any_role(user, Role.SECRETARIAT):
        return queryset
    organisation_id = reporting_organisation_id(user)
    if organisation_id:
        own = Q(**{organisation: organisation_id})
        return queryset.filter(own | accepted if has_any_role(user, Role.AGENCY_STAFF) else own)
    if has_any_role(user, Role.OBSERVER):
        return queryset.filter(accepted)
    return queryset.none()


class AssignmentQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "AssignmentQuerySet":
        return self.filter(cycle=cycle)

    def visible_to(self, user) -> "AssignmentQuerySet":
        return _visible(self, user, organisation="organisation_id", accepted=Q(input__status=Input.Status.ACCEPTED))

    def open_requests(self) -> "AssignmentQuerySet":
        """Requests whose input is still to be written (a draft or returned), by effective deadline."""
        return (
            self.filter(input__status__in=[Input.Status.DRAFT, Input.Status.RETURNED])
            .annotate(due=Coalesce("extended_deadline", "deadline"))
            .select_related("cycle", "objective", "organisation", "input")
            .order_by("due", "objective__number")
        )

    def overdue(self, on: datetime.date | None = None) -> "AssignmentQuerySet":
        return self.open_requests().filter(due__lt=on or timezone.localdate())


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
        settings.AUTH_USER_MODEL,
        verbose_name=_("focal point"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
    )
    deadline = models.DateField(_("deadline"), validators=[validate_plausible_date])
    extended_deadline = models.DateField(
        _("extended deadline"),
        null=True,
        blank=True,
        help_text=_("Set to accept a submission after the deadline."),
        validators=[validate_plausible_date],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        db_table = "reviews_assignment"  # made in reviews, before the inputs became an app (issue 25)
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
        return _visible(
            self, user, organisation="assignment__organisation_id", accepted=Q(status=Input.Status.ACCEPTED)
        )

    def accepted(self) -> "InputQuerySet":
        return self.filter(status=Input.Status.ACCEPTED)

    def waiting_for_review(self) -> "InputQuerySet":
        """Submitted inputs the secretariat has not accepted or returned yet, oldest first."""
        return (
            self.filter(status=Input.Status.SUBMITTED)
            .select_related("assignment__cycle", "assignment__objective", "assignment__organisation")
            .order_by("submitted_at")
        )


class Input(Versioned):
    """What an organisation reports on its assignment: drafted, submitted, then accepted or returned."""

    TEXT_FIELDS = ("measures", "results", "challenges", "good_practices", "data_sources")
    MAX_TEXT = 10_000

    class DraftUse(models.TextChoices):
        QUOTE = "quote", _("Quoted in the chapter")
        ANNEX = "annex", _("In the annex only")
        OMIT = "omit", _("Left out")

    # What the draft does with each part of an accepted input unless the secretariat decides otherwise:
    # the State's own account is quoted under its objective; the list of sources goes to the annex.
    DEFAULT_DRAFT_USE = {
        "measures": DraftUse.QUOTE,
        "results": DraftUse.QUOTE,
        "challenges": DraftUse.QUOTE,
        "good_practices": DraftUse.QUOTE,
        "data_sources": DraftUse.ANNEX,
    }

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
    source_language = models.CharField(
        _("language of the texts"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the texts are written in; translations into the others may be added."),
    )
    actions = models.ManyToManyField(Action, verbose_name=_("actions concerned"), blank=True, related_name="inputs")
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    return_comment = models.TextField(_("comment of the secretariat"), blank=True)
    draft_use = models.JSONField(
        _("use in the draft"),
        default=dict,
        blank=True,
        help_text=_("Per part of the input: quoted in the chapter, in the annex only, or left out."),
    )

    history = HistoricalRecords(m2m_fields=[actions], table_name="reviews_historicalinput")
    objects = InputQuerySet.as_manager()

    class Meta:
        db_table = "reviews_input"  # made in reviews, before the inputs became an app (issue 25)
        verbose_name = _("input")
        verbose_name_plural = _("inputs")
        ordering = ["assignment__cycle", "assignment__objective__number"]

    def __str__(self) -> str:
        return str(self.assignment)

    def get_absolute_url(self) -> str:
        return reverse("inputs:input-detail", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name).strip() for name in self.TEXT_FIELDS)

    def use_of(self, name: str) -> "Input.DraftUse":
        """How the draft uses one part of the input: the secretariat's choice, else the default."""
        try:
            return self.DraftUse(self.draft_use.get(name, self.DEFAULT_DRAFT_USE[name]))
        except (ValueError, AttributeError):
            return self.DraftUse(self.DEFAULT_DRAFT_USE[name])

    def parts(self, language: str = "") -> list["InputPart"]:
        """Every part of the input with its label and how the draft uses it (also the empty ones); in
        `language`, its translation where the author added one (from the prefetched `translations`)."""
        return [
            InputPart(
                name,
                str(self._meta.get_field(name).verbose_name),
                (narrative_in(self, name, language)[0] if language else getattr(self, name)).strip(),
                self.use_of(name),
            )
            for name in self.TEXT_FIELDS
        ]

    def quoted_parts(self, language: str = "") -> list["InputPart"]:
        """The parts the draft quotes under the input's objective."""
        return [part for part in self.parts(language) if part.text and part.use == self.DraftUse.QUOTE]

    def annex_parts(self, language: str = "") -> list["InputPart"]:
        """The parts the draft gives in the annex of contributions."""
        return [part for part in self.parts(language) if part.text and part.use == self.DraftUse.ANNEX]

    def has_text(self) -> bool:
        return any(getattr(self, name).strip() for name in self.TEXT_FIELDS)

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


class InputPart(NamedTuple):
    name: str
    label: str
    text: str
    use: Input.DraftUse


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
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)

    class Meta:
        db_table = "reviews_evidence"  # made in reviews, before the inputs became an app (issue 25)
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["uploaded_at"]
        constraints = [
            # The same file attached twice to one input (a double click, a second tab) is stored once.
            models.UniqueConstraint(fields=["input", "sha256"], condition=~Q(sha256=""), name="one_copy_per_input"),
        ]

    def __str__(self) -> str:
        return self.original_name

    @staticmethod
    def safe_name(name: str, extension: str) -> str:
        """The name a download gets: the uploader's name made safe, with the extension of what the file really is."""
        stem = os.path.splitext(os.path.basename(name.replace("\\", "/")).lstrip("."))[0]
        try:
            stem = get_valid_filename(stem)[:200]
        except SuspiciousFileOperation:  # "..", "." and the like
            stem = ""
        return f"{stem or 'evidence'}.{extension}"

    @classmethod
    def attach(cls, *, input_: "Input", upload, extension: str, content_type: str, by) -> "Evidence":
        """Store a checked upload with an input, once per content; the user's name is kept (made safe) for downloads."""
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        existing = cls.objects.filter(input=input_, sha256=digest.hexdigest()).first()
        if existing:
            return existing
        return cls.objects.create(
            sha256=digest.hexdigest(),
            input=input_,
            file=upload,
            original_name=cls.safe_name(upload.name, extension),
            extension=extension,
            content_type=content_type,
            size=upload.size,
            uploaded_by=by,
        )


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
        db_table = "reviews_reminder"  # made in reviews, before the inputs became an app (issue 25)
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "deadline"], name="one_reminder_per_kind_and_deadline"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment} · {self.get_kind_display()}"

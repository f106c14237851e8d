"""The review draft: its outline per cycle and the export jobs that build it."""

import datetime
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from objectives.models import Objective
from reviews.models import ReviewCycle, TranslatedText
from uncnm_portal.versioning import Versioned


class ReportSectionQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "ReportSectionQuerySet":
        return self.filter(cycle=cycle).order_by("position", "pk")


class ReportSection(TranslatedText, Versioned):
    """One section of a cycle's voluntary review outline; the secretariat reorders, renames and adds them.
    Its text (body) is written in one language and translated (TranslatedText)."""

    TRANSLATED = "body"

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
        Kind.OPENING,
        Kind.INTRODUCTION,
        Kind.METHODOLOGY,
        Kind.POLICY,
        Kind.PROGRESS,
        Kind.MEANS,
        Kind.NEXT_STEPS,
        Kind.ANNEXES,
    ]

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
        db_table = "reviews_reportsection"  # made in reviews, before the drafts became an app (issue 25)
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["cycle", "position", "pk"]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or str(self.get_kind_display())

    @property
    def template_name(self) -> str:
        """The draft's template for what this kind of section adds after its opening text."""
        return f"reports/sections/_{self.kind}.html"

    def clean(self) -> None:
        if self.kind == self.Kind.CUSTOM and not self.title:
            raise ValidationError({"title": _("A free-text section needs a title.")})

    @classmethod
    def default_outline(cls, cycle: ReviewCycle) -> list["ReportSection"]:
        """The outline every cycle starts from, unsaved."""
        return [cls(cycle=cycle, kind=kind, position=(i + 1) * 10) for i, kind in enumerate(cls.DEFAULT_OUTLINE)]

    @classmethod
    def ensure_outline(cls, cycle: ReviewCycle) -> list["ReportSection"]:
        """The cycle's outline, storing the default one the first time it is needed."""
        sections = list(cls.objects.for_cycle(cycle))
        if not sections:
            cls.objects.bulk_create(cls.default_outline(cycle))
            sections = list(cls.objects.for_cycle(cycle))
        return sections


class ExportJobQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "ExportJobQuerySet":
        return self.filter(cycle=cycle).select_related("requested_by", "draft_version").order_by("-requested_at")

    def unfinished(self) -> "ExportJobQuerySet":
        return self.filter(status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING])

    def stuck(self, *, older_than: datetime.timedelta, unsent_after: datetime.timedelta) -> "ExportJobQuerySet":
        """Jobs no worker is working on: never handed to the broker for unsent_after (it was away),
        or running without a heartbeat, or queued, for longer than older_than."""
        now = timezone.now()
        since = now - older_than
        return self.filter(
            Q(status=ExportJob.Status.QUEUED, sent_at__isnull=True, requested_at__lt=now - unsent_after)
            | Q(status=ExportJob.Status.RUNNING, heartbeat_at__lt=since)
            | Q(status=ExportJob.Status.QUEUED, heartbeat_at__isnull=True, requested_at__lt=since)
            | Q(status=ExportJob.Status.QUEUED, heartbeat_at__lt=since)
        )


class ExportJob(models.Model):
    """A request to assemble a cycle's voluntary review draft as PDF and DOCX, run by a Celery worker."""

    MAX_ATTEMPTS = 3
    # A person may have this many drafts being built at once: each takes a worker for seconds to minutes.
    MAX_UNFINISHED_PER_USER = 3

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    class Stage(models.TextChoices):
        WAITING = "waiting", _("Queued: it will start shortly")
        COLLECTING = "collecting", _("Collecting data")
        RENDERING_HTML = "rendering_html", _("Rendering HTML")
        RENDERING_PDF = "rendering_pdf", _("Rendering PDF")
        SAVING = "saving", _("Saving")
        FINISHED = "finished", _("Finished")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="exports"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    # The portal's languages (settings.LANGUAGES) are the draft's languages too.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE)
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
    # Handed to the broker at (empty while the broker was away), and the Celery task that claimed it last.
    sent_at = models.DateTimeField(_("sent to the workers at"), null=True, blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True, editable=False)
    pdf = models.FileField(_("PDF"), upload_to="exports/", blank=True, max_length=255)
    docx = models.FileField(_("DOCX"), upload_to="exports/", blank=True, max_length=255)
    pdf_size = models.PositiveIntegerField(_("PDF size (bytes)"), null=True, blank=True)
    pdf_pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, blank=True)
    docx_size = models.PositiveIntegerField(_("DOCX size (bytes)"), null=True, blank=True)
    docx_sha256 = models.CharField(_("DOCX SHA-256"), max_length=64, blank=True)
    # The HTML the PDF was rendered from (gzipped): the data of the draft as it was, kept with the files.
    source = models.FileField(_("source (HTML)"), upload_to="exports/", blank=True, max_length=255)
    source_sha256 = models.CharField(_("source SHA-256"), max_length=64, blank=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        db_table = "reviews_exportjob"  # made in reviews, before the drafts became an app (issue 25)
        verbose_name = _("export")
        verbose_name_plural = _("exports")
        ordering = ["-requested_at"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_at_most_100"),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} · {self.requested_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("drafts:export-detail", args=[self.pk])

    @property
    def requester_name(self) -> str:
        user = self.requested_by
        return user.display_name if user else "–"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @classmethod
    def claim(cls, pk: int, *, stale_after: datetime.timedelta, task_id: str = "") -> "ExportJob | None":
        """Take the job for this worker with a conditional UPDATE; None when another worker has it or it is over.

        A queued job is claimable; so is a running one whose heartbeat is older
        than stale_after (its worker died), and a running one claimed by this
        very task: the broker delivers a message again only when the worker that
        had it is gone, so the attempt is resumed at once, not after the sweeper.
        Each claim counts as an attempt.
        """
        now = timezone.now()
        claimable = Q(status=cls.Status.QUEUED) | Q(status=cls.Status.RUNNING, heartbeat_at__lt=now - stale_after)
        if task_id:
            claimable |= Q(status=cls.Status.RUNNING, task_id=task_id)
        claimed = cls.objects.filter(claimable, pk=pk, attempts__lt=cls.MAX_ATTEMPTS).update(
            task_id=task_id,
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

    @classmethod
    def mark_sent(cls, pk: int) -> None:
        """Note that the broker took the job; until then the sweeper sends it again after a short wait."""
        cls.objects.filter(pk=pk, sent_at__isnull=True).update(sent_at=timezone.now())

    def report(self, stage: str, progress: int) -> None:
        """Record the stage reached and beat the heart, so the job page and the sweeper see the worker alive."""
        self.stage, self.progress, self.heartbeat_at = stage, progress, timezone.now()
        ExportJob.objects.filter(pk=self.pk, status=self.Status.RUNNING).update(
            stage=stage, progress=progress, heartbeat_at=self.heartbeat_at
        )

    def finish(self, *, pdf: bytes, docx: bytes, source: bytes, pages: int) -> None:
        """Record the built files (named on the job already) with their sizes and checksums and mark the job done."""
        ExportJob.objects.filter(pk=self.pk).update(
            pdf=self.pdf.name,
            docx=self.docx.name,
            source=self.source.name,
            source_sha256=hashlib.sha256(source).hexdigest(),
            pdf_size=len(pdf),
            pdf_pages=pages,
            pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            docx_size=len(docx),
            docx_sha256=hashlib.sha256(docx).hexdigest(),
            status=self.Status.DONE,
            stage=self.Stage.FINISHED,
            progress=100,
            finished_at=timezone.now(),
            error="",
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
            status=self.Status.QUEUED,
            stage=self.Stage.WAITING,
            progress=0,
            attempts=0,
            error="",
            finished_at=None,
            sent_at=None,
        )

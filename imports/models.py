"""An import: the uploaded file, what checking it found, and whether it was applied."""

import hashlib

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    class Status(models.TextChoices):
        CHECKING = "checking", _("Checking")
        INVALID = "invalid", _("Has problems")
        CHECKED = "checked", _("Ready to apply")
        APPLYING = "applying", _("Applying")
        APPLIED = "applied", _("Applied")
        FAILED = "failed", _("Failed: nothing applied")

    file = models.FileField(_("file"), upload_to="imports/", max_length=255)
    filename = models.CharField(_("file name"), max_length=255)
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The uploader's: the problems are written in it."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.CHECKING)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    notices = models.JSONField(_("how the file was read"), default=list, blank=True)
    summary = models.JSONField(_("rows per sheet and action"), default=dict, blank=True)
    preview = models.JSONField(_("changes"), default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("imports:import-detail", args=[self.pk])

    @staticmethod
    def digest(content: bytes) -> str:
        return hashlib.sha256(content).hexdigest()

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.APPLYING)

    @property
    def changes_something(self) -> bool:
        return any(counts.get("create") or counts.get("update") for counts in self.summary.values())

    @property
    def reason(self) -> str:
        """What the history of each record the import writes says."""
        return f"Imported from {self.filename}"

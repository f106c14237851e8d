"""The portal's own bookkeeping (the domains' models live in their apps)."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FormSubmissionQuerySet(models.QuerySet):
    def older_than(self, age: datetime.timedelta) -> "FormSubmissionQuerySet":
        return self.filter(created_at__lt=timezone.now() - age)


class FormSubmission(models.Model):
    """A form sent with its one-time key (uncnm_portal/once.py): sending the same form again does nothing."""

    # Kept this long: a replay after that is a new request (forms are reloaded long before).
    KEPT_FOR = datetime.timedelta(days=2)

    key = models.UUIDField(_("form key"), unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    result_url = models.CharField(_("result"), max_length=2000, blank=True)

    objects = FormSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return str(self.key)

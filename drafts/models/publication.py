"""What the Government has chosen to publish: per cycle, whether it is public and which parts of it.

The rules of what anyone (no account) may see live here, once, as querysets: the public pages, the
read API's anonymous clients and the open-data downloads all take their rows from these functions.
Inputs, evidence, contributions, comments, users and unsubmitted drafts are never public.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from objectives.models import Activity, Indicator, IndicatorObservation
from reviews.models import ActionProgress, ObjectiveAssessment, ReviewCycle

from .versions import DraftVersion


class PublicationQuerySet(models.QuerySet):
    def live(self) -> "PublicationQuerySet":
        return self.filter(is_published=True)


class Publication(models.Model):
    """A cycle's publication: published or not, and what of it is public."""

    PARTS = ("statuses", "narratives", "indicators", "activities", "pledges", "draft")

    cycle = models.OneToOneField(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="publication"
    )
    is_published = models.BooleanField(_("published"), default=False)
    statuses = models.BooleanField(_("objective and action statuses, with trends"), default=True)
    narratives = models.BooleanField(
        _("narratives marked public"),
        default=True,
        help_text=_("Only the assessments whose narratives are marked public in their editor."),
    )
    indicators = models.BooleanField(_("indicators and their observations"), default=True)
    activities = models.BooleanField(_("activities of the reporting period"), default=True)
    pledges = models.BooleanField(_("validated GCM pledges and their progress"), default=True)
    draft = models.BooleanField(
        _("the submitted draft (PDF)"), default=True, help_text=_("Only a submitted version is ever public.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), on_delete=models.SET_NULL, null=True, blank=True
    )

    history = HistoricalRecords(table_name="reviews_historicalpublication")
    objects = PublicationQuerySet.as_manager()

    class Meta:
        db_table = "reviews_publication"  # made in reviews, before the drafts became an app (issue 25)
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return str(self.cycle)

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("drafts:publication", args=[self.cycle_id])

    def set_published(self, published: bool, *, by) -> None:
        """Publish or unpublish; the history records who did it and when."""
        self.is_published = published
        if published:
            self.published_at = timezone.now()
        self.updated_by = by
        self.save()

    @property
    def published_draft(self) -> "DraftVersion | None":
        """The submitted version's PDF, when the draft is part of the publication."""
        if not (self.is_published and self.draft):
            return None
        return (
            DraftVersion.objects.submitted()
            .filter(cycle_id=self.cycle_id, export__pdf__gt="")
            .select_related("export")
            .first()
        )


def _live(part: str) -> "PublicationQuerySet":
    return Publication.objects.live().filter(**{part: True})


def published_cycles() -> "models.QuerySet[ReviewCycle]":
    return ReviewCycle.objects.filter(publication__is_published=True).select_related("publication").order_by("year")


def public_assessments() -> "models.QuerySet[ObjectiveAssessment]":
    """Assessments of published cycles whose statuses are public."""
    return ObjectiveAssessment.objects.filter(cycle__in=_live("statuses").values("cycle"))


def shows_narratives(assessment: ObjectiveAssessment, publication: Publication) -> bool:
    return publication.narratives and assessment.narratives_public


def public_action_statuses() -> "models.QuerySet[ActionProgress]":
    return ActionProgress.objects.filter(cycle__in=_live("statuses").values("cycle"))


def public_indicators() -> "models.QuerySet[Indicator]":
    """Every indicator once a published cycle includes the indicators (they are not per cycle)."""
    if not _live("indicators").exists():
        return Indicator.objects.none()
    return Indicator.objects.all()


def public_observations() -> "models.QuerySet[IndicatorObservation]":
    return IndicatorObservation.objects.filter(indicator__in=public_indicators())


def public_activities() -> "models.QuerySet[Activity]":
    """Activities that ran during the reporting period of a published cycle that includes them."""
    periods = Q(pk__in=[])
    for publication in _live("activities").select_related("cycle"):
        start, end = publication.cycle.reporting_period()
        periods |= Q(pk__in=Activity.objects.active_between(start, end).values("pk"))
    return Activity.objects.filter(periods)


def public_pledges():
    """Standing pledges (validated, reported, fulfilled) once a published cycle includes the pledges."""
    from pledges.models import Pledge

    if not _live("pledges").exists():
        return Pledge.objects.none()
    return Pledge.objects.standing()


def public_organisations():
    """Organisations named by public content: leads and partners of public activities, lead bodies of
    published cycles. Contacts and accounts are never public."""
    from stakeholders.models import Organisation

    activities = public_activities()
    return Organisation.objects.filter(
        Q(led_activities__in=activities)
        | Q(partner_activities__in=activities)
        | Q(pk__in=published_cycles().values("lead_organisation"))
    ).distinct()

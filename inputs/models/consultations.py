"""The consultation register: the whole-of-society evidence of a review (who was heard, how, on what)."""

from collections import Counter

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from objectives.models import Objective
from reviews.models import ReviewCycle, TranslatedText
from uncnm_portal.validators import validate_plausible_date
from uncnm_portal.versioning import Versioned

from .inputs import Input


class ConsultationQuerySet(models.QuerySet):
    def for_cycle(self, cycle: ReviewCycle) -> "ConsultationQuerySet":
        return (
            self.filter(cycle=cycle)
            .select_related("organiser")
            .prefetch_related(
                "objectives",
                Prefetch("participants", queryset=ConsultationParticipants.objects.order_by("kind")),
                Prefetch("inputs", queryset=Input.objects.select_related("assignment__organisation")),
            )
            .order_by("held_on", "pk")
        )


class Consultation(TranslatedText, Versioned):
    """A consultation held for a review: a workshop, a hearing, a written call, a survey, a meeting.
    Its key messages are written in one language and translated (TranslatedText)."""

    TRANSLATED = "key_messages"

    class Format(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        HEARING = "hearing", _("Hearing")
        WRITTEN_CALL = "written_call", _("Written call for contributions")
        SURVEY = "survey", _("Online survey")
        BILATERAL = "bilateral", _("Bilateral meeting")
        OTHER = "other", _("Other format")

    cycle = models.ForeignKey(
        ReviewCycle, verbose_name=_("review cycle"), on_delete=models.CASCADE, related_name="consultations"
    )
    title = models.CharField(_("title"), max_length=300)
    held_on = models.DateField(_("date"), validators=[validate_plausible_date])
    format = models.CharField(_("format"), max_length=16, choices=Format.choices)
    organiser = models.ForeignKey(
        "stakeholders.Organisation",
        verbose_name=_("organiser"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    objectives = models.ManyToManyField(
        Objective,
        verbose_name=_("objectives discussed"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for a consultation on the review as a whole."),
    )
    key_messages = models.TextField(
        _("key messages"), blank=True, help_text=_("What participants said; Markdown. Printed in the draft.")
    )
    women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    men = models.PositiveIntegerField(_("men"), null=True, blank=True)
    inputs = models.ManyToManyField(
        Input,
        verbose_name=_("related inputs"),
        blank=True,
        related_name="consultations",
        help_text=_("Inputs that were discussed at or came out of the consultation."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        db_table = "reviews_consultation"  # made in reviews, before the inputs became an app (issue 25)
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["cycle", "held_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("inputs:consultation-update", args=[self.pk])

    def counts_by_kind(self) -> dict[str, int]:
        return {p.kind: p.count for p in self.participants.all() if p.count}


class ConsultationParticipants(models.Model):
    """How many people of one kind of stakeholder took part in a consultation."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government bodies")
        PARLIAMENT = "parliament", _("Parliament")
        LOCAL_AUTHORITY = "local_authority", _("Local authorities")
        NHRI = "nhri", _("National human rights institution")
        MIGRANTS = "migrants", _("Migrants and migrant associations")
        CIVIL_SOCIETY = "civil_society", _("Civil society")
        TRADE_UNION = "trade_union", _("Trade unions")
        EMPLOYERS = "employers", _("Employers and the private sector")
        ACADEMIA = "academia", _("Academia")
        UN_INTERNATIONAL = "un_international", _("UN and international organisations")
        MEDIA = "media", _("Media")
        OTHER = "other", _("Others")

    consultation = models.ForeignKey(
        Consultation, verbose_name=_("consultation"), on_delete=models.CASCADE, related_name="participants"
    )
    kind = models.CharField(_("kind of stakeholder"), max_length=20, choices=Kind.choices)
    count = models.PositiveIntegerField(_("participants"))

    class Meta:
        db_table = "reviews_consultationparticipants"  # made in reviews, before the inputs became an app (issue 25)
        verbose_name = _("participants of a consultation")
        verbose_name_plural = _("participants of consultations")
        ordering = ["consultation", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "kind"], name="one_count_per_consultation_and_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.count}"


def consultation_summary(consultations: list[Consultation]) -> dict:
    """The figures the methodology section states: consultations, participants, kinds of stakeholders, gender."""
    by_kind: Counter = Counter()
    women = men = 0
    for consultation in consultations:
        by_kind.update(consultation.counts_by_kind())
        women += consultation.women or 0
        men += consultation.men or 0
    kinds = ConsultationParticipants.Kind
    return {
        "consultations": len(consultations),
        "participants": sum(by_kind.values()),
        "kinds": len(by_kind),
        "by_kind": [(kinds(kind).label, count) for kind, count in sorted(by_kind.items(), key=lambda kv: -kv[1])],
        "women": women,
        "men": men,
        "formats": sorted({c.get_format_display() for c in consultations}, key=str),
    }

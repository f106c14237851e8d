"""Texts of a review in the portal's languages (django-modeltranslation): a cycle's name, coordination
mechanism and validating body, its outline's sections, its consultations' titles and key messages."""

from modeltranslation.translator import TranslationOptions, register

from .models import Consultation, ReportSection, ReviewCycle


@register(ReviewCycle)
class ReviewCycleTranslation(TranslationOptions):
    fields = ("name", "coordination_mechanism", "validating_body")


@register(ReportSection)
class ReportSectionTranslation(TranslationOptions):
    fields = ("title", "body")


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "key_messages")

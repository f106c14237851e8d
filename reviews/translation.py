"""A cycle's name and its outline's section texts in the portal's languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import ReportSection, ReviewCycle


@register(ReviewCycle)
class ReviewCycleTranslation(TranslationOptions):
    fields = ("name",)


@register(ReportSection)
class ReportSectionTranslation(TranslationOptions):
    fields = ("title", "body")

"""Texts of a draft in the portal's languages (django-modeltranslation): the titles and bodies of a cycle's
outline sections."""

from modeltranslation.translator import TranslationOptions, register

from .models import ReportSection


@register(ReportSection)
class ReportSectionTranslation(TranslationOptions):
    fields = ("title", "body")

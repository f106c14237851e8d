"""Policy instruments and plan measures in the portal's languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Instrument, PlanMeasure


@register(Instrument)
class InstrumentTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(PlanMeasure)
class PlanMeasureTranslation(TranslationOptions):
    fields = ("title",)

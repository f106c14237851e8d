"""The GCM frame in the portal's languages (django-modeltranslation): English is the source."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import Action, Activity, GuidingPrinciple, Indicator, Objective, RoundTable


@register(Objective)
class ObjectiveTranslation(TranslationOptions):
    fields = ("title", "short_name")


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("summary",)


@register(GuidingPrinciple)
class GuidingPrincipleTranslation(TranslationOptions):
    fields = ("name",)


@register(RoundTable)
class RoundTableTranslation(TranslationOptions):
    fields = ("description",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "unit")


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("title", "description")


# After the translation: the historical model then has a column per language (name_en, name_ru, ...).
simple_history.register(Indicator, m2m_fields=["objectives", "sdg_targets"])
simple_history.register(Activity, m2m_fields=["partners", "objectives", "actions"])

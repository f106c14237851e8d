"""The GCM frame in the portal's languages (django-modeltranslation): English is the source."""

from modeltranslation.translator import TranslationOptions, register

from .models import Action, GuidingPrinciple, Objective, RoundTable


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

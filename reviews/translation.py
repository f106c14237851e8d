"""Texts of a review in the portal's languages (django-modeltranslation): a cycle's name, coordination
mechanism and validating body, the notes
on the statuses of actions, plan measures and pledges."""

import simple_history
from django.conf import settings
from modeltranslation.translator import TranslationOptions, register

from .models import ActionProgress, MeasureProgress, PledgeProgress, ReviewCycle


@register(ReviewCycle)
class ReviewCycleTranslation(TranslationOptions):
    fields = ("name", "coordination_mechanism", "validating_body")


class StatusNoteTranslation(TranslationOptions):
    """A note is written in the editor's page language; a draft in another language without its own note
    prints the note there is (English first) rather than none."""

    fields = ("note",)
    fallback_languages = {"default": tuple(settings.LANGUAGE_CODES)}


for model in (ActionProgress, MeasureProgress, PledgeProgress):
    register(model)(type(f"{model.__name__}Translation", (StatusNoteTranslation,), {}))
    # After the translation: the historical model then has a column per language (note_en, note_ru, ...).
    simple_history.register(model)

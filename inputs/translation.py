"""Texts of the whole-of-society process in the portal's languages (django-modeltranslation): the titles and
key messages of a cycle's consultations."""

from modeltranslation.translator import TranslationOptions, register

from .models import Consultation


@register(Consultation)
class ConsultationTranslation(TranslationOptions):
    fields = ("title", "key_messages")

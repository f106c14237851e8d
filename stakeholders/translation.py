"""Organisation names in the portal's languages (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "acronym")

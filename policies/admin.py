from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Instrument, PlanMeasure


class PlanMeasureInline(TranslationTabularInline):
    model = PlanMeasure
    extra = 0
    fields = ["number", "title", "responsible", "deadline"]


@admin.register(Instrument)
class InstrumentAdmin(TranslationAdmin):
    list_display = ["title", "kind", "reference", "adopted_on", "status", "responsible"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "reference", "summary"]
    list_select_related = ["responsible"]
    filter_horizontal = ["objectives"]
    raw_id_fields = ["actions"]
    readonly_fields = ["version"]
    inlines = [PlanMeasureInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(PlanMeasure)
class PlanMeasureAdmin(TranslationAdmin):
    list_display = ["number", "title", "plan", "responsible", "deadline"]
    list_filter = ["plan"]
    search_fields = ["title", "number"]
    list_select_related = ["plan", "responsible"]
    filter_horizontal = ["objectives"]

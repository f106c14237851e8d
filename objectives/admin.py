from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    Activity,
    GuidingPrinciple,
    Indicator,
    IndicatorObservation,
    Objective,
    RoundTable,
    SDGAlignment,
    SDGTarget,
)


class ActionInline(TranslationTabularInline):
    model = Action
    extra = 0
    fields = ["letter", "summary"]
    readonly_fields = ["letter"]
    can_delete = False


@admin.register(RoundTable)
class RoundTableAdmin(TranslationAdmin):
    list_display = ["__str__", "number"]
    search_fields = ["description"]
    list_filter = ["number"]


@admin.register(GuidingPrinciple)
class GuidingPrincipleAdmin(TranslationAdmin):
    list_display = ["letter", "name"]
    search_fields = ["name"]
    list_filter = ["letter"]


@admin.register(Objective)
class ObjectiveAdmin(TranslationAdmin):
    list_display = ["number", "short_name", "title", "paragraph", "action_count", "round_table"]
    list_filter = ["round_table"]
    search_fields = ["title", "short_name"]
    list_select_related = ["round_table"]
    inlines = [ActionInline]


@admin.register(Action)
class ActionAdmin(TranslationAdmin):
    list_display = ["code", "objective", "summary"]
    list_filter = ["objective__round_table", "objective"]
    search_fields = ["summary", "objective__title", "objective__short_name"]
    list_select_related = ["objective"]
    readonly_fields = ["objective", "letter"]

    # The 187 lettered actions are the GCM's text: their summaries are edited, never added or removed here.
    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(SDGTarget)
class SDGTargetAdmin(admin.ModelAdmin):
    list_display = ["code", "description"]
    search_fields = ["code", "description"]
    list_filter = [("indicators", admin.EmptyFieldListFilter)]


class ObservationInline(admin.TabularInline):
    model = IndicatorObservation
    extra = 0


@admin.register(SDGAlignment)
class SDGAlignmentAdmin(admin.ModelAdmin):
    """The crosswalk's links: confirm a proposed link (verified) or remove it; name its basis."""

    list_display = ["objective", "sdg_target", "verified", "basis"]
    list_filter = ["verified", "sdg_target"]
    list_editable = ["verified"]
    search_fields = ["objective__short_name", "sdg_target__code", "basis"]
    list_select_related = ["objective", "sdg_target"]
    filter_horizontal = ["actions"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit", "scope", "baseline_value", "target_value"]
    list_filter = ["scope", "objectives", "sdg_targets"]
    search_fields = ["code", "name", "source"]
    filter_horizontal = ["objectives", "sdg_targets"]
    inlines = [ObservationInline]


@admin.register(IndicatorObservation)
class IndicatorObservationAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "year", "value", "disaggregation"]
    list_filter = ["year", "indicator__scope"]
    search_fields = ["indicator__code", "indicator__name", "disaggregation", "source"]
    list_select_related = ["indicator"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["title", "lead_organisation", "status", "start_date", "end_date", "budget", "currency"]
    list_filter = ["status", "objectives__round_table", "objectives", "lead_organisation__kind", "currency"]
    search_fields = ["title", "description", "location", "lead_organisation__name", "lead_organisation__acronym"]
    list_select_related = ["lead_organisation"]
    autocomplete_fields = ["lead_organisation", "partners"]
    filter_horizontal = ["objectives", "actions"]
    date_hierarchy = "start_date"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

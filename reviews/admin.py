from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ActionProgress,
    MeasureProgress,
    NarrativeTranslation,
    ObjectiveAssessment,
    PledgeProgress,
    ReviewCycle,
)


@admin.register(ReviewCycle)
class ReviewCycleAdmin(TranslationAdmin):
    list_display = ["name", "level", "year", "forum", "input_opens", "input_closes", "submission_deadline", "status"]
    list_filter = ["level", "status", "year"]
    search_fields = ["name", "forum", "notes"]
    date_hierarchy = "submission_deadline"
    list_select_related = ["lead_organisation"]
    autocomplete_fields = ["lead_organisation"]
    filter_horizontal = ["mechanism_members"]


@admin.register(ObjectiveAssessment)
class ObjectiveAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["objective", "cycle", "status", "version", "updated_by", "updated_at"]
    list_filter = ["cycle", "status", "objective__round_table"]
    search_fields = ["objective__title", "objective__short_name", *ObjectiveAssessment.NARRATIVE_FIELDS]
    list_select_related = ["objective", "cycle", "updated_by"]
    filter_horizontal = ["principles", "lead_organisations", "contributing_organisations"]
    readonly_fields = ["version", "updated_by", "updated_at"]


@admin.register(ActionProgress)
class ActionProgressAdmin(SimpleHistoryAdmin):
    list_display = ["action", "cycle", "status", "note", "updated_by"]
    list_filter = ["cycle", "status", "action__objective"]
    search_fields = ["note", "action__objective__short_name"]
    list_select_related = ["action__objective", "cycle", "updated_by"]
    readonly_fields = ["updated_by", "updated_at"]


@admin.register(PledgeProgress)
class PledgeProgressAdmin(SimpleHistoryAdmin):
    list_display = ["pledge", "cycle", "status", "updated_at"]
    list_filter = ["cycle", "status"]
    search_fields = ["pledge__title", "pledge__network_id", "note"]
    list_select_related = ["pledge", "cycle"]


@admin.register(MeasureProgress)
class MeasureProgressAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "cycle", "status", "updated_by", "updated_at"]
    list_filter = ["cycle", "status", "measure__plan"]
    search_fields = ["measure__title", "measure__number", "note"]
    list_select_related = ["measure", "cycle", "updated_by"]
    raw_id_fields = ["measure", "updated_by"]


@admin.register(NarrativeTranslation)
class NarrativeTranslationAdmin(admin.ModelAdmin):
    list_display = ["assessment", "field", "language", "updated_by", "updated_at"]
    list_filter = ["language", "field", "assessment__cycle"]
    search_fields = ["text"]
    list_select_related = ["assessment__objective", "assessment__cycle", "updated_by"]
    raw_id_fields = ["assessment", "updated_by"]

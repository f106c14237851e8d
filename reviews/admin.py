from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    ActionProgress,
    Assignment,
    Consultation,
    ConsultationParticipants,
    Evidence,
    Input,
    InputTranslation,
    MeasureProgress,
    NarrativeTranslation,
    ObjectiveAssessment,
    PledgeProgress,
    Reminder,
    ReviewCycle,
    WrittenContribution,
)


class CreatedByThePortal:
    """Records that only the portal's workflows create (exports, evidence, reminders): viewed and corrected here."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ReviewCycle)
class ReviewCycleAdmin(TranslationAdmin):
    list_display = ["name", "level", "year", "forum", "input_opens", "input_closes", "submission_deadline", "status"]
    list_filter = ["level", "status", "year"]
    search_fields = ["name", "forum", "notes"]
    date_hierarchy = "submission_deadline"
    list_select_related = ["lead_organisation"]
    autocomplete_fields = ["lead_organisation"]
    filter_horizontal = ["mechanism_members"]


class ConsultationParticipantsInline(admin.TabularInline):
    model = ConsultationParticipants
    extra = 0


@admin.register(ConsultationParticipants)
class ConsultationParticipantsAdmin(admin.ModelAdmin):
    list_display = ["consultation", "kind", "count"]
    list_filter = ["kind", "consultation__cycle"]
    search_fields = ["consultation__title"]
    list_select_related = ["consultation"]


@admin.register(Consultation)
class ConsultationAdmin(TranslationAdmin):
    list_display = ["title", "cycle", "held_on", "format", "organiser"]
    list_filter = ["cycle", "format"]
    search_fields = ["title", "key_messages", "organiser__name"]
    list_select_related = ["cycle", "organiser"]
    date_hierarchy = "held_on"
    filter_horizontal = ["objectives"]
    raw_id_fields = ["inputs", "created_by"]
    readonly_fields = ["version"]
    inlines = [ConsultationParticipantsInline]


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


class EvidenceInline(admin.TabularInline):
    model = Evidence
    extra = 0
    fields = ["original_name", "extension", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = fields
    can_delete = False


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["objective", "organisation", "cycle", "role", "focal_point", "deadline", "extended_deadline"]
    list_filter = ["cycle", "role", "organisation__kind", "objective__round_table"]
    search_fields = ["organisation__name", "organisation__acronym", "objective__short_name", "focal_point__email"]
    list_select_related = ["objective", "organisation", "cycle", "focal_point"]
    list_editable = ["extended_deadline"]


@admin.register(Input)
class InputAdmin(SimpleHistoryAdmin):
    list_display = ["assignment", "status", "submitted_at", "reviewed_by"]
    list_filter = ["status", "assignment__cycle", "assignment__organisation"]
    search_fields = ["assignment__organisation__name", *Input.TEXT_FIELDS]
    list_select_related = ["assignment__objective", "assignment__organisation", "assignment__cycle", "reviewed_by"]
    inlines = [EvidenceInline]


@admin.register(Reminder)
class ReminderAdmin(CreatedByThePortal, admin.ModelAdmin):
    list_display = ["assignment", "kind", "deadline", "sent_at"]
    list_filter = ["kind", "assignment__cycle"]
    search_fields = ["assignment__organisation__name"]


@admin.register(Evidence)
class EvidenceAdmin(CreatedByThePortal, admin.ModelAdmin):
    list_display = ["original_name", "input", "extension", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["extension", "input__assignment__cycle"]
    search_fields = ["original_name", "input__assignment__organisation__name"]
    readonly_fields = ["file", "original_name", "extension", "content_type", "size", "uploaded_by", "uploaded_at"]


@admin.register(MeasureProgress)
class MeasureProgressAdmin(SimpleHistoryAdmin):
    list_display = ["measure", "cycle", "status", "updated_by", "updated_at"]
    list_filter = ["cycle", "status", "measure__plan"]
    search_fields = ["measure__title", "measure__number", "note"]
    list_select_related = ["measure", "cycle", "updated_by"]
    raw_id_fields = ["measure", "updated_by"]


@admin.register(WrittenContribution)
class WrittenContributionAdmin(admin.ModelAdmin):
    list_display = ["organisation", "cycle", "status", "consent_to_cite", "consent_to_publish", "in_annex"]
    list_filter = ["cycle", "status", "in_annex"]
    search_fields = ["title", "text", "organisation__name", "contact_name", "contact_email"]
    list_select_related = ["organisation", "cycle"]
    exclude = ["token"]  # the link is the contributor's key: never shown again
    raw_id_fields = ["invited_by", "reviewed_by"]
    filter_horizontal = ["objectives"]


@admin.register(NarrativeTranslation)
class NarrativeTranslationAdmin(admin.ModelAdmin):
    list_display = ["assessment", "field", "language", "updated_by", "updated_at"]
    list_filter = ["language", "field", "assessment__cycle"]
    search_fields = ["text"]
    list_select_related = ["assessment__objective", "assessment__cycle", "updated_by"]
    raw_id_fields = ["assessment", "updated_by"]


@admin.register(InputTranslation)
class InputTranslationAdmin(admin.ModelAdmin):
    list_display = ["input", "field", "language", "updated_by", "updated_at"]
    list_filter = ["language", "field", "input__assignment__cycle"]
    search_fields = ["text"]
    list_select_related = ["input__assignment__organisation", "input__assignment__objective", "updated_by"]
    raw_id_fields = ["input", "updated_by"]

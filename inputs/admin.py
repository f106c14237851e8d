from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from uncnm_portal.admin import CreatedByThePortal

from .models import (
    Assignment,
    Consultation,
    ConsultationParticipants,
    Evidence,
    Input,
    InputTranslation,
    Reminder,
    WrittenContribution,
)


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


@admin.register(WrittenContribution)
class WrittenContributionAdmin(admin.ModelAdmin):
    list_display = ["organisation", "cycle", "status", "consent_to_cite", "consent_to_publish", "in_annex"]
    list_filter = ["cycle", "status", "in_annex"]
    search_fields = ["title", "text", "organisation__name", "contact_name", "contact_email"]
    list_select_related = ["organisation", "cycle"]
    exclude = ["token"]  # the link is the contributor's key: never shown again
    raw_id_fields = ["invited_by", "reviewed_by"]
    filter_horizontal = ["objectives"]


@admin.register(InputTranslation)
class InputTranslationAdmin(admin.ModelAdmin):
    list_display = ["input", "field", "language", "updated_by", "updated_at"]
    list_filter = ["language", "field", "input__assignment__cycle"]
    search_fields = ["text"]
    list_select_related = ["input__assignment__organisation", "input__assignment__objective", "updated_by"]
    raw_id_fields = ["input", "updated_by"]

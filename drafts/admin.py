from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from uncnm_portal.admin import CreatedByThePortal

from .models import DraftComment, DraftVersion, ExportJob, Publication, ReportSection


@admin.register(ReportSection)
class ReportSectionAdmin(admin.ModelAdmin):  # model.clean() names "title": the plain form
    list_display = ["title", "cycle", "kind", "position", "enabled"]
    list_filter = ["cycle", "kind", "enabled"]
    search_fields = ["title", "body"]
    list_editable = ["position", "enabled"]


@admin.register(Publication)
class PublicationAdmin(SimpleHistoryAdmin):
    """Published in the portal (/cycles/<id>/publication/); here for a look at every cycle's publication."""

    list_display = ["cycle", "is_published", "published_at", *Publication.PARTS, "updated_by"]
    list_filter = ["is_published", *Publication.PARTS]
    search_fields = ["cycle__name"]
    list_select_related = ["cycle", "updated_by"]


@admin.register(ExportJob)
class ExportJobAdmin(CreatedByThePortal, admin.ModelAdmin):
    list_display = ["cycle", "requested_by", "requested_at", "language", "status", "stage", "attempts", "pdf_pages"]
    list_filter = ["status", "cycle", "language"]
    search_fields = ["cycle__name", "requested_by__username", "error"]
    list_select_related = ["cycle", "requested_by"]
    readonly_fields = [f.name for f in ExportJob._meta.fields if f.name not in ("id",)]


class DraftCommentInline(admin.TabularInline):
    model = DraftComment
    extra = 0
    raw_id_fields = ["section", "author"]


@admin.register(DraftVersion)
class DraftVersionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "cycle", "status", "created_at", "validated_at", "submitted_at"]
    list_filter = ["cycle", "status"]
    search_fields = ["validation_reference", "override_reason"]
    list_select_related = ["cycle"]
    raw_id_fields = ["export", "created_by", "validated_by", "submitted_by"]
    inlines = [DraftCommentInline]

    def has_delete_permission(self, request, obj=None) -> bool:
        # A submitted version is the record of what the Government filed.
        return super().has_delete_permission(request, obj) and not (obj and obj.is_frozen)


@admin.register(DraftComment)
class DraftCommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "version", "section", "author", "created_at", "resolved"]
    list_filter = ["resolved", "version__cycle"]
    search_fields = ["body"]
    list_select_related = ["version", "section", "author"]
    raw_id_fields = ["version", "section", "author"]

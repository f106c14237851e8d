from django.contrib import admin

from .models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["filename", "uploaded_by", "uploaded_at", "status", "applied_at"]
    list_filter = ["status"]
    search_fields = ["filename", "uploaded_by__username"]
    readonly_fields = [f.name for f in ImportJob._meta.fields if f.name != "id"]

    def has_add_permission(self, request) -> bool:
        return False

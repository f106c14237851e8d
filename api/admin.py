from django.contrib import admin

from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Superusers see who holds tokens and may revoke them; keys are never shown (only digests are kept)."""

    list_display = ["name", "user", "lookup", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["name", "user__username"]
    readonly_fields = ["user", "name", "lookup", "key_digest", "created_at", "last_used_at"]

    def has_add_permission(self, request) -> bool:
        return False

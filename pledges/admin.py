from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Pledge


@admin.register(Pledge)
class PledgeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "network_id", "organisation", "kind", "nature", "status", "champion", "due"]
    list_filter = ["status", "nature", "kind", "champion"]
    search_fields = ["title", "network_id", "organisation__name"]
    list_select_related = ["organisation"]
    filter_horizontal = ["objectives", "partners", "matching"]

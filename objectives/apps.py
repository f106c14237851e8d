from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObjectivesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "objectives"
    verbose_name = _("GCM objectives")
    # The history pages (history/pages.py): the kind in the URL, the model, who may restore an earlier version.
    history_pages = {
        "activity": ("objectives.Activity", "objectives.permissions.can_edit_activity"),
        "indicator": ("objectives.Indicator", "objectives.permissions.can_edit_indicator"),
    }

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "pledges"
    verbose_name = _("GCM pledges")
    # The history pages (history/pages.py): the kind in the URL, the model, who may restore an earlier version.
    history_pages = {"pledge": ("pledges.Pledge", "pledges.permissions.can_edit_pledge")}

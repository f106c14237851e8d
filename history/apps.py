from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HistoryConfig(AppConfig):
    """The history pages of every historied model: each app names its own in its AppConfig (`history_pages`)."""

    name = "history"
    verbose_name = _("History")

    def ready(self) -> None:
        from . import pages

        pages.collect()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "uncnm_portal"
    verbose_name = _("UNCNM Portal")

    def ready(self) -> None:
        from . import (
            checks,  # noqa: F401  (registers the deployment checks)
            freshness,
            model_choices,
        )

        model_choices.install()
        freshness.connect_signals()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo network (`manage.py seed_demo`): it seeds every app, so it stands above them all and none imports it."""

    name = "demo"
    verbose_name = _("Demo data")

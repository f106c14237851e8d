"""Which models have history pages, read from the apps that own them.

An app lists its historied models on its AppConfig, by name, so that this app
imports none of them:

    history_pages = {"pledge": ("pledges.Pledge", "pledges.permissions.can_edit_pledge")}

The key is the URL's `kind` (/history/pledge/<pk>/); the check is a
`can_…(user, obj)` function that says who may restore an earlier version.
Everyone who may read the portal's pages may read a history.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Tracked:
    model: type[models.Model]
    can_restore: Callable  # (user, obj) -> bool


TRACKED: dict[str, Tracked] = {}


def collect() -> None:
    """Fill TRACKED from every installed app's `history_pages` (called once, from HistoryConfig.ready)."""
    TRACKED.clear()
    for config in apps.get_app_configs():
        for kind, (model_label, check_path) in getattr(config, "history_pages", {}).items():
            if kind in TRACKED:
                raise ImproperlyConfigured(f"Two apps name history pages {kind!r}: give one of them another kind.")
            model = apps.get_model(model_label)
            if not hasattr(model, "history"):
                raise ImproperlyConfigured(f"{model_label} has history pages but no HistoricalRecords.")
            TRACKED[kind] = Tracked(model, import_string(check_path))

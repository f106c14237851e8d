"""When did public content last change: one counter in the cache, bumped by every save of what is public.

Public pages and API responses are cached under the counter's current value, so a publication, an
unpublication or an edit of published content makes every cached copy stale at once; the time of
the last change is the Last-Modified of public pages and API responses. The cache is shared by
all processes in production (Redis); the embedded default runs one process.
"""

import time

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY = "public:generation"

# What public pages and the API show; an export's heartbeat or a login changes none of it.
WATCHED = (
    "objectives.Objective",
    "objectives.Action",
    "objectives.GuidingPrinciple",
    "objectives.RoundTable",
    "objectives.SDGTarget",
    "objectives.Indicator",
    "objectives.IndicatorObservation",
    "objectives.Activity",
    "stakeholders.Organisation",
    "reviews.ReviewCycle",
    "reviews.ObjectiveAssessment",
    "reviews.ActionProgress",
    "reviews.NarrativeTranslation",
    "reviews.DraftVersion",
    "reviews.Publication",
    "reviews.PledgeProgress",
    "pledges.Pledge",
)


def generation() -> tuple[int, float]:
    """(counter, time of the last change); a cache that lost it starts a new generation now."""
    value = cache.get(KEY)
    if value is None:
        value = (time.time_ns(), time.time())
        cache.add(KEY, value, timeout=None)
    return value


def _new_generation() -> None:
    cache.set(KEY, (time.time_ns(), time.time()), timeout=None)


def bump(**kwargs) -> None:
    """A save of public content: a new generation now, and once more when its transaction commits. A page rendered
    in between reads the data from before the commit; without the second move it would stay cached as current."""
    _new_generation()
    transaction.on_commit(_new_generation)


def connect_signals() -> None:
    for label in WATCHED:
        model = apps.get_model(label)
        post_save.connect(bump, sender=model, dispatch_uid=f"public-{label}-save")
        post_delete.connect(bump, sender=model, dispatch_uid=f"public-{label}-delete")
        for field in model._meta.many_to_many:
            m2m_changed.connect(bump, sender=field.remote_field.through, dispatch_uid=f"public-{label}-{field.name}")

"""When did shared content last change: one counter in the cache, bumped by every save of the content
that pages alike for everyone show.

Public pages, API responses and the parts of member pages that are the same for every member (the
dashboard, the unfiltered activity and indicator lists) are cached under the counter's current
value, so a publication, an unpublication or any edit of that content makes every cached copy stale
at once; the time of the last change is the Last-Modified of public pages and API responses. The
cache is shared by all processes in production (Redis); the embedded default runs one process.
"""

import time
from collections.abc import Callable

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

KEY = "content:generation"

# What public pages, the API and the cached member pages show; an export's heartbeat or a login changes none of it.
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
    "drafts.DraftVersion",
    "drafts.Publication",
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


def shared_fragment(name: str, *parts, render: Callable[[], str], timeout: int = 600) -> SafeString:
    """HTML that is the same for every member who sees it: from the cache, under the content
    generation, the language and the time zone (and `parts`: which cycle, which page), or rendered
    now and kept. Callers pass only bounded parts (known ids, page numbers), never free text."""
    key = ":".join(
        ["fragment", name, str(generation()[0]), get_language(), timezone.get_current_timezone_name(), *map(str, parts)]
    )
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, timeout)
    return mark_safe(html)

"""The review cycles Belarus has taken part in, and the next ones."""

import datetime
from pathlib import Path

from reviews.models import ReviewCycle

from .rows import upsert

DEMO_NOTE = "Input window and submission deadline are demo values."
D = datetime.date
CYCLES = [
    {
        "name_en": "First UNECE regional review (2020)",
        "name_ru": "Первый региональный обзор ЕЭК ООН (2020)",
        "name_be": "Першы рэгіянальны агляд ЕЭК ААН (2020)",
        "level": ReviewCycle.Level.REGIONAL,
        "year": 2020,
        "forum": "UNECE Regional Review of the GCM (virtual)",
        "forum_starts": D(2020, 11, 12),
        "forum_ends": D(2020, 11, 13),
        "input_opens": D(2020, 6, 1),
        "input_closes": D(2020, 9, 15),
        "submission_deadline": D(2020, 10, 15),
        "status": ReviewCycle.Status.CLOSED,
        "notes": f"Stakeholder consultation 9 Nov 2020; intergovernmental segment 12-13 Nov 2020. {DEMO_NOTE}",
    },
    {
        "name_en": "First International Migration Review Forum (2022)",
        "name_ru": "Первый Международный форум по обзору миграции (2022)",
        "name_be": "Першы Міжнародны форум па аглядзе міграцыі (2022)",
        "level": ReviewCycle.Level.GLOBAL,
        "year": 2022,
        "forum": "International Migration Review Forum, New York",
        "forum_starts": D(2022, 5, 17),
        "forum_ends": D(2022, 5, 20),
        "input_opens": D(2021, 9, 1),
        "input_closes": D(2022, 1, 31),
        "submission_deadline": D(2022, 3, 1),
        "status": ReviewCycle.Status.CLOSED,
        "notes": f"Stakeholder hearing 16 May 2022; Progress Declaration adopted 7 Jun 2022. {DEMO_NOTE}",
    },
    {
        "name_en": "Second UNECE regional review (2024)",
        "name_ru": "Второй региональный обзор ЕЭК ООН (2024)",
        "name_be": "Другі рэгіянальны агляд ЕЭК ААН (2024)",
        "level": ReviewCycle.Level.REGIONAL,
        "year": 2024,
        "forum": "UNECE Regional Review of the GCM, Geneva",
        "forum_starts": D(2024, 3, 11),
        "forum_ends": D(2024, 3, 11),
        "input_opens": D(2023, 9, 1),
        "input_closes": D(2023, 12, 15),
        "submission_deadline": D(2024, 1, 31),
        "status": ReviewCycle.Status.CLOSED,
        "notes": f"Stakeholder consultations 14 Nov 2023, 29 Jan and 28 Feb 2024. {DEMO_NOTE}",
    },
    {
        "name_en": "Second International Migration Review Forum (2026)",
        "name_ru": "Второй Международный форум по обзору миграции (2026)",
        "name_be": "Другі Міжнародны форум па аглядзе міграцыі (2026)",
        "level": ReviewCycle.Level.GLOBAL,
        "year": 2026,
        "forum": "International Migration Review Forum, New York",
        "forum_starts": D(2026, 5, 5),
        "forum_ends": D(2026, 5, 8),
        "input_opens": D(2025, 9, 1),
        "input_closes": D(2026, 1, 31),
        "submission_deadline": D(2026, 2, 27),
        "status": ReviewCycle.Status.SUBMITTED,
        "notes": f"Stakeholder hearing 4 May 2026. {DEMO_NOTE}",
    },
]


def seed_cycles() -> None:
    """Create or restore the four review cycles Belarus has taken part in."""
    for values in CYCLES:
        values = dict(values)
        ReviewCycle.objects.update_or_create(level=values.pop("level"), year=values.pop("year"), defaults=values)


def seed_publications() -> None:
    """The closed reviews are published (statuses, public narratives, indicators, activities); the 2026 one is not yet."""
    from drafts.models import Publication

    for cycle in ReviewCycle.objects.filter(status=ReviewCycle.Status.CLOSED):
        publication = upsert(Publication, {"cycle": cycle}, {"is_published": True})
        if publication.published_at is None:
            publication.published_at = datetime.datetime.combine(
                cycle.submission_deadline, datetime.time(12), tzinfo=datetime.UTC
            )
            publication.save()


EARLIER_REVIEWS = Path(__file__).parent / "data" / "earlier-reviews"


def seed_earlier_reviews() -> None:
    """The reviews of 2020 and 2022 as the secretariat would import them (cycles, assessments, action statuses):
    through the importer, so that `make run` exercises it. A second run finds everything unchanged."""
    import io
    import zipfile

    from imports.plan import apply, check
    from stakeholders.models import User

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for csv_file in sorted(EARLIER_REVIEWS.glob("*.csv")):
            archive.write(csv_file, csv_file.name)
    plan = check(buffer.getvalue(), "earlier-reviews.zip")
    if plan.problems:
        raise ValueError(f"The demo's earlier reviews do not import: {plan.problems[:3]}")
    apply(plan, by=User.objects.filter(username="secretariat").first(), reason="Imported from earlier-reviews.zip")

"""Demo GCM pledges: fictitious, marked (demo), in each state a pledge goes through."""

import datetime

from django.utils import timezone

from objectives.models import Objective
from pledges.models import Pledge
from reviews.models import PledgeProgress, ReviewCycle, mark_reported
from stakeholders.models import Organisation

from .rows import set_m2m, upsert

D = datetime.date

# (network id, title, organisation, kind, nature, objectives, partners, starts, due, status, progress in 2026)
PLEDGES = [
    (
        "DEMO-001",
        "Digital work permit applications in every region (demo)",
        "MIA",
        Pledge.Kind.INDIVIDUAL,
        Pledge.Nature.PROCESS,
        [5, 6],
        [],
        D(2022, 6, 1),
        D(2026, 12, 31),
        Pledge.Status.VALIDATED,
        ("on_track", "Online applications open in five of six regions."),
    ),
    (
        "DEMO-002",
        "Joint referral of victims of trafficking with civil society (demo)",
        "MIA",
        Pledge.Kind.PARTNERSHIP,
        Pledge.Nature.POLICY,
        [10],
        ["IOM", "BRCS"],
        D(2022, 5, 20),
        D(2025, 12, 31),
        Pledge.Status.VALIDATED,
        ("fulfilled", "The national referral mechanism was updated in 2025."),
    ),
    (
        "",
        "Pre-departure orientation for labour migrants (demo)",
        "MLSP",
        Pledge.Kind.INDIVIDUAL,
        Pledge.Nature.HUMAN_RESOURCES,
        [3, 6],
        [],
        D(2026, 9, 1),
        D(2028, 6, 30),
        Pledge.Status.PROPOSED,
        None,
    ),
]


def seed_pledges(organisations: dict[str, Organisation]) -> None:
    cycle = ReviewCycle.objects.order_by("year").last()
    for network_id, title, owner, kind, nature, numbers, partners, starts, due, status, progress in PLEDGES:
        pledge = Pledge.objects.filter(title=title).first()
        values = {
            "network_id": network_id,
            "description": f"{title}: a demo pledge, recorded to show the register.",
            "organisation": organisations[owner],
            "kind": kind,
            "nature": nature,
            "starts": starts,
            "due": due,
        }
        if pledge is None:
            pledge = upsert(Pledge, {"title": title}, {**values, "status": status})
            if status != Pledge.Status.PROPOSED:
                pledge.validated_at = timezone.now()
                pledge.save(update_fields=["validated_at"])
        set_m2m(pledge.objectives, list(Objective.objects.filter(number__in=numbers)))
        set_m2m(pledge.partners, [organisations[k] for k in partners])
        if progress:
            upsert(PledgeProgress, {"cycle": cycle, "pledge": pledge}, {"status": progress[0], "note": progress[1]})
    mark_reported(cycle)

"""A demo call for inputs: assignments and inputs in each state."""

import datetime as dt

from objectives.models import (
    Objective,
)
from reviews.models import Assignment, Input, ReviewCycle
from stakeholders.models import Organisation, User

from .rows import upsert

DEMO_INPUTS = [
    (5, "MLSP", "accepted"),
    (6, "MLSP", "accepted"),
    (10, "DCM", "accepted"),
    (11, "SBC", "submitted"),
    (4, "DCM", "draft"),
]


def seed_inputs(organisations: dict[str, Organisation]) -> None:
    """A call for inputs in the latest cycle: some inputs accepted, one submitted, one still open for the demo focal point."""

    cycle = ReviewCycle.objects.order_by("year").last()
    secretariat = User.objects.filter(username="secretariat").first()
    focal = User.objects.filter(username="focalpoint").first()
    for number, key, status in DEMO_INPUTS:
        organisation = organisations[key]
        assignment = upsert(
            Assignment,
            {"cycle": cycle, "objective": Objective.objects.get(number=number), "organisation": organisation},
            {
                "role": Assignment.Role.LEAD,
                "focal_point": focal if organisation.acronym == "DCM" else None,
                "deadline": cycle.input_closes,
                # The open demo input can still be submitted.
                "extended_deadline": dt.date(2027, 6, 30) if status == "draft" else None,
                "created_by": secretariat,
            },
        )
        done = status != "draft"
        upsert(
            Input,
            {"assignment": assignment},
            {
                "status": status,
                "measures": f"{organisation.name} reported the measures taken on objective {number}." if done else "",
                "results": "Figures for 2024 and 2025 are in the attached tables." if done else "",
                "submitted_at": dt.datetime(2026, 1, 20, 10, tzinfo=dt.UTC) if done else None,
                "submitted_by": focal if done and organisation.acronym == "DCM" else None,
                "reviewed_by": secretariat if status == "accepted" else None,
                "reviewed_at": dt.datetime(2026, 2, 2, 10, tzinfo=dt.UTC) if status == "accepted" else None,
            },
        )

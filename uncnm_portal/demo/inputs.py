"""A demo call for inputs: assignments and inputs in each state."""

import datetime as dt

from objectives.models import (
    Objective,
)
from reviews.models import Assignment, Input, ReviewCycle
from stakeholders.models import Organisation, User

from .rows import set_m2m, upsert

DEMO_INPUTS = [
    (5, "MLSP", "accepted"),
    (6, "MLSP", "accepted"),
    (10, "DCM", "accepted"),
    (11, "SBC", "submitted"),
    (4, "DCM", "draft"),
]


# Plausible texts of the demo's accepted and submitted inputs: (measures, results, challenges, good practices,
# data and sources, letters of the actions concerned).
INPUT_TEXTS = {
    5: (
        "An electronic application for work permits was introduced in 2024; the list of occupations in shortage "
        "was updated twice a year together with employers.",
        "Processing time for a work permit fell from 15 to 7 working days.",
        "Employers in the regions know little about the electronic procedure.",
        "A joint hotline of the Ministry and the Department of Citizenship and Migration answers employers' questions.",
        "Ministry of Labour and Social Protection, administrative data 2023-2025.",
        "abf",
    ),
    6: (
        "Licensing of recruitment agencies was tightened and labour inspections now cover agencies that recruit "
        "workers abroad.",
        "Licences of 14 agencies were withdrawn after inspections in 2024-2025.",
        "Recruitment through online platforms registered abroad is hard to supervise.",
        "The public register of licensed agencies is published on the Ministry's website.",
        "Department of State Labour Inspection, inspection reports 2024 and 2025.",
        "acd",
    ),
    10: (
        "The national referral mechanism for victims of trafficking was updated by a resolution of the Council of "
        "Ministers; specialised training reached police, border guards and labour inspectors.",
        "Victims identified and referred to assistance: 112 in 2024 and 126 in 2025.",
        "Identification of victims of labour exploitation remains lower than of sexual exploitation.",
        "Shelters run jointly with the Belarusian Red Cross Society in six regions.",
        "Ministry of Internal Affairs, statistics on trafficking in persons 2024-2025.",
        "abh",
    ),
    11: (
        "Automated border control gates were installed at Minsk National Airport.",
        "Average waiting time at the airport border check fell by a third.",
        "",
        "",
        "State Border Committee, annual report 2025.",
        "b",
    ),
}


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
        *parts, letters = INPUT_TEXTS.get(number, ("", "", "", "", "", ""))
        input_ = upsert(
            Input,
            {"assignment": assignment},
            {
                "status": status,
                **dict(zip(Input.TEXT_FIELDS, parts if done else [""] * 5, strict=True)),
                "submitted_at": dt.datetime(2026, 1, 20, 10, tzinfo=dt.UTC) if done else None,
                "submitted_by": focal if done and organisation.acronym == "DCM" else None,
                "reviewed_by": secretariat if status == "accepted" else None,
                "reviewed_at": dt.datetime(2026, 2, 2, 10, tzinfo=dt.UTC) if status == "accepted" else None,
            },
        )
        if done:
            set_m2m(input_.actions, list(assignment.objective.actions.filter(letter__in=letters)))

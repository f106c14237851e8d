"""Demo data: a plausible UN Country Network on Migration in Belarus.

Every function is idempotent: rows are looked up by their natural key and only
created or brought back to the values below, so running the seed twice changes
nothing. E-mail addresses use example.org; people are fictitious.
"""

import datetime
import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import Group
from django.db import transaction

from objectives.models import (
    Action,
    Activity,
    GuidingPrinciple,
    Indicator,
    IndicatorObservation,
    Objective,
    SDGTarget,
)
from reviews.models import ActionProgress, Assignment, Input, ObjectiveAssessment, ProgressStatus, ReviewCycle
from stakeholders.models import Contact, Organisation, Role, User

Kind = Organisation.Kind
NetworkRole = Organisation.NetworkRole

# (name, acronym, kind, network role, parent acronym, website)
ORGANISATIONS = [
    ("International Organization for Migration", "IOM", Kind.UN_AGENCY, NetworkRole.CORE, "", "https://www.iom.int"),
    ("UN Resident Coordinator's Office", "RCO", Kind.UN_AGENCY, NetworkRole.CORE, "", ""),
    (
        "Office of the UN High Commissioner for Refugees",
        "UNHCR",
        Kind.UN_AGENCY,
        NetworkRole.CORE,
        "",
        "https://www.unhcr.org",
    ),
    ("United Nations Children's Fund", "UNICEF", Kind.UN_AGENCY, NetworkRole.CORE, "", "https://www.unicef.org"),
    ("United Nations Development Programme", "UNDP", Kind.UN_AGENCY, NetworkRole.CORE, "", "https://www.undp.org"),
    ("United Nations Population Fund", "UNFPA", Kind.UN_AGENCY, NetworkRole.CORE, "", "https://www.unfpa.org"),
    ("World Health Organization", "WHO", Kind.UN_AGENCY, NetworkRole.CORE, "", "https://www.who.int"),
    ("International Labour Organization", "ILO", Kind.UN_AGENCY, NetworkRole.CORE, "", "https://www.ilo.org"),
    (
        "Office of the UN High Commissioner for Human Rights",
        "OHCHR",
        Kind.UN_AGENCY,
        NetworkRole.CORE,
        "",
        "https://www.ohchr.org",
    ),
    ("UN Women", "UN Women", Kind.UN_AGENCY, NetworkRole.EXTENDED, "", "https://www.unwomen.org"),
    (
        "United Nations Office on Drugs and Crime",
        "UNODC",
        Kind.UN_AGENCY,
        NetworkRole.EXTENDED,
        "",
        "https://www.unodc.org",
    ),
    (
        "Joint United Nations Programme on HIV/AIDS",
        "UNAIDS",
        Kind.UN_AGENCY,
        NetworkRole.EXTENDED,
        "",
        "https://www.unaids.org",
    ),
    (
        "UN Educational, Scientific and Cultural Organization",
        "UNESCO",
        Kind.UN_AGENCY,
        NetworkRole.EXTENDED,
        "",
        "https://www.unesco.org",
    ),
    ("Ministry of Internal Affairs", "MIA", Kind.GOVERNMENT, NetworkRole.NONE, "", ""),
    ("Department of Citizenship and Migration", "DCM", Kind.GOVERNMENT, NetworkRole.NONE, "MIA", ""),
    ("Ministry of Labour and Social Protection", "MLSP", Kind.GOVERNMENT, NetworkRole.NONE, "", ""),
    ("Ministry of Foreign Affairs", "MFA", Kind.GOVERNMENT, NetworkRole.NONE, "", ""),
    ("State Border Committee", "SBC", Kind.GOVERNMENT, NetworkRole.NONE, "", ""),
    ("National Statistical Committee", "Belstat", Kind.GOVERNMENT, NetworkRole.NONE, "", ""),
    ("Ministry of Health", "MoH", Kind.GOVERNMENT, NetworkRole.NONE, "", ""),
    ("Ministry of Education", "MoE", Kind.GOVERNMENT, NetworkRole.NONE, "", ""),
    ("Minsk City Executive Committee", "Minsk CEC", Kind.LOCAL_AUTHORITY, NetworkRole.NONE, "", ""),
    ("Belarusian Red Cross Society", "BRCS", Kind.CIVIL_SOCIETY, NetworkRole.EXTENDED, "", ""),
    ("Gender Perspectives", "", Kind.CIVIL_SOCIETY, NetworkRole.EXTENDED, "", ""),
    ("Association of Migrant Workers' Families (demo)", "", Kind.MIGRANT_DIASPORA, NetworkRole.NONE, "", ""),
    (
        "Belarusian State University, Faculty of International Relations",
        "BSU FIR",
        Kind.ACADEMIA,
        NetworkRole.NONE,
        "",
        "",
    ),
    ("Federation of Trade Unions of Belarus", "FPB", Kind.TRADE_UNION, NetworkRole.NONE, "", ""),
    ("Belarusian Chamber of Commerce and Industry", "BelCCI", Kind.PRIVATE_SECTOR, NetworkRole.NONE, "", ""),
]
COORDINATOR = "IOM"

# (organisation acronym or name, full name, position, focal point)
CONTACTS = [
    ("IOM", "Anna Kovalenko", "Network secretariat officer", True),
    ("UNHCR", "Pavel Ivanov", "Protection associate", True),
    ("UNICEF", "Maria Petrova", "Child protection officer", True),
    ("DCM", "Sergei Novik", "Deputy head of department", True),
    ("MLSP", "Olga Sidorenko", "Head of the labour migration unit", True),
    ("MFA", "Dmitry Klimovich", "Counsellor, consular department", True),
    ("SBC", "Andrei Zhuk", "Head of international cooperation", True),
    ("Belstat", "Elena Moroz", "Head of the population statistics unit", True),
    ("MoH", "Irina Bondar", "Chief specialist", False),
    ("BRCS", "Tatiana Lis", "Migration programme coordinator", True),
]


@dataclass(frozen=True)
class DemoUser:
    username: str
    role: Role | None
    organisation: str
    first_name: str
    last_name: str
    is_staff: bool = False
    is_superuser: bool = False


DEMO_PASSWORD = "demo-portal-2026"
USERS = [
    DemoUser("admin", None, "IOM", "Portal", "Administrator", is_staff=True, is_superuser=True),
    DemoUser("secretariat", Role.SECRETARIAT, "IOM", "Anna", "Kovalenko", is_staff=True),
    DemoUser("focalpoint", Role.FOCAL_POINT, "DCM", "Sergei", "Novik"),
    DemoUser("agency", Role.AGENCY_STAFF, "UNHCR", "Pavel", "Ivanov"),
    DemoUser("observer", Role.OBSERVER, "BRCS", "Tatiana", "Lis"),
]

DEMO_NOTE = "Input window and submission deadline are demo values."
D = datetime.date
CYCLES = [
    {
        "name": "First UNECE regional review (2020)",
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
        "name": "First International Migration Review Forum (2022)",
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
        "name": "Second UNECE regional review (2024)",
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
        "name": "Second International Migration Review Forum (2026)",
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


def seed_organisations() -> dict[str, Organisation]:
    """Create or restore the demo organisations; returns them by acronym (or name)."""
    by_key: dict[str, Organisation] = {}
    for name, acronym, kind, network_role, parent, website in ORGANISATIONS:
        organisation, _ = Organisation.objects.update_or_create(
            name=name,
            defaults={
                "acronym": acronym,
                "kind": kind,
                "network_role": network_role,
                "parent": by_key[parent] if parent else None,
                "website": website,
                "active": True,
                "is_coordinator": acronym == COORDINATOR,
            },
        )
        by_key[acronym or name] = organisation
    return by_key


def seed_contacts(organisations: dict[str, Organisation]) -> None:
    """Create or restore the demo contacts and focal points."""
    for key, full_name, position, is_focal_point in CONTACTS:
        local = full_name.lower().replace(" ", ".")
        Contact.objects.update_or_create(
            organisation=organisations[key],
            full_name=full_name,
            defaults={
                "position": position,
                "email": f"{local}@example.org",
                "phone": "",
                "is_focal_point": is_focal_point,
            },
        )


def seed_users(organisations: dict[str, Organisation]) -> list[DemoUser]:
    """Create the demo users, one per role; an existing user keeps its password."""
    for demo in USERS:
        user, created = User.objects.update_or_create(
            username=demo.username,
            defaults={
                "email": f"{demo.username}@example.org",
                "first_name": demo.first_name,
                "last_name": demo.last_name,
                "organisation": organisations[demo.organisation],
                "is_staff": demo.is_staff,
                "is_superuser": demo.is_superuser,
                "is_active": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.set([Group.objects.get(name=demo.role)] if demo.role else [])
        contact = Contact.objects.filter(organisation=user.organisation, full_name=user.get_full_name()).first()
        if contact and contact.user_id != user.pk:
            contact.user = user
            contact.save(update_fields=["user"])
    return USERS


def seed_cycles() -> None:
    """Create or restore the four review cycles Belarus has taken part in."""
    for values in CYCLES:
        values = dict(values)
        ReviewCycle.objects.update_or_create(level=values.pop("level"), year=values.pop("year"), defaults=values)


@transaction.atomic
def seed(*, scale: int = 1) -> list[DemoUser]:
    """Seed all demo data in one transaction; returns the demo users. scale multiplies activities and indicators."""
    organisations = seed_organisations()
    seed_contacts(organisations)
    users = seed_users(organisations)
    seed_cycles()
    seed_progress(organisations, scale=scale)
    seed_inputs(organisations)
    return users


# --- Progress data: assessments, action statuses, activities and indicators -------------------------

THEMES = {
    1: "migration statistics and data sharing between agencies",
    2: "local development and employment in regions of origin",
    3: "pre-departure and arrival information for migrants",
    4: "identity documents and civil registration for foreign nationals",
    5: "labour migration channels and family reunification",
    6: "fair recruitment and labour inspection",
    7: "support to migrants in vulnerable situations",
    8: "search and identification of missing migrants",
    9: "investigation of migrant smuggling",
    10: "identification and assistance of victims of trafficking",
    11: "integrated border management",
    12: "screening and referral at the border",
    13: "alternatives to immigration detention",
    14: "consular assistance to Belarusian citizens abroad",
    15: "access of migrants to health care and education",
    16: "integration courses and community dialogue",
    17: "media training on migration and anti-discrimination",
    18: "recognition of qualifications and skills training",
    19: "engagement of the Belarusian diaspora",
    20: "cost and channels of remittances",
    21: "assisted voluntary return and reintegration",
    22: "bilateral social security agreements",
    23: "regional and international cooperation on migration",
}
REGIONS = ["Minsk", "Brest region", "Grodno region", "Gomel region", "Mogilev region", "Vitebsk region", "Minsk region"]
ACTIVITY_KINDS = ["Strengthening", "Pilot project on", "Capacity building on", "Study on", "Awareness campaign on"]
LEAD_AGENCIES = ["IOM", "UNHCR", "UNICEF", "UNDP", "UNFPA", "WHO", "ILO", "OHCHR", "UN Women", "UNODC", "BRCS"]
GOVERNMENT = ["MIA", "DCM", "MLSP", "MFA", "SBC", "Belstat", "MoH", "MoE", "Minsk CEC"]
CONTRIBUTORS = ["IOM", "UNHCR", "UNICEF", "UNDP", "ILO", "BRCS", "Gender Perspectives", "BSU FIR", "FPB"]

# (code, name, unit, scope, objectives, SDG targets, source)
GLOBAL_INDICATORS = [
    ("10.7.1", "Recruitment cost borne by employee as a proportion of monthly income", "%", [6], ["10.7"]),
    ("10.7.3", "Number of people who died or disappeared in the process of migration", "persons", [8], ["10.7"]),
    ("10.7.4", "Proportion of the population who are refugees", "%", [7], ["10.7"]),
    ("10.c.1", "Remittance costs as a proportion of the amount remitted", "%", [20], ["10.c"]),
    ("8.8.1", "Fatal and non-fatal occupational injuries among migrant workers", "per 100,000", [6], ["8.8"]),
    ("8.8.2", "Level of national compliance with labour rights", "score", [6], ["8.8"]),
    ("16.2.2", "Victims of human trafficking per 100,000 population", "per 100,000", [10], ["16.2"]),
    ("16.9.1", "Proportion of children under 5 whose births have been registered", "%", [4], ["16.9"]),
    ("17.18.1", "Statistical capacity indicator for SDG monitoring", "score", [1], ["17.18"]),
    ("3.8.1", "Coverage of essential health services", "index", [15], ["3.8"]),
    ("1.3.1", "Proportion of population covered by social protection", "%", [22], ["1.3"]),
    ("10.3.1", "Proportion of population reporting discrimination", "%", [17], ["10.3"]),
]
NATIONAL_INDICATORS = [
    ("Temporary residence permits issued to foreign nationals", "permits", [5]),
    ("Permanent residence permits issued to foreign nationals", "permits", [5]),
    ("Foreign workers with a work permit", "persons", [5, 6]),
    ("Belarusian citizens working abroad under contract", "persons", [6, 14]),
    ("Licensed private employment agencies recruiting abroad", "agencies", [6]),
    ("Identified victims of trafficking", "persons", [10]),
    ("Criminal cases of migrant smuggling opened", "cases", [9]),
    ("Persons granted refugee status or subsidiary protection", "persons", [7, 12]),
    ("Asylum applications lodged", "applications", [12]),
    ("Migrants placed in alternatives to detention", "persons", [13]),
    ("Consular requests handled for citizens abroad", "requests", [14]),
    ("Foreign students enrolled in higher education", "students", [15, 18]),
    ("Migrant children enrolled in general schools", "pupils", [15]),
    ("Participants in integration and language courses", "persons", [16]),
    ("Journalists trained on reporting on migration", "persons", [17]),
    ("Foreign qualifications recognised", "decisions", [18]),
    ("Diaspora organisations registered", "organisations", [19]),
    ("Personal remittances received", "% of GDP", [20]),
    ("Average cost of sending 200 USD to Belarus", "%", [20]),
    ("Returns assisted under voluntary return programmes", "persons", [21]),
    ("Reintegration grants provided to returnees", "grants", [21]),
    ("Bilateral social security agreements in force", "agreements", [22]),
    ("Border crossing points with integrated management", "points", [11]),
    ("Border guards trained on protection-sensitive screening", "persons", [11, 12]),
    ("Migration statistics published disaggregated by sex and age", "tables", [1]),
    ("Administrative registers exchanging migration data", "registers", [1]),
    ("Calls to the migration information hotline", "calls", [3]),
    ("Stateless persons identified", "persons", [4]),
]


def _upsert(model, lookup: dict, values: dict):
    """Create the row, or update it only where a value differs: re-seeding adds no history."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj


def _set_m2m(manager, objects) -> None:
    if {o.pk for o in manager.all()} != {o.pk for o in objects}:
        manager.set(objects)


def seed_progress(organisations: dict[str, Organisation], *, scale: int = 1) -> None:
    """Fill every cycle with assessments and action statuses, and record activities and indicators."""

    rng = random.Random(2026)
    cycles = list(ReviewCycle.objects.order_by("year"))
    objectives = list(Objective.objects.order_by("number"))
    principles = list(GuidingPrinciple.objects.all())
    actions = list(Action.objects.select_related("objective").order_by("objective__number", "letter"))
    secretariat = User.objects.filter(username="secretariat").first()
    _seed_assessments(rng, cycles, objectives, principles, organisations, secretariat)
    _seed_action_progress(rng, cycles, actions, secretariat)
    _seed_activities(rng, organisations, objectives, actions, secretariat, count=150 * scale)
    _seed_indicators(rng, objectives, count=len(GLOBAL_INDICATORS) + len(NATIONAL_INDICATORS) * scale)


def _seed_assessments(rng, cycles, objectives, principles, organisations, by) -> None:

    scale = list(ProgressStatus)
    for objective in objectives:
        theme = THEMES[objective.number]
        rank = rng.randint(1, 2)
        for index, cycle in enumerate(cycles):
            assessed = index > 0 or rng.random() < 0.7
            rank = min(4, rank + (1 if index and rng.random() < 0.45 else 0))
            status = scale[rank] if assessed else ProgressStatus.NOT_ASSESSED
            leads = rng.sample(GOVERNMENT, 2)
            helpers = rng.sample(CONTRIBUTORS, 3)
            texts = {
                "achievements": (
                    f"Work on {theme} advanced in {cycle.year}: **{organisations[leads[0]].name}** led the effort "
                    f"with support from {organisations[helpers[0]].display_name} and "
                    f"{organisations[helpers[1]].display_name}.\n\n"
                    f"- {rng.randint(2, 9)} regional workshops held\n- {rng.randint(50, 400)} officials trained"
                ),
                "policy_changes": (
                    f"The Concept of Migration Policy 2024-2028 sets measures on {theme}."
                    if cycle.year >= 2024
                    else f"Amendments on {theme} were prepared by {organisations[leads[1]].name}."
                ),
                "challenges": f"Limited disaggregated data and funding for {theme} outside Minsk.",
                "good_practices": f"A joint working group on {theme} meets every quarter.",
                "next_steps": f"Extend the work on {theme} to {rng.choice(REGIONS)} by {cycle.year + 2}.",
            }
            if not assessed:
                texts = dict.fromkeys(texts, "")
            assessment = _upsert(
                ObjectiveAssessment,
                {"cycle": cycle, "objective": objective},
                {"status": status, "updated_by": by, **texts},
            )
            chosen = rng.sample(principles, rng.randint(3, 6)) if assessed else []
            _set_m2m(assessment.principles, chosen)
            _set_m2m(assessment.lead_organisations, [organisations[k] for k in leads] if assessed else [])
            _set_m2m(assessment.contributing_organisations, [organisations[k] for k in helpers] if assessed else [])


def _seed_action_progress(rng, cycles, actions, by) -> None:
    statuses = [
        ActionProgress.Status.NONE,
        ActionProgress.Status.PLANNED,
        ActionProgress.Status.ONGOING,
        ActionProgress.Status.COMPLETED,
    ]
    for index, cycle in enumerate(cycles):
        weights = [0.35 - 0.05 * index, 0.2, 0.3, 0.15 + 0.05 * index]
        for action in actions:
            status = rng.choices(statuses, weights)[0]
            note = f"Reported by the lead ministry for {action.code}." if status != statuses[0] else ""
            _upsert(
                ActionProgress, {"cycle": cycle, "action": action}, {"status": status, "note": note, "updated_by": by}
            )


def _seed_activities(rng, organisations, objectives, actions, by, *, count: int) -> None:

    by_objective: dict[int, list] = {}
    for action in actions:
        by_objective.setdefault(action.objective_id, []).append(action)
    for n in range(1, count + 1):
        supported = rng.sample(objectives, rng.randint(1, 3))
        start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 7 * 365))
        length = rng.choice([180, 365, 540, 730, 1095, None])
        end = start + dt.timedelta(days=length) if length else None
        today = dt.date(2026, 11, 1)
        status = Activity.Status.COMPLETED if end and end < today else Activity.Status.ONGOING
        if start > today:
            status = Activity.Status.PLANNED
        theme = THEMES[supported[0].number]
        lead = organisations[rng.choice(LEAD_AGENCIES)]
        budgeted = rng.random() < 0.7
        activity = _upsert(
            Activity,
            {"title": f"{rng.choice(ACTIVITY_KINDS)} {theme} ({n:03d})"},
            {
                "lead_organisation": lead,
                "start_date": start,
                "end_date": end,
                "status": status,
                "budget": Decimal(rng.randrange(20_000, 1_500_000, 5_000)) if budgeted else None,
                "currency": rng.choice(["USD", "EUR"]) if budgeted else "",
                "location": rng.choice(REGIONS),
                "description": f"The project supports {theme}.\n\nIt is run with national partners.",
                "link": "",
                "created_by": by,
            },
        )
        _set_m2m(activity.objectives, supported)
        chosen = [a for o in supported for a in rng.sample(by_objective[o.pk], min(2, len(by_objective[o.pk])))]
        _set_m2m(activity.actions, chosen)
        _set_m2m(activity.partners, [organisations[k] for k in rng.sample(GOVERNMENT, 2)])


def _seed_indicators(rng, objectives, *, count: int) -> None:

    by_number = {o.number: o for o in objectives}
    targets = {t.code: t for t in SDGTarget.objects.all()}
    rows = [
        (f"SDG {code}", name, unit, Indicator.Scope.GLOBAL, numbers, sdgs, "SDG global database")
        for code, name, unit, numbers, sdgs in GLOBAL_INDICATORS
    ]
    national = NATIONAL_INDICATORS * (1 + count // max(1, len(NATIONAL_INDICATORS)))
    for n, (name, unit, numbers) in enumerate(national[: count - len(rows)], start=1):
        label = name if n <= len(NATIONAL_INDICATORS) else f"{name} ({n})"
        rows.append(
            (f"BY-{n:02d}", label, unit, Indicator.Scope.NATIONAL, numbers, ["10.7"], "National Statistical Committee")
        )
    for code, name, unit, scope, numbers, sdgs, source in rows:
        base = Decimal(rng.randint(5, 5000))
        indicator = _upsert(
            Indicator,
            {"code": code},
            {
                "name": name,
                "unit": unit,
                "scope": scope,
                "source": source,
                "baseline_value": base,
                "baseline_year": 2018,
                "target_value": (base * Decimal("1.25")).quantize(Decimal("1")),
                "target_year": 2030,
            },
        )
        _set_m2m(indicator.objectives, [by_number[n] for n in numbers if n in by_number] or [Objective.objects.first()])
        _set_m2m(indicator.sdg_targets, [targets[c] for c in sdgs if c in targets])
        value = base
        for year in range(2019, 2026):
            value = (value * Decimal(str(round(rng.uniform(0.92, 1.12), 3)))).quantize(Decimal("0.1"))
            _upsert(
                IndicatorObservation,
                {"indicator": indicator, "year": year, "disaggregation": ""},
                {"value": value, "source": source},
            )


def grow_tenfold() -> None:
    """Add nine times the demo's activities, indicators, observations and organisations, in bulk (no history).

    For the query-count tests and the benchmarks: ten times the demo size.
    """

    rng = random.Random(10)
    objectives = list(Objective.objects.all())
    actions = list(Action.objects.all())
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Partner {n}", kind=rng.choice(Organisation.Kind.values))
        for n in range(9 * Organisation.objects.count())
    )
    demo_activities = Activity.objects.count()
    activities = Activity.objects.bulk_create(
        Activity(
            title=f"Grown activity {n}",
            lead_organisation=rng.choice(organisations),
            start_date="2023-05-01",
            status="ongoing",
            description="Grown",
        )
        for n in range(9 * demo_activities)
    )
    Activity.objectives.through.objects.bulk_create(
        Activity.objectives.through(activity=a, objective=rng.choice(objectives)) for a in activities
    )
    Activity.actions.through.objects.bulk_create(
        Activity.actions.through(activity=a, action=rng.choice(actions)) for a in activities
    )
    Activity.partners.through.objects.bulk_create(
        Activity.partners.through(activity=a, organisation=rng.choice(organisations)) for a in activities
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(code=f"GROWN-{n}", name=f"Grown indicator {n}") for n in range(9 * Indicator.objects.count())
    )
    Indicator.objectives.through.objects.bulk_create(
        Indicator.objectives.through(indicator=i, objective=rng.choice(objectives)) for i in indicators
    )
    IndicatorObservation.objects.bulk_create(
        IndicatorObservation(indicator=i, year=year, value=year) for i in indicators for year in range(2019, 2026)
    )


# (objective, organisation, status of the input in the 2026 cycle)
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
        assignment = _upsert(
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
        _upsert(
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

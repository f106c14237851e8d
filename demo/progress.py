"""Demo progress data: assessments, action statuses, activities and indicators; grow_tenfold for the benchmarks."""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal

from django.utils import translation

from objectives.models import (
    Action,
    Activity,
    GuidingPrinciple,
    Indicator,
    IndicatorObservation,
    Objective,
    SDGTarget,
)
from reviews.models import (
    ActionProgress,
    NarrativeTranslation,
    ObjectiveAssessment,
    ProgressStatus,
    ReviewCycle,
    fingerprint,
)
from stakeholders.models import Organisation, User
from uncnm_portal import freshness

from .indicator_names import translated
from .rows import set_m2m, upsert

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
# The same themes in Russian and Belarusian: the demo's assessments come with their translations.
THEMES_RU_BE = {
    1: (
        "миграционной статистики и обмена данными между ведомствами",
        "міграцыйнай статыстыкі і абмену данымі паміж ведамствамі",
    ),
    2: (
        "местного развития и занятости в регионах происхождения",
        "мясцовага развіцця і занятасці ў рэгіёнах паходжання",
    ),
    3: ("информирования мигрантов до выезда и по прибытии", "інфармавання мігрантаў да выезду і па прыбыцці"),
    4: (
        "документов, удостоверяющих личность, и регистрации актов гражданского состояния иностранцев",
        "дакументаў, якія сведчаць асобу, і рэгістрацыі актаў грамадзянскага стану замежнікаў",
    ),
    5: ("каналов трудовой миграции и воссоединения семей", "каналаў працоўнай міграцыі і ўз'яднання сем'яў"),
    6: ("этичного найма и инспекции труда", "этычнага найму і інспекцыі працы"),
    7: ("поддержки мигрантов в уязвимом положении", "падтрымкі мігрантаў ва ўразлівым становішчы"),
    8: ("поиска и идентификации пропавших мигрантов", "пошуку і ідэнтыфікацыі зніклых мігрантаў"),
    9: ("расследования незаконного ввоза мигрантов", "расследавання незаконнага ўвозу мігрантаў"),
    10: ("выявления жертв торговли людьми и помощи им", "выяўлення ахвяр гандлю людзьмі і дапамогі ім"),
    11: ("комплексного управления границами", "комплекснага кіравання межамі"),
    12: ("проверки и перенаправления на границе", "праверкі і перанакіравання на мяжы"),
    13: ("альтернатив иммиграционному задержанию", "альтэрнатыў іміграцыйнаму затрыманню"),
    14: ("консульской помощи гражданам Беларуси за рубежом", "консульскай дапамогі грамадзянам Беларусі за мяжой"),
    15: ("доступа мигрантов к здравоохранению и образованию", "доступу мігрантаў да аховы здароўя і адукацыі"),
    16: ("курсов интеграции и диалога в местных сообществах", "курсаў інтэграцыі і дыялогу ў мясцовых супольнасцях"),
    17: (
        "обучения СМИ освещению миграции и противодействию дискриминации",
        "навучання СМІ асвятленню міграцыі і процідзеянню дыскрымінацыі",
    ),
    18: ("признания квалификаций и профессионального обучения", "прызнання кваліфікацый і прафесійнага навучання"),
    19: ("взаимодействия с белорусской диаспорой", "узаемадзеяння з беларускай дыяспарай"),
    20: ("стоимости и каналов денежных переводов", "кошту і каналаў грашовых пераводаў"),
    21: ("добровольного возвращения и реинтеграции", "добраахвотнага вяртання і рэінтэграцыі"),
    22: ("двусторонних соглашений о социальном обеспечении", "двухбаковых пагадненняў аб сацыяльным забеспячэнні"),
    23: (
        "регионального и международного сотрудничества по вопросам миграции",
        "рэгіянальнага і міжнароднага супрацоўніцтва па пытаннях міграцыі",
    ),
}
REGIONS_RU_BE = {
    "Minsk": ("Минск", "Мінск"),
    "Brest region": ("Брестскую область", "Брэсцкую вобласць"),
    "Grodno region": ("Гродненскую область", "Гродзенскую вобласць"),
    "Gomel region": ("Гомельскую область", "Гомельскую вобласць"),
    "Mogilev region": ("Могилёвскую область", "Магілёўскую вобласць"),
    "Vitebsk region": ("Витебскую область", "Віцебскую вобласць"),
    "Minsk region": ("Минскую область", "Мінскую вобласць"),
}
REGIONS = ["Minsk", "Brest region", "Grodno region", "Gomel region", "Mogilev region", "Vitebsk region", "Minsk region"]
ACTIVITY_KINDS = ["Strengthening", "Pilot project on", "Capacity building on", "Study on", "Awareness campaign on"]
# The same kinds in Russian and Belarusian, before a theme in the genitive (THEMES_RU_BE).
ACTIVITY_KINDS_RU_BE = {
    "Strengthening": ("Укрепление", "Умацаванне"),
    "Pilot project on": ("Пилотный проект в области", "Пілотны праект у галіне"),
    "Capacity building on": ("Развитие потенциала в области", "Развіццё патэнцыялу ў галіне"),
    "Study on": ("Исследование в области", "Даследаванне ў галіне"),
    "Awareness campaign on": ("Информационная кампания в области", "Інфармацыйная кампанія ў галіне"),
}
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
    latest = cycles[-1] if cycles else None

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
            workshops, officials = rng.randint(2, 9), rng.randint(50, 400)
            texts = {
                "achievements": (
                    f"Work on {theme} advanced in {cycle.year}: **{organisations[leads[0]].name}** led the effort "
                    f"with support from {organisations[helpers[0]].display_name} and "
                    f"{organisations[helpers[1]].display_name}.\n\n"
                    f"- {workshops} regional workshops held\n- {officials} officials trained"
                ),
                "policy_changes": (
                    f"The National action plan on migration 2024-2028 sets measures on {theme}."
                    if cycle.year >= 2024
                    else f"Amendments on {theme} were prepared by {organisations[leads[1]].name}."
                ),
                "challenges": f"Limited disaggregated data and funding for {theme} outside Minsk.",
                "good_practices": f"A joint working group on {theme} meets every quarter.",
                "next_steps": f"Extend the work on {theme} to {(region := rng.choice(REGIONS))} by {cycle.year + 2}.",
            }
            if not assessed:
                texts = dict.fromkeys(texts, "")
            revised = _revised(texts, objective.number) if assessed and cycle == latest else texts
            lookup = {"cycle": cycle, "objective": objective}
            first_seed = not ObjectiveAssessment.objects.filter(**lookup).exists()
            assessment = upsert(
                ObjectiveAssessment,
                lookup,
                # The Government published the narratives of the reviews it has closed.
                {"status": status, "updated_by": by, "narratives_public": cycle.year < 2026}
                | (texts if first_seed else revised),
            )
            if revised != texts and first_seed:  # the revision comes after the text, in its history
                upsert(ObjectiveAssessment, lookup, revised)
            if assessed:
                facts = {
                    "number": objective.number,
                    "year": cycle.year,
                    "lead": organisations[leads[0]],
                    "other_lead": organisations[leads[1]],
                    "helpers": [organisations[helpers[0]], organisations[helpers[1]]],
                    "workshops": workshops,
                    "officials": officials,
                    "region": region,
                }
                _seed_translations(assessment, texts, facts, by)
            chosen = rng.sample(principles, rng.randint(3, 6)) if assessed else []
            set_m2m(assessment.principles, chosen)
            set_m2m(assessment.lead_organisations, [organisations[k] for k in leads] if assessed else [])
            set_m2m(assessment.contributing_organisations, [organisations[k] for k in helpers] if assessed else [])


# Texts of the latest review revised after they were translated: their Russian and Belarusian translations
# are outdated, so that a translator's round trip (the translations page, XLSX or XLIFF) can be tried on a
# fresh demo (with the text they were made from in the assessment's history).
REVISED_AFTER_TRANSLATION = {
    1: ("next_steps", "The regions will report on it every six months from 2027."),
    12: ("challenges", "Interpretation into sign language is not yet available at every crossing point."),
}


def _revised(texts: dict, number: int) -> dict:
    if number not in REVISED_AFTER_TRANSLATION:
        return texts
    field, sentence = REVISED_AFTER_TRANSLATION[number]
    return {**texts, field: f"{texts[field]} {sentence}"}


# The demo plan's measure (demo/policies.py) that the actions of an objective report on.
PLAN_MEASURES = {1: "1.1", 5: "1.2", 6: "2.1", 10: "3.1", 12: "3.2"}


def _translated_texts(language: str, facts: dict) -> dict:
    """The demo narratives in Russian or Belarusian, with the same facts as the English ones."""
    index = 0 if language == "ru" else 1
    theme, region = THEMES_RU_BE[facts["number"]][index], REGIONS_RU_BE[facts["region"]][index]
    year = facts["year"]
    with translation.override(language):
        lead, other = facts["lead"].name, facts["other_lead"].name
        first, second = (o.display_name for o in facts["helpers"])
    if language == "ru":
        return {
            "achievements": f"В {year} году достигнут прогресс в области {theme}: работу возглавило ведомство «{lead}» "
            f"при поддержке {first} и {second}.\n\n"
            f"- проведено региональных семинаров: {facts['workshops']}\n- обучено должностных лиц: {facts['officials']}",
            "policy_changes": f"Национальный план действий в сфере миграции на 2024-2028 годы предусматривает меры в области {theme}."
            if year >= 2024
            else f"Ведомство «{other}» подготовило изменения в области {theme}.",
            "challenges": f"Недостаточно дезагрегированных данных и финансирования в области {theme} за пределами Минска.",
            "good_practices": f"Совместная рабочая группа в области {theme} собирается ежеквартально.",
            "next_steps": f"Распространить работу в области {theme} на {region} к {year + 2} году.",
        }
    return {
        "achievements": f"У {year} годзе дасягнуты прагрэс у галіне {theme}: працу ўзначаліла ведамства «{lead}» "
        f"пры падтрымцы {first} і {second}.\n\n"
        f"- праведзена рэгіянальных семінараў: {facts['workshops']}\n- навучана службовых асоб: {facts['officials']}",
        "policy_changes": f"Нацыянальны план дзеянняў у сферы міграцыі на 2024-2028 гады прадугледжвае меры ў галіне {theme}."
        if year >= 2024
        else f"Ведамства «{other}» падрыхтавала змены ў галіне {theme}.",
        "challenges": f"Недастаткова дэзагрэгаваных даных і фінансавання ў галіне {theme} за межамі Мінска.",
        "good_practices": f"Сумесная працоўная група ў галіне {theme} збіраецца штоквартальна.",
        "next_steps": f"Пашырыць працу ў галіне {theme} на {region} да {year + 2} года.",
    }


def _seed_translations(assessment, texts: dict, facts: dict, by) -> None:
    for language in ("ru", "be"):
        for name, text in _translated_texts(language, facts).items():
            upsert(
                NarrativeTranslation,
                {"assessment": assessment, "field": name, "language": language},
                {"text": text, "source_fingerprint": fingerprint(texts[name]), "updated_by": by},
            )


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
            measure = PLAN_MEASURES.get(action.objective.number)
            noted = measure and status in (ActionProgress.Status.ONGOING, ActionProgress.Status.COMPLETED)
            notes = {
                "note_en": f"Measure {measure} of the National action plan on migration 2024-2028." if noted else "",
                "note_ru": f"Мера {measure} Национального плана действий в сфере миграции на 2024-2028 годы."
                if noted
                else "",
                "note_be": f"Мера {measure} Нацыянальнага плана дзеянняў у сферы міграцыі на 2024-2028 гады."
                if noted
                else "",
            }
            upsert(ActionProgress, {"cycle": cycle, "action": action}, {"status": status, **notes, "updated_by": by})


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
        theme_ru, theme_be = THEMES_RU_BE[supported[0].number]
        kind = rng.choice(ACTIVITY_KINDS)
        kind_ru, kind_be = ACTIVITY_KINDS_RU_BE[kind]
        lead = organisations[rng.choice(LEAD_AGENCIES)]
        budgeted = rng.random() < 0.7
        activity = upsert(
            Activity,
            {"title_en": f"{kind} {theme} ({n:03d})"},
            {
                "title_ru": f"{kind_ru} {theme_ru} ({n:03d})",
                "title_be": f"{kind_be} {theme_be} ({n:03d})",
                "lead_organisation": lead,
                "start_date": start,
                "end_date": end,
                "status": status,
                "budget": Decimal(rng.randrange(20_000, 1_500_000, 5_000)) if budgeted else None,
                "currency": rng.choice(["USD", "EUR"]) if budgeted else "",
                "location": rng.choice(REGIONS),
                "description_en": f"The project supports {theme}.\n\nIt is run with national partners.",
                "description_ru": f"Проект содействует работе в области {theme_ru}.\n\n"
                "Он осуществляется совместно с национальными партнёрами.",
                "description_be": f"Праект садзейнічае працы ў галіне {theme_be}.\n\n"
                "Ён ажыццяўляецца разам з нацыянальнымі партнёрамі.",
                "link": "",
                "created_by": by,
            },
        )
        set_m2m(activity.objectives, supported)
        chosen = [a for o in supported for a in rng.sample(by_objective[o.pk], min(2, len(by_objective[o.pk])))]
        set_m2m(activity.actions, chosen)
        set_m2m(activity.partners, [organisations[k] for k in rng.sample(GOVERNMENT, 2)])


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
        shape = _shape(name, unit)
        base = shape.first(rng)
        indicator = upsert(
            Indicator,
            {"code": code},
            {
                "name_en": name,
                "unit_en": unit,
                **translated(name.split(" (")[0], unit),
                "scope": scope,
                "source": source,
                "baseline_value": base,
                "baseline_year": 2018,
                "target_value": shape.fit(base * (Decimal("0.75") if shape.lower_is_better else Decimal("1.25"))),
                "target_year": 2030,
            },
        )
        set_m2m(indicator.objectives, [by_number[n] for n in numbers if n in by_number] or [Objective.objects.first()])
        set_m2m(indicator.sdg_targets, [targets[c] for c in sdgs if c in targets])
        value = base
        for year in range(2019, 2026):
            value = shape.fit(value * Decimal(str(round(rng.uniform(0.92, 1.12), 3))))
            upsert(
                IndicatorObservation,
                {"indicator": indicator, "year": year, "disaggregation": ""},
                {"value": value, "source": source},
            )


@dataclass
class _Shape:
    """What values of a unit look like: counts are whole numbers, shares stay within 0-100 with one decimal."""

    low: float
    high: float
    whole: bool
    ceiling: Decimal | None
    lower_is_better: bool

    def first(self, rng: random.Random) -> Decimal:
        return self.fit(Decimal(str(round(rng.uniform(self.low, self.high), 1))))

    def fit(self, value: Decimal) -> Decimal:
        value = min(value, self.ceiling) if self.ceiling is not None else value
        return value.quantize(Decimal("1") if self.whole else Decimal("0.1"))


LOWER_IS_BETTER = ("cost", "died", "injuries", "discrimination", "victims of human trafficking", "smuggling")


def _shape(name: str, unit: str) -> _Shape:
    lower = any(word in name.lower() for word in LOWER_IS_BETTER)
    if unit.startswith("%"):
        return _Shape(0.5, 40, whole=False, ceiling=Decimal(100), lower_is_better=lower)
    if unit in ("score", "index"):
        return _Shape(40, 90, whole=False, ceiling=Decimal(100), lower_is_better=lower)
    if unit.startswith("per "):
        return _Shape(0.5, 30, whole=False, ceiling=None, lower_is_better=lower)
    return _Shape(5, 5000, whole=True, ceiling=None, lower_is_better=lower)


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
    freshness.bump()  # bulk writes send no signal: pages cached before must not outlive them


# (objective, organisation, status of the input in the 2026 cycle)

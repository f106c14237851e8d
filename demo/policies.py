"""The demo policy register: the main migration laws of Belarus, a national action plan with measures
(demo content, marked so) and the status of its measures in the latest review cycle."""

import datetime as dt

from objectives.models import Objective
from policies.models import Instrument, PlanMeasure
from reviews.models import MeasureProgress, ReviewCycle
from stakeholders.models import Organisation

from .rows import set_m2m, upsert

D = dt.date
# (kind, title en/ru/be, reference, adopted on, responsible, objectives, summary en/ru/be)
INSTRUMENTS = [
    (
        Instrument.Kind.LAW,
        (
            "Law on the Legal Status of Foreign Citizens and Stateless Persons in the Republic of Belarus",
            "Закон «О правовом положении иностранных граждан и лиц без гражданства в Республике Беларусь»",
            "Закон «Аб прававым становішчы замежных грамадзян і асоб без грамадзянства ў Рэспубліцы Беларусь»",
        ),
        "No. 105-Z",
        D(2010, 1, 4),
        "MIA",
        [4, 5, 15],
        (
            "Sets the rules of entry, stay, residence permits and rights of foreign nationals.",
            "Устанавливает правила въезда, пребывания, выдачи разрешений на проживание и права иностранных граждан.",
            "Устанаўлівае правілы ўезду, знаходжання, выдачы дазволаў на пражыванне і правы замежных грамадзян.",
        ),
    ),
    (
        Instrument.Kind.LAW,
        (
            "Law on External Labour Migration",
            "Закон «О внешней трудовой миграции»",
            "Закон «Аб знешняй працоўнай міграцыі»",
        ),
        "No. 225-Z",
        D(2010, 12, 30),
        "MLSP",
        [5, 6, 18],
        (
            "Regulates work permits, recruitment of foreign workers and the rights of migrant workers.",
            "Регулирует разрешения на работу, наём иностранных работников и права трудящихся-мигрантов.",
            "Рэгулюе дазволы на працу, наём замежных работнікаў і правы працоўных-мігрантаў.",
        ),
    ),
    (
        Instrument.Kind.LAW,
        (
            "Law on Countering Trafficking in Human Beings",
            "Закон «О противодействии торговле людьми»",
            "Закон «Аб процідзеянні гандлю людзьмі»",
        ),
        "No. 350-Z",
        D(2012, 1, 7),
        "MIA",
        [10],
        (
            "Defines the identification of victims, their protection and assistance, and the bodies responsible.",
            "Определяет выявление жертв, их защиту и помощь им, а также ответственные органы.",
            "Вызначае выяўленне ахвяр, іх абарону і дапамогу ім, а таксама адказныя органы.",
        ),
    ),
    (
        Instrument.Kind.ACTION_PLAN,
        (
            "National action plan on migration 2024-2028 (demo)",
            "Национальный план действий в сфере миграции на 2024-2028 годы (демо)",
            "Нацыянальны план дзеянняў у сферы міграцыі на 2024-2028 гады (дэма)",
        ),
        "",
        D(2024, 3, 1),
        "MIA",
        [1, 5, 6, 10, 12],
        (
            "Demo content: measures on data, labour migration, fair recruitment, trafficking and screening.",
            "Демонстрационное содержание: меры в области данных, трудовой миграции, этичного найма, противодействия торговле людьми и проверки на границе.",
            "Дэманстрацыйны змест: меры ў галіне даных, працоўнай міграцыі, этычнага найму, процідзеяння гандлю людзьмі і праверкі на мяжы.",
        ),
    ),
]
# (number, title, responsible, deadline, objectives, status in the latest cycle)
MEASURES = [
    (
        "1.1",
        "Publish annual migration statistics disaggregated by sex and age",
        "Belstat",
        D(2025, 6, 30),
        [1],
        "implemented",
    ),
    ("1.2", "Introduce an electronic application for work permits", "MLSP", D(2024, 12, 31), [5], "implemented"),
    ("2.1", "Publish a register of licensed recruitment agencies", "MLSP", D(2025, 3, 31), [6], "implemented"),
    ("2.2", "Train labour inspectors on fair recruitment", "MLSP", D(2025, 12, 31), [6], "in_progress"),
    (
        "3.1",
        "Update the national referral mechanism for victims of trafficking",
        "MIA",
        D(2025, 6, 30),
        [10],
        "implemented",
    ),
    ("3.2", "Introduce vulnerability screening at border crossing points", "SBC", D(2026, 12, 31), [12], "not_started"),
]


def seed_policies(organisations: dict[str, Organisation]) -> None:
    plan = None
    for kind, titles, reference, adopted_on, responsible, numbers, summaries in INSTRUMENTS:
        instrument = upsert(
            Instrument,
            {"title_en": titles[0]},
            {
                "kind": kind,
                "title_ru": titles[1],
                "title_be": titles[2],
                "reference": reference,
                "adopted_on": adopted_on,
                "responsible": organisations[responsible],
                "summary_en": summaries[0],
                "summary_ru": summaries[1],
                "summary_be": summaries[2],
            },
        )
        set_m2m(instrument.objectives, list(Objective.objects.filter(number__in=numbers)))
        if kind == Instrument.Kind.ACTION_PLAN:
            plan = instrument
    cycle = ReviewCycle.objects.order_by("year").last()
    for number, title, responsible, deadline, numbers, status in MEASURES:
        measure = upsert(
            PlanMeasure,
            {"plan": plan, "number": number},
            {"title_en": title, "responsible": organisations[responsible], "deadline": deadline},
        )
        set_m2m(measure.objectives, list(Objective.objects.filter(number__in=numbers)))
        upsert(MeasureProgress, {"cycle": cycle, "measure": measure}, {"status": status})

"""The Government's process for the demo reviews: the lead ministry, the working group, the consultations."""

import datetime as dt

from inputs.models import Consultation, ConsultationParticipants, Input, WrittenContribution
from objectives.models import Objective
from reviews.models import ReviewCycle
from stakeholders.models import Organisation

from .rows import set_m2m, upsert

MECHANISM = {
    "coordination_mechanism_en": "the Inter-agency Working Group on the Global Compact for Migration",
    "coordination_mechanism_ru": "межведомственную рабочую группу по Глобальному договору о миграции",
    "coordination_mechanism_be": "міжведамасную рабочую групу па Глабальным дагаворы аб міграцыі",
    "validating_body_en": "the Council of Ministers of the Republic of Belarus",
    "validating_body_ru": "Советом Министров Республики Беларусь",
    "validating_body_be": "Саветам Міністраў Рэспублікі Беларусь",
}
MEMBERS = ["MIA", "DCM", "MLSP", "MFA", "SBC", "Belstat", "MoH", "MoE", "Minsk CEC"]

# (title en/ru/be, date, format, organiser, objectives, {kind: count}, women, men, key messages en/ru/be, input objectives)
CONSULTATIONS = [
    (
        (
            "National consultation on the GCM review with civil society and migrants",
            "Национальная консультация по обзору ГДМ с гражданским обществом и мигрантами",
            "Нацыянальная кансультацыя па аглядзе ГДМ з грамадзянскай супольнасцю і мігрантамі",
        ),
        dt.date(2025, 11, 18),
        Consultation.Format.WORKSHOP,
        "MIA",
        [5, 6, 15, 16],
        {"government": 11, "civil_society": 14, "migrants": 9, "trade_union": 3, "un_international": 6},
        27,
        16,
        (
            "Participants asked for clearer information on work permits in Russian and English, "
            "and for health insurance that covers labour migrants from the first day of work.",
            "Участники просили более понятной информации о разрешениях на работу на русском и английском "
            "языках и медицинского страхования трудовых мигрантов с первого дня работы.",
            "Удзельнікі прасілі больш зразумелай інфармацыі пра дазволы на працу на рускай і англійскай "
            "мовах і медыцынскага страхавання працоўных мігрантаў з першага дня працы.",
        ),
        [5, 6],
    ),
    (
        (
            "Round table with employers and trade unions on fair recruitment",
            "Круглый стол с работодателями и профсоюзами по этичному найму",
            "Круглы стол з працадаўцамі і прафсаюзамі па этычным найме",
        ),
        dt.date(2025, 12, 9),
        Consultation.Format.WORKSHOP,
        "MLSP",
        [6],
        {"government": 5, "employers": 8, "trade_union": 6, "un_international": 2},
        10,
        11,
        (
            "Employers supported a public register of licensed recruitment agencies; trade unions asked that "
            "recruitment fees never be charged to workers.",
            "Работодатели поддержали публичный реестр лицензированных кадровых агентств; профсоюзы просили "
            "никогда не взимать плату за наём с работников.",
            "Працадаўцы падтрымалі публічны рэестр ліцэнзаваных кадравых агенцтваў; прафсаюзы прасілі ніколі "
            "не спаганяць плату за наём з работнікаў.",
        ),
        [6],
    ),
    (
        (
            "Written call for contributions to the national review",
            "Письменный призыв к представлению материалов для национального обзора",
            "Пісьмовы заклік да прадстаўлення матэрыялаў для нацыянальнага агляду",
        ),
        dt.date(2026, 1, 15),
        Consultation.Format.WRITTEN_CALL,
        "MIA",
        [],
        {"civil_society": 4, "academia": 3, "nhri": 1, "migrants": 2},
        None,
        None,
        ("", "", ""),
        [],
    ),
]


# (organisation, contact, title, text, objectives, cite, publish, status, in annex)
SOCIETY = [
    (
        "Association of Migrant Workers' Families (demo)",
        "Aliya K.",
        "Health care and information for labour migrants",
        "Labour migrants and their families ask for **health insurance from the first day of work** and for "
        "information on work permits in the languages they read. Members report that employers in the regions "
        "rarely know the electronic procedure.",
        [5, 15],
        True,
        True,
        WrittenContribution.Status.ACCEPTED,
        True,
    ),
    (
        "Federation of Trade Unions of Belarus",
        "Pavel S.",
        "Recruitment fees",
        "Recruitment fees should never be charged to workers; the register of licensed agencies should show "
        "withdrawn licences too.",
        [6],
        True,
        False,
        WrittenContribution.Status.ACCEPTED,
        False,
    ),
    (
        "Gender Perspectives",
        "Marina L.",
        "Women migrant workers",
        "Shelters and hotlines should reach women migrant workers outside Minsk.",
        [7, 10],
        False,
        False,
        WrittenContribution.Status.SUBMITTED,
        False,
    ),
]


def seed_process(organisations: dict[str, Organisation]) -> None:
    """The lead ministry and working group of the reviews since 2024, and the latest review's consultations."""
    cycles = list(ReviewCycle.objects.filter(year__gte=2024).order_by("year"))
    for cycle in cycles:
        upsert(ReviewCycle, {"pk": cycle.pk}, {"lead_organisation": organisations["MIA"], **MECHANISM})
        set_m2m(cycle.mechanism_members, [organisations[key] for key in MEMBERS])
    latest = cycles[-1]
    upsert(
        ReviewCycle, {"pk": latest.pk}, {"validation_due": dt.date(2026, 2, 20), "data_cutoff": dt.date(2025, 12, 31)}
    )
    for titles, held_on, form, organiser, numbers, counts, women, men, messages, input_numbers in CONSULTATIONS:
        consultation = upsert(
            Consultation,
            {"cycle": latest, "title_en": titles[0]},
            {
                "title_ru": titles[1],
                "title_be": titles[2],
                "held_on": held_on,
                "format": form,
                "organiser": organisations[organiser],
                "women": women,
                "men": men,
                "key_messages_en": messages[0],
                "key_messages_ru": messages[1],
                "key_messages_be": messages[2],
            },
        )
        set_m2m(consultation.objectives, list(Objective.objects.filter(number__in=numbers)))
        set_m2m(
            consultation.inputs,
            list(Input.objects.filter(assignment__cycle=latest, assignment__objective__number__in=input_numbers)),
        )
        for kind, count in counts.items():
            upsert(ConsultationParticipants, {"consultation": consultation, "kind": kind}, {"count": count})
    for name, contact, title, text, numbers, cite, publish, status, in_annex in SOCIETY:
        organisation = Organisation.objects.get(name_en=name)
        contribution = upsert(
            WrittenContribution,
            {"cycle": latest, "organisation": organisation},
            {
                "contact_name": contact,
                "contact_email": "contributor@example.org",
                "open_until": latest.input_closes,
                "title": title,
                "text": text,
                "consent_to_cite": cite,
                "consent_to_publish": publish,
                "status": status,
                "in_annex": in_annex,
                "submitted_at": dt.datetime(2026, 1, 25, 9, tzinfo=dt.UTC),
            },
        )
        set_m2m(contribution.objectives, list(Objective.objects.filter(number__in=numbers)))

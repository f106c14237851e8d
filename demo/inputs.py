"""A demo call for inputs: assignments and inputs in each state."""

import datetime as dt

from inputs.models import Assignment, Input, InputTranslation
from objectives.models import (
    Objective,
)
from reviews.models import ReviewCycle, fingerprint
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


# The ministries write in Russian; the texts above are their authors' English translations (added where they
# wished: the English draft quotes them), in the same order.
INPUT_TEXTS_RU = {
    5: (
        "В 2024 году введена электронная подача заявлений на разрешение на работу; перечень востребованных "
        "профессий обновлялся дважды в год совместно с нанимателями.",
        "Срок рассмотрения заявления на разрешение на работу сократился с 15 до 7 рабочих дней.",
        "Наниматели в регионах мало знают об электронной процедуре.",
        "Совместная горячая линия министерства и Департамента по гражданству и миграции отвечает на вопросы "
        "нанимателей.",
        "Министерство труда и социальной защиты, административные данные за 2023-2025 годы.",
    ),
    6: (
        "Ужесточено лицензирование агентств по трудоустройству; проверки инспекции труда охватывают агентства, "
        "набирающие работников для работы за рубежом.",
        "По итогам проверок 2024-2025 годов отозваны лицензии 14 агентств.",
        "Трудно контролировать набор через онлайн-платформы, зарегистрированные за рубежом.",
        "Открытый реестр лицензированных агентств опубликован на сайте министерства.",
        "Департамент государственной инспекции труда, отчёты о проверках за 2024 и 2025 годы.",
    ),
    10: (
        "Национальный механизм перенаправления жертв торговли людьми обновлён постановлением Совета Министров; "
        "специальное обучение прошли сотрудники милиции, пограничники и инспекторы труда.",
        "Выявлено и направлено за помощью жертв: 112 в 2024 году и 126 в 2025 году.",
        "Жертвы трудовой эксплуатации выявляются реже, чем жертвы сексуальной эксплуатации.",
        "Приюты работают совместно с Белорусским Обществом Красного Креста в шести регионах.",
        "Министерство внутренних дел, статистика о торговле людьми за 2024-2025 годы.",
    ),
    11: (
        "В Национальном аэропорту Минск установлены автоматизированные пункты пограничного контроля.",
        "Среднее время ожидания пограничного контроля в аэропорту сократилось на треть.",
        "",
        "",
        "Государственный пограничный комитет, годовой отчёт за 2025 год.",
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
        *english, letters = INPUT_TEXTS.get(number, ("", "", "", "", "", ""))
        russian = INPUT_TEXTS_RU.get(number, [""] * 5)
        input_ = upsert(
            Input,
            {"assignment": assignment},
            {
                "status": status,
                "source_language": "ru",
                **dict(zip(Input.TEXT_FIELDS, russian if done else [""] * 5, strict=True)),
                "submitted_at": dt.datetime(2026, 1, 20, 10, tzinfo=dt.UTC) if done else None,
                "submitted_by": focal if done and organisation.acronym == "DCM" else None,
                "reviewed_by": secretariat if status == "accepted" else None,
                "reviewed_at": dt.datetime(2026, 2, 2, 10, tzinfo=dt.UTC) if status == "accepted" else None,
            },
        )
        if done:
            set_m2m(input_.actions, list(assignment.objective.actions.filter(letter__in=letters)))
            for name, source, text in zip(Input.TEXT_FIELDS, russian, english, strict=True):
                if text:
                    upsert(
                        InputTranslation,
                        {"input": input_, "field": name, "language": "en"},
                        {"text": text, "source_fingerprint": fingerprint(source), "updated_by": input_.submitted_by},
                    )

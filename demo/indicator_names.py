"""The demo indicators' names and units in Russian and Belarusian (working translations of demo data;
the SDG indicators' official UN wording replaces them when the secretariat loads it)."""

NAMES = {
    # SDG indicators
    "Recruitment cost borne by employee as a proportion of monthly income": (
        "Расходы на трудоустройство, которые несёт работник, в процентах от месячного дохода",
        "Выдаткі на працаўладкаванне, якія нясе работнік, у працэнтах ад месячнага даходу",
    ),
    "Number of people who died or disappeared in the process of migration": (
        "Число людей, погибших или пропавших без вести в процессе миграции",
        "Колькасць людзей, якія загінулі або зніклі без вестак у працэсе міграцыі",
    ),
    "Proportion of the population who are refugees": (
        "Доля беженцев в численности населения",
        "Доля бежанцаў у колькасці насельніцтва",
    ),
    "Remittance costs as a proportion of the amount remitted": (
        "Стоимость денежных переводов в процентах от переводимой суммы",
        "Кошт грашовых пераводаў у працэнтах ад сумы, якая перасылаецца",
    ),
    "Fatal and non-fatal occupational injuries among migrant workers": (
        "Смертельные и несмертельные производственные травмы среди трудящихся-мигрантов",
        "Смяротныя і несмяротныя вытворчыя траўмы сярод працоўных-мігрантаў",
    ),
    "Level of national compliance with labour rights": (
        "Уровень соблюдения трудовых прав в стране",
        "Узровень выканання працоўных правоў у краіне",
    ),
    "Victims of human trafficking per 100,000 population": (
        "Число жертв торговли людьми на 100 000 человек",
        "Колькасць ахвяр гандлю людзьмі на 100 000 чалавек",
    ),
    "Proportion of children under 5 whose births have been registered": (
        "Доля детей в возрасте до 5 лет, рождение которых зарегистрировано",
        "Доля дзяцей ва ўзросце да 5 гадоў, нараджэнне якіх зарэгістравана",
    ),
    "Statistical capacity indicator for SDG monitoring": (
        "Показатель статистического потенциала для мониторинга ЦУР",
        "Паказчык статыстычнага патэнцыялу для маніторынгу ЦУР",
    ),
    "Coverage of essential health services": (
        "Охват основными медицинскими услугами",
        "Ахоп асноўнымі медыцынскімі паслугамі",
    ),
    "Proportion of population covered by social protection": (
        "Доля населения, охваченного социальной защитой",
        "Доля насельніцтва, ахопленага сацыяльнай абаронай",
    ),
    "Proportion of population reporting discrimination": (
        "Доля населения, сообщающего о дискриминации",
        "Доля насельніцтва, якое паведамляе пра дыскрымінацыю",
    ),
    # National indicators
    "Temporary residence permits issued to foreign nationals": (
        "Разрешения на временное проживание, выданные иностранцам",
        "Дазволы на часовае пражыванне, выдадзеныя замежнікам",
    ),
    "Permanent residence permits issued to foreign nationals": (
        "Разрешения на постоянное проживание, выданные иностранцам",
        "Дазволы на пастаяннае пражыванне, выдадзеныя замежнікам",
    ),
    "Foreign workers with a work permit": (
        "Иностранные работники с разрешением на работу",
        "Замежныя работнікі з дазволам на работу",
    ),
    "Belarusian citizens working abroad under contract": (
        "Граждане Беларуси, работающие за рубежом по договору",
        "Грамадзяне Беларусі, якія працуюць за мяжой па дагаворы",
    ),
    "Licensed private employment agencies recruiting abroad": (
        "Лицензированные частные агентства, трудоустраивающие за рубежом",
        "Ліцэнзаваныя прыватныя агенцтвы, якія працаўладкоўваюць за мяжой",
    ),
    "Identified victims of trafficking": (
        "Выявленные жертвы торговли людьми",
        "Выяўленыя ахвяры гандлю людзьмі",
    ),
    "Criminal cases of migrant smuggling opened": (
        "Возбуждённые уголовные дела о незаконном ввозе мигрантов",
        "Узбуджаныя крымінальныя справы аб незаконным увозе мігрантаў",
    ),
    "Persons granted refugee status or subsidiary protection": (
        "Лица, получившие статус беженца или дополнительную защиту",
        "Асобы, якія атрымалі статус бежанца або дадатковую абарону",
    ),
    "Asylum applications lodged": (
        "Поданные ходатайства о защите",
        "Пададзеныя хадайніцтвы аб абароне",
    ),
    "Migrants placed in alternatives to detention": (
        "Мигранты, к которым применены альтернативы содержанию под стражей",
        "Мігранты, да якіх ужытыя альтэрнатывы ўтрыманню пад вартай",
    ),
    "Consular requests handled for citizens abroad": (
        "Рассмотренные консульские обращения граждан за рубежом",
        "Разгледжаныя консульскія звароты грамадзян за мяжой",
    ),
    "Foreign students enrolled in higher education": (
        "Иностранные студенты в учреждениях высшего образования",
        "Замежныя студэнты ва ўстановах вышэйшай адукацыі",
    ),
    "Migrant children enrolled in general schools": (
        "Дети мигрантов, обучающиеся в общеобразовательных школах",
        "Дзеці мігрантаў, якія навучаюцца ў агульнаадукацыйных школах",
    ),
    "Participants in integration and language courses": (
        "Участники интеграционных и языковых курсов",
        "Удзельнікі інтэграцыйных і моўных курсаў",
    ),
    "Journalists trained on reporting on migration": (
        "Журналисты, обученные освещению тем миграции",
        "Журналісты, навучаныя асвятленню тэм міграцыі",
    ),
    "Foreign qualifications recognised": (
        "Признанные иностранные квалификации",
        "Прызнаныя замежныя кваліфікацыі",
    ),
    "Diaspora organisations registered": (
        "Зарегистрированные организации диаспоры",
        "Зарэгістраваныя арганізацыі дыяспары",
    ),
    "Personal remittances received": (
        "Полученные личные денежные переводы",
        "Атрыманыя асабістыя грашовыя пераводы",
    ),
    "Average cost of sending 200 USD to Belarus": (
        "Средняя стоимость перевода 200 долларов США в Беларусь",
        "Сярэдні кошт перавода 200 долараў ЗША ў Беларусь",
    ),
    "Returns assisted under voluntary return programmes": (
        "Возвращения при содействии программ добровольного возвращения",
        "Вяртанні пры садзейнічанні праграм добраахвотнага вяртання",
    ),
    "Reintegration grants provided to returnees": (
        "Реинтеграционные гранты, предоставленные вернувшимся",
        "Рэінтэграцыйныя гранты, прадастаўленыя тым, хто вярнуўся",
    ),
    "Bilateral social security agreements in force": (
        "Действующие двусторонние соглашения о социальном обеспечении",
        "Дзеючыя двухбаковыя пагадненні аб сацыяльным забеспячэнні",
    ),
    "Border crossing points with integrated management": (
        "Пункты пропуска с интегрированным управлением",
        "Пункты пропуску з інтэграваным кіраваннем",
    ),
    "Border guards trained on protection-sensitive screening": (
        "Пограничники, обученные проверке с учётом потребностей в защите",
        "Пагранічнікі, навучаныя праверцы з улікам патрэбаў у абароне",
    ),
    "Migration statistics published disaggregated by sex and age": (
        "Опубликованные таблицы миграционной статистики в разбивке по полу и возрасту",
        "Апублікаваныя табліцы міграцыйнай статыстыкі ў разбіўцы па поле і ўзросце",
    ),
    "Administrative registers exchanging migration data": (
        "Административные регистры, обменивающиеся миграционными данными",
        "Адміністрацыйныя рэгістры, якія абменьваюцца міграцыйнымі дадзенымі",
    ),
    "Calls to the migration information hotline": (
        "Звонки на горячую линию по вопросам миграции",
        "Званкі на гарачую лінію па пытаннях міграцыі",
    ),
    "Stateless persons identified": (
        "Выявленные лица без гражданства",
        "Выяўленыя асобы без грамадзянства",
    ),
}

UNITS = {
    "%": ("%", "%"),
    "% of GDP": ("% ВВП", "% ВУП"),
    "persons": ("человек", "чалавек"),
    "per 100,000": ("на 100 000", "на 100 000"),
    "score": ("баллы", "балы"),
    "index": ("индекс", "індэкс"),
    "permits": ("разрешений", "дазволаў"),
    "agencies": ("агентств", "агенцтваў"),
    "cases": ("дел", "спраў"),
    "applications": ("ходатайств", "хадайніцтваў"),
    "requests": ("обращений", "зваротаў"),
    "students": ("студентов", "студэнтаў"),
    "pupils": ("учащихся", "вучняў"),
    "decisions": ("решений", "рашэнняў"),
    "organisations": ("организаций", "арганізацый"),
    "grants": ("грантов", "грантаў"),
    "agreements": ("соглашений", "пагадненняў"),
    "points": ("пунктов", "пунктаў"),
    "tables": ("таблиц", "табліц"),
    "registers": ("регистров", "рэгістраў"),
    "calls": ("звонков", "званкоў"),
}


def translated(name: str, unit: str) -> dict:
    """The Russian and Belarusian columns of a demo indicator (empty where none is given: English shows)."""
    names, units = NAMES.get(name, (None, None)), UNITS.get(unit, (None, None))
    return {"name_ru": names[0], "name_be": names[1], "unit_ru": units[0], "unit_be": units[1]}

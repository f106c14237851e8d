"""Demo organisations, contacts and accounts (one per role)."""

from dataclasses import dataclass

from django.contrib.auth.models import Group

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

# Russian and Belarusian names and acronyms of the demo organisations (name: (ru, ru acronym, be, be acronym)).
TRANSLATED_NAMES = {
    "International Organization for Migration": (
        "Международная организация по миграции",
        "МОМ",
        "Міжнародная арганізацыя па міграцыі",
        "МАМ",
    ),
    "UN Resident Coordinator's Office": (
        "Офис Постоянного координатора ООН",
        "ОПК",
        "Офіс Пастаяннага каардынатара ААН",
        "ОПК",
    ),
    "Office of the UN High Commissioner for Refugees": (
        "Управление Верховного комиссара ООН по делам беженцев",
        "УВКБ ООН",
        "Упраўленне Вярхоўнага камісара ААН па справах бежанцаў",
        "УВКБ ААН",
    ),
    "United Nations Children's Fund": ("Детский фонд ООН", "ЮНИСЕФ", "Дзіцячы фонд ААН", "ЮНІСЕФ"),
    "United Nations Development Programme": ("Программа развития ООН", "ПРООН", "Праграма развіцця ААН", "ПРААН"),
    "United Nations Population Fund": (
        "Фонд ООН в области народонаселения",
        "ЮНФПА",
        "Фонд ААН у галіне народанасельніцтва",
        "ЮНФПА",
    ),
    "World Health Organization": (
        "Всемирная организация здравоохранения",
        "ВОЗ",
        "Сусветная арганізацыя аховы здароўя",
        "САЗ",
    ),
    "International Labour Organization": (
        "Международная организация труда",
        "МОТ",
        "Міжнародная арганізацыя працы",
        "МАП",
    ),
    "Office of the UN High Commissioner for Human Rights": (
        "Управление Верховного комиссара ООН по правам человека",
        "УВКПЧ",
        "Упраўленне Вярхоўнага камісара ААН па правах чалавека",
        "УВКПЧ",
    ),
    "UN Women": ("Структура «ООН-женщины»", "ООН-женщины", "Структура «ААН-жанчыны»", "ААН-жанчыны"),
    "United Nations Office on Drugs and Crime": (
        "Управление ООН по наркотикам и преступности",
        "УНП ООН",
        "Упраўленне ААН па наркотыках і злачыннасці",
        "УНЗ ААН",
    ),
    "Joint United Nations Programme on HIV/AIDS": (
        "Объединённая программа ООН по ВИЧ/СПИДу",
        "ЮНЭЙДС",
        "Аб'яднаная праграма ААН па ВІЧ/СНІДу",
        "ЮНЭЙДС",
    ),
    "UN Educational, Scientific and Cultural Organization": (
        "Организация ООН по вопросам образования, науки и культуры",
        "ЮНЕСКО",
        "Арганізацыя ААН па пытаннях адукацыі, навукі і культуры",
        "ЮНЕСКА",
    ),
    "Ministry of Internal Affairs": ("Министерство внутренних дел", "МВД", "Міністэрства ўнутраных спраў", "МУС"),
    "Department of Citizenship and Migration": (
        "Департамент по гражданству и миграции",
        "ДГМ",
        "Дэпартамент па грамадзянстве і міграцыі",
        "ДГМ",
    ),
    "Ministry of Labour and Social Protection": (
        "Министерство труда и социальной защиты",
        "Минтруда",
        "Міністэрства працы і сацыяльнай абароны",
        "Мінпрацы",
    ),
    "Ministry of Foreign Affairs": ("Министерство иностранных дел", "МИД", "Міністэрства замежных спраў", "МЗС"),
    "State Border Committee": ("Государственный пограничный комитет", "ГПК", "Дзяржаўны пагранічны камітэт", "ДПК"),
    "National Statistical Committee": (
        "Национальный статистический комитет",
        "Белстат",
        "Нацыянальны статыстычны камітэт",
        "Белстат",
    ),
    "Ministry of Health": ("Министерство здравоохранения", "Минздрав", "Міністэрства аховы здароўя", "Мінздароўя"),
    "Ministry of Education": ("Министерство образования", "Минобразования", "Міністэрства адукацыі", "Мінадукацыі"),
    "Minsk City Executive Committee": (
        "Минский городской исполнительный комитет",
        "Мингорисполком",
        "Мінскі гарадскі выканаўчы камітэт",
        "Мінгарвыканкам",
    ),
    "Belarusian Red Cross Society": (
        "Белорусское Общество Красного Креста",
        "БОКК",
        "Беларускае Таварыства Чырвонага Крыжа",
        "БТЧК",
    ),
    "Gender Perspectives": ("Гендерные перспективы", "", "Гендарныя перспектывы", ""),
    "Association of Migrant Workers' Families (demo)": (
        "Ассоциация семей трудовых мигрантов (демо)",
        "",
        "Асацыяцыя сем'яў працоўных мігрантаў (дэма)",
        "",
    ),
    "Belarusian State University, Faculty of International Relations": (
        "Белорусский государственный университет, факультет международных отношений",
        "БГУ ФМО",
        "Беларускі дзяржаўны ўніверсітэт, факультэт міжнародных адносін",
        "БДУ ФМА",
    ),
    "Federation of Trade Unions of Belarus": (
        "Федерация профсоюзов Беларуси",
        "ФПБ",
        "Федэрацыя прафсаюзаў Беларусі",
        "ФПБ",
    ),
    "Belarusian Chamber of Commerce and Industry": (
        "Белорусская торгово-промышленная палата",
        "БелТПП",
        "Беларуская гандлёва-прамысловая палата",
        "БелГПП",
    ),
}

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


def seed_organisations() -> dict[str, Organisation]:
    """Create or restore the demo organisations; returns them by acronym (or name)."""
    by_key: dict[str, Organisation] = {}
    for name, acronym, kind, network_role, parent, website in ORGANISATIONS:
        name_ru, acronym_ru, name_be, acronym_be = TRANSLATED_NAMES[name]
        organisation, _ = Organisation.objects.update_or_create(
            name_en=name,
            defaults={
                "acronym_en": acronym,
                "name_ru": name_ru,
                "acronym_ru": acronym_ru or None,
                "name_be": name_be,
                "acronym_be": acronym_be or None,
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

"""Load the frame of the Global Compact for Migration (A/RES/73/195).

The facts are frozen here, as a migration must be, from docs/gcm.md (a copy of
the project's reference file); tests/objectives/test_reference_data.py checks
that the database matches that file exactly.
"""

import string

from django.db import migrations

# (number, official title, short name, GCM paragraph, lettered actions, IMRF round table)
OBJECTIVES = [
    (1, 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies', 'Data', 17, 11, 4),
    (2, 'Minimize the adverse drivers and structural factors that compel people to leave their country of origin', 'Minimize adverse drivers', 18, 12, 1),
    (3, 'Provide accurate and timely information at all stages of migration', 'Information provision', 19, 5, 4),
    (4, 'Ensure that all migrants have proof of legal identity and adequate documentation', 'Legal identity and documentation', 20, 7, 2),
    (5, 'Enhance availability and flexibility of pathways for regular migration', 'Regular pathways', 21, 10, 1),
    (6, 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work', 'Recruitment and decent work', 22, 12, 1),
    (7, 'Address and reduce vulnerabilities in migration', 'Reduce vulnerabilities', 23, 12, 4),
    (8, 'Save lives and establish coordinated international efforts on missing migrants', 'Save lives', 24, 6, 2),
    (9, 'Strengthen the transnational response to smuggling of migrants', 'Counter smuggling', 25, 6, 2),
    (10, 'Prevent, combat and eradicate trafficking in persons in the context of international migration', 'Eradicate trafficking', 26, 10, 2),
    (11, 'Manage borders in an integrated, secure and coordinated manner', 'Manage borders', 27, 7, 2),
    (12, 'Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral', 'Screening and referral', 28, 5, 1),
    (13, 'Use migration detention only as a measure of last resort and work towards alternatives', 'Alternatives to detention', 29, 8, 2),
    (14, 'Enhance consular protection, assistance and cooperation throughout the migration cycle', 'Consular protection', 30, 6, 3),
    (15, 'Provide access to basic services for migrants', 'Access to basic services', 31, 6, 3),
    (16, 'Empower migrants and societies to realize full inclusion and social cohesion', 'Inclusion and social cohesion', 32, 9, 3),
    (17, 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration', 'Eliminate discrimination', 33, 7, 4),
    (18, 'Invest in skills development and facilitate mutual recognition of skills, qualifications and competences', 'Skills development and recognition', 34, 12, 1),
    (19, 'Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries', 'Migrant and diaspora contributions', 35, 10, 3),
    (20, 'Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants', 'Remittances', 36, 9, 3),
    (21, 'Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration', 'Dignified return and reintegration', 37, 9, 2),
    (22, 'Establish mechanisms for the portability of social security entitlements and earned benefits', 'Social protection', 38, 3, 3),
    (23, 'Strengthen international cooperation and global partnerships for safe, orderly and regular migration', 'International cooperation', 39, 5, 4),
]

PRINCIPLES = [
    ("a", "People-centred"),
    ("b", "International cooperation"),
    ("c", "National sovereignty"),
    ("d", "Rule of law and due process"),
    ("e", "Sustainable development"),
    ("f", "Human rights"),
    ("g", "Gender-responsive"),
    ("h", "Child-sensitive"),
    ("i", "Whole-of-government approach"),
    ("j", "Whole-of-society approach"),
]


def load(apps, schema_editor):
    RoundTable = apps.get_model("objectives", "RoundTable")
    Objective = apps.get_model("objectives", "Objective")
    Action = apps.get_model("objectives", "Action")
    GuidingPrinciple = apps.get_model("objectives", "GuidingPrinciple")

    round_tables = {}
    for number in range(1, 5):
        round_tables[number], _ = RoundTable.objects.get_or_create(number=number)
    for letter, name in PRINCIPLES:
        GuidingPrinciple.objects.update_or_create(letter=letter, defaults={"name": name})
    for number, title, short_name, paragraph, action_count, round_table in OBJECTIVES:
        objective, _ = Objective.objects.update_or_create(
            number=number,
            defaults={
                "title": title,
                "short_name": short_name,
                "paragraph": paragraph,
                "action_count": action_count,
                "round_table": round_tables[round_table],
            },
        )
        for letter in string.ascii_lowercase[:action_count]:
            Action.objects.get_or_create(objective=objective, letter=letter)


def unload(apps, schema_editor):
    apps.get_model("objectives", "Action").objects.all().delete()
    apps.get_model("objectives", "Objective").objects.all().delete()
    apps.get_model("objectives", "GuidingPrinciple").objects.all().delete()
    apps.get_model("objectives", "RoundTable").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("objectives", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]

"""The SDG targets most linked to the GCM (docs/gcm.md), so that indicators can refer to them."""

from django.db import migrations

SDG_TARGETS = [
    ("1.3", "Social protection systems"),
    ("3.8", "Universal health coverage"),
    ("4.b", "Scholarships for developing countries"),
    ("5.2", "Violence against women and girls, including trafficking"),
    ("8.7", "Forced labour, modern slavery and human trafficking"),
    ("8.8", "Labour rights, including of migrant workers"),
    ("10.3", "Equal opportunity and an end to discrimination"),
    ("10.7", "Orderly, safe, regular and responsible migration"),
    ("10.c", "Cost of remittances"),
    ("16.2", "Abuse, exploitation and trafficking of children"),
    ("16.9", "Legal identity for all"),
    ("17.18", "Data disaggregated by migratory status"),
]


def load(apps, schema_editor):
    SDGTarget = apps.get_model("objectives", "SDGTarget")
    for code, description in SDG_TARGETS:
        SDGTarget.objects.update_or_create(code=code, defaults={"description": description})


def unload(apps, schema_editor):
    apps.get_model("objectives", "SDGTarget").objects.filter(code__in=[c for c, _ in SDG_TARGETS]).delete()


class Migration(migrations.Migration):
    dependencies = [("objectives", "0003_activities_indicators")]

    operations = [migrations.RunPython(load, unload)]

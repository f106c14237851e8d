"""The crosswalk's starting links between objectives and SDG targets.

Verified: the links the portal's GCM reference (docs/gcm.md, "SDG targets most linked to the GCM") makes to a
named objective. Proposed: links that follow from the targets' subject but that no source here states; the
secretariat confirms or removes them (admin: SDG alignments).
"""

from django.db import migrations

REFERENCE = "docs/gcm.md: SDG targets most linked to the GCM"
VERIFIED = [(20, "10.c"), (4, "16.9"), (1, "17.18"), (15, "3.8"), (22, "1.3"), (17, "10.3")]
PROPOSED = [(6, "8.8"), (10, "8.7"), (10, "16.2"), (10, "5.2"), (18, "4.b")] + [(n, "10.7") for n in range(1, 24)]


def load(apps, schema_editor):
    Objective = apps.get_model("objectives", "Objective")
    SDGTarget = apps.get_model("objectives", "SDGTarget")
    SDGAlignment = apps.get_model("objectives", "SDGAlignment")
    objectives = {o.number: o for o in Objective.objects.all()}
    targets = {t.code: t for t in SDGTarget.objects.all()}
    if not objectives or not targets:
        return
    for links, verified, basis in (
        (VERIFIED, True, REFERENCE),
        (PROPOSED, False, "Proposed from the subject of the target; to be confirmed"),
    ):
        for number, code in links:
            SDGAlignment.objects.get_or_create(
                objective=objectives[number],
                sdg_target=targets[code],
                defaults={"verified": verified, "basis": basis},
            )


def unload(apps, schema_editor):
    apps.get_model("objectives", "SDGAlignment").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("objectives", "0010_sdg_alignment")]
    operations = [migrations.RunPython(load, unload)]

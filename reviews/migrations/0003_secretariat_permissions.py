"""Give the Secretariat group the admin permissions of the models added since 0002_roles."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS = ["objectives", "reviews"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label in APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    secretariat, _ = Group.objects.get_or_create(name="Secretariat")
    secretariat.permissions.add(*Permission.objects.filter(content_type__app_label__in=APPS))


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_assessments_action_progress"),
        ("objectives", "0004_sdg_targets"),
        ("stakeholders", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

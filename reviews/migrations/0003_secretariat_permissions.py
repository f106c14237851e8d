"""Give the Secretariat group the admin permissions of the models added since 0002_roles."""

from django.db import migrations

from stakeholders.migration_helpers import grant_app_permissions


def grant(apps, schema_editor):
    grant_app_permissions(apps, group="Secretariat", app_labels=["objectives", "reviews"])


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_assessments_action_progress"),
        ("objectives", "0004_sdg_targets"),
        ("stakeholders", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

from django.db import migrations

from stakeholders.migration_helpers import grant_app_permissions


def grant(apps, schema_editor):
    grant_app_permissions(apps, group="Secretariat", app_labels=["reviews"])


class Migration(migrations.Migration):
    dependencies = [("reviews", "0007_inputs")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

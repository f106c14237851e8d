"""Create the portal's role groups and give the Secretariat the admin permissions of the portal's apps."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ["Secretariat", "Government focal point", "Agency staff", "Observer"]
SECRETARIAT_APPS = ["stakeholders", "objectives", "reviews"]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after all migrations ran; create them
    # now so that the Secretariat group can be given them on a fresh database.
    for label in SECRETARIAT_APPS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    for name in ROLES:
        Group.objects.get_or_create(name=name)
    secretariat = Group.objects.get(name="Secretariat")
    secretariat.permissions.add(*Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("stakeholders", "0001_initial"),
        ("objectives", "0001_initial"),
        ("reviews", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

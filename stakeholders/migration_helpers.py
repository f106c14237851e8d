"""Helpers for data migrations that hand permissions to role groups."""

from django.contrib.auth.management import create_permissions


def grant_app_permissions(apps, *, group: str, app_labels: list[str]) -> None:
    """Give a group every permission of the apps (creating the permissions first on a fresh database)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for label in app_labels:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    role, _created = Group.objects.get_or_create(name=group)
    role.permissions.add(*Permission.objects.filter(content_type__app_label__in=app_labels))

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _sync_role_permissions(sender, using: str = "default", **kwargs) -> None:
    from .permissions import sync_role_permissions

    sync_role_permissions(using=using)


class StakeholdersConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "stakeholders"
    verbose_name = _("Stakeholders")

    def ready(self) -> None:
        # One table says which model permissions each role holds; every migrate applies it exactly.
        post_migrate.connect(_sync_role_permissions, sender=self, dispatch_uid="stakeholders.sync_role_permissions")
        from axes.signals import user_locked_out

        from .lockout import tell_the_owner

        user_locked_out.connect(tell_the_owner, dispatch_uid="stakeholders.tell_the_owner")

"""E-mails to portal accounts: rendered from templates in the recipient's language by a Celery task."""

from django.conf import settings

from .models import User
from .tasks import send_email_task


def portal_url(path: str) -> str:
    """An absolute link into the portal, for e-mails (PORTAL_URL)."""
    return settings.PORTAL_URL.rstrip("/") + path


def send_email(template: str, user: User, context: dict) -> None:
    """Send templates/emails/<template>_* to the user once the current transaction commits."""
    send_email_task.delay_on_commit(template, user.pk, context)

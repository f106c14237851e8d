"""E-mails to portal accounts: recorded as OutgoingEmail rows, rendered and sent by a Celery task."""

from django.conf import settings

from uncnm_portal.queue import send_after_commit

from .models import OutgoingEmail, User
from .tasks import send_email_task


def portal_url(path: str) -> str:
    """An absolute link into the portal, for e-mails (PORTAL_URL)."""
    return settings.PORTAL_URL.rstrip("/") + path


def send_email(template: str, user: User, context: dict) -> OutgoingEmail:
    """Record templates/emails/<template>_* for the user; a worker sends it after the commit (or later, never lost)."""
    email = OutgoingEmail.objects.create(recipient=user, template=template, context=context)
    send_after_commit(send_email_task, email.pk)
    return email


def send_email_to_address(template: str, address: str, language: str, context: dict) -> OutgoingEmail:
    """The same for someone without an account (a civil society contributor): an address and a language."""
    email = OutgoingEmail.objects.create(address=address, language=language, template=template, context=context)
    send_after_commit(send_email_task, email.pk)
    return email

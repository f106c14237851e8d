import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .models import OutgoingEmail

logger = logging.getLogger(__name__)


@shared_task
def send_email_task(email_id: int) -> str:
    """Send one outgoing e-mail (text and HTML) in the recipient's language; a second delivery does nothing."""
    email = OutgoingEmail.claim(email_id)
    if email is None:
        return "skipped"
    address, language = email.to
    if not address:
        email.mark_failed("The account is inactive or has no e-mail address.")
        return "no recipient"
    try:
        with translation.override(language):
            context = {**email.context, "user": email.recipient}
            subject = " ".join(render_to_string(f"emails/{email.template}_subject.txt", context).split())
            body = render_to_string(f"emails/{email.template}_body.txt", context)
            message = EmailMultiAlternatives(subject, body, to=[address])
            message.attach_alternative(render_to_string(f"emails/{email.template}_body.html", context), "text/html")
            message.send()
    except OSError as error:  # the mail server is away or refused: tried again by send_waiting_emails_task
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, error)
        email.mark_failed(str(error))
        return "failed"
    email.mark_sent()
    return "sent"


@shared_task
def send_waiting_emails_task() -> int:
    """Send again the e-mails no worker sent (the broker or the mail server was away)."""
    waiting = OutgoingEmail.objects.waiting(older_than=datetime.timedelta(seconds=settings.EMAIL_RETRY_AFTER))
    ids = list(waiting.values_list("pk", flat=True))
    for email_id in ids:
        send_email_task.delay(email_id)
    return len(ids)

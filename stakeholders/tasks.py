from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .models import User


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email_task(template: str, user_id: int, context: dict) -> bool:
    """Send one templated e-mail (text and HTML) to a user, in the user's language."""
    user = User.objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if user is None:
        return False
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {**context, "user": user}
        subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
        message = EmailMultiAlternatives(
            subject, render_to_string(f"emails/{template}_body.txt", context), to=[user.email]
        )
        message.attach_alternative(render_to_string(f"emails/{template}_body.html", context), "text/html")
        message.send()
    return True

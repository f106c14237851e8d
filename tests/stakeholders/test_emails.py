"""Every e-mail is a row first: sent once, retried when the mail server or the broker is away, resent by hand."""

import pytest
from django.core import mail
from django.urls import reverse
from kombu.exceptions import OperationalError

from stakeholders.models import OutgoingEmail, User
from stakeholders.tasks import send_email_task, send_waiting_emails_task

pytestmark = pytest.mark.django_db


def invite(client, organisation) -> None:
    client.post(
        reverse("accounts:user-invite"),
        {
            "full_name": "Olga Sidorenko",
            "email": "olga@example.org",
            "organisation": organisation.pk,
            "role": "Government focal point",
            "language": "ru",
        },
    )


class FailingBackend:
    """A mail server that refuses every message."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("The mail server refused the connection.")


def test_an_invitation_with_the_broker_away_is_sent_once_when_it_is_back(
    secretariat, organisation_a, login, monkeypatch, eager_celery, django_capture_on_commit_callbacks, settings
):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(send_email_task, "delay", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        invite(login(secretariat), organisation_a)
    olga = User.objects.get(email="olga@example.org")  # the account exists, and so does its e-mail
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.PENDING and mail.outbox == []

    monkeypatch.undo()
    settings.EMAIL_RETRY_AFTER = 0
    assert send_waiting_emails_task() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [olga.email]
    assert mail.outbox[0].subject == "Учётная запись на портале UNCNM"  # in Olga's language
    assert send_waiting_emails_task() == 0 and len(mail.outbox) == 1  # sent once
    assert send_email_task(OutgoingEmail.objects.get().pk) == "skipped"


def test_a_refused_e_mail_is_retried_then_failed_and_resent_from_the_admin(
    secretariat, focal_point_a, login, settings, eager_celery, django_capture_on_commit_callbacks
):
    from stakeholders.emails import send_email

    settings.EMAIL_BACKEND = "tests.stakeholders.test_emails.FailingBackend"
    email = send_email(
        "invitation", focal_point_a, {"name": "x", "link": "https://portal/x", "inviter": "A", "days": 7}
    )
    for _attempt in range(OutgoingEmail.MAX_ATTEMPTS):
        send_email_task(email.pk)
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED and email.attempts == OutgoingEmail.MAX_ATTEMPTS
    assert "refused" in email.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client = login(secretariat)
    changelist = reverse("admin:stakeholders_outgoingemail_changelist")
    page = client.get(changelist).content.decode()
    assert "refused" in page and "https://portal/x" not in page  # the link is never shown
    with django_capture_on_commit_callbacks(execute=True):
        client.post(changelist, {"action": "resend", "_selected_action": [email.pk]})
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT and len(mail.outbox) == 1

"""Registering an authenticator app after a fresh confirmation by e-mail, never on trust at first use.

A password alone does not reveal a new TOTP key: the session that logged in asks for a link, the
link goes to the account's e-mail address, and only that session, opening the link within
MAX_AGE, is shown a freshly made key. Someone who has the password but not the mailbox (or the
mailbox but not the session) gets nothing.
"""

import secrets
import time

from django.core import signing
from django.http import HttpRequest
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django_otp.plugins.otp_totp.models import TOTPDevice

from .emails import portal_url, send_email

SALT = "uncnm.second-factor-enrolment"
MAX_AGE = 30 * 60  # seconds a link works, and an opened link lets the key be shown
RESEND_AFTER = 60  # seconds before a second link can be asked for
_NONCE, _SENT_AT, _CONFIRMED_AT = "enrolment_nonce", "enrolment_sent_at", "enrolment_confirmed_at"


def can_send(request: HttpRequest) -> bool:
    return time.time() - request.session.get(_SENT_AT, 0) >= RESEND_AFTER


def send_link(request: HttpRequest) -> None:
    """E-mail the account a one-time link that works in this session only."""
    nonce = secrets.token_urlsafe(16)
    request.session[_NONCE], request.session[_SENT_AT] = nonce, time.time()
    token = signing.dumps({"user": request.user.pk, "nonce": nonce}, salt=SALT)
    link = portal_url(reverse("accounts:two-factor-enrol", args=[token]))
    send_email(
        "second_factor_enrolment",
        request.user,
        {"name": request.user.display_name, "link": link, "minutes": MAX_AGE // 60},
    )


def confirm(request: HttpRequest, token: str) -> bool:
    """Accept the link once, in the session that asked for it; unconfirmed keys made before are discarded."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # tampered with or expired
        return False
    nonce = request.session.get(_NONCE)
    if not nonce or data.get("user") != request.user.pk or not constant_time_compare(str(data.get("nonce")), nonce):
        return False
    del request.session[_NONCE]
    request.session[_CONFIRMED_AT] = time.time()
    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    return True


def is_confirmed(request: HttpRequest) -> bool:
    return time.time() - request.session.get(_CONFIRMED_AT, 0) < MAX_AGE


def finish(request: HttpRequest) -> None:
    """The app is registered: the confirmation is spent."""
    request.session.pop(_CONFIRMED_AT, None)

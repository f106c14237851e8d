"""Invitations: a new account gets an e-mail with a one-time link to choose its password."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from .emails import portal_url, send_email
from .models import User


def invitation_link(user: User) -> str:
    """The one-time link (single use, expires with PASSWORD_RESET_TIMEOUT) to choose a password."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return portal_url(reverse("accounts:invitation-accept", args=[uid, default_token_generator.make_token(user)]))


def invite(*, user: User, invited_by: User) -> None:
    """E-mail a new account its invitation link."""
    context = {
        "name": user.get_full_name(),
        "link": invitation_link(user),
        "inviter": invited_by.display_name,
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    send_email("invitation", user, context)

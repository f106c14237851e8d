"""Login lockout policy on top of django-axes: the account name recorded, cool-offs that grow, the owner told."""

import datetime

from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone

# AccessAttempt.username is 255 characters; no account name is longer than 150.
MAX_RECORDED = 255
# Lockouts of one account within this window double its cool-off each time, up to MAX_COOL_OFF.
GROWTH_WINDOW = datetime.timedelta(hours=24)
MAX_COOL_OFF = datetime.timedelta(hours=24)


def attempted_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """The username typed, as django-axes records and locks it: cut to its column, case kept."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username")
    return username[:MAX_RECORDED] if isinstance(username, str) else username


def earlier_lockouts(username: str | None) -> int:
    """How often the account was locked within the growth window (django-axes' failure log)."""
    from axes.models import AccessFailureLog

    if not username:
        return 0
    since = timezone.now() - GROWTH_WINDOW
    return AccessFailureLog.objects.filter(username=username, locked_out=True, attempt_time__gte=since).count()


def cool_off(request: HttpRequest | None = None) -> datetime.timedelta:
    """AXES_COOLOFF_TIME: the base time (AXES_COOLOFF_HOURS) for a first lockout, doubled for each
    further lockout of the same account within 24 hours, at most 24 hours."""
    base = datetime.timedelta(hours=settings.LOCKOUT_BASE_HOURS)
    username = attempted_username(request) if request is not None else None
    lockouts = earlier_lockouts(username)
    return min(base * 2 ** max(lockouts - 1, 0), MAX_COOL_OFF)


def _account_locked(username: str) -> bool:
    from axes.models import AccessAttempt

    failures = AccessAttempt.objects.filter(username=username).aggregate(n=Sum("failures_since_start"))["n"] or 0
    return failures >= settings.AXES_FAILURE_LIMIT


def tell_the_owner(sender, request: HttpRequest, username: str | None, ip_address: str, **kwargs) -> None:
    """axes' user_locked_out: e-mail the account's owner once per lockout (who tried, what to do)."""
    from .emails import send_email
    from .models import OutgoingEmail, User

    user = User.objects.filter(username=username, is_active=True).exclude(email="").first() if username else None
    if user is None or not _account_locked(username):
        return  # no such account, or only the address is locked (one password sprayed over accounts)
    period = cool_off(request)
    if OutgoingEmail.objects.filter(
        recipient=user, template="account_locked", created_at__gte=timezone.now() - period
    ).exists():
        return
    send_email(
        "account_locked",
        user,
        {"name": user.display_name, "minutes": int(period.total_seconds() // 60), "address": ip_address or "?"},
    )

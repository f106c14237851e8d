import zoneinfo
from urllib.parse import quote

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone


class SecondFactorMiddleware:
    """Secretariat (and superuser) accounts confirm a TOTP code after their password before they can use the portal."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            settings.OTP_REQUIRED_FOR_SECRETARIAT
            and user.is_authenticated
            and user.is_secretariat  # superusers included
            and not user.is_verified()
            and not self._exempt(request.path)
        ):
            return redirect(f"{reverse('accounts:two-factor')}?next={quote(request.get_full_path())}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        exempt = [
            reverse("accounts:two-factor"),
            reverse("logout"),
            reverse("set_language"),
            reverse("healthz"),
            settings.STATIC_URL,
        ]
        return any(path.startswith(prefix if prefix.startswith("/") else "/" + prefix) for prefix in exempt)


class TrustedProxyMiddleware:
    """Behind TRUSTED_PROXY_COUNT proxies, the client's address is the one the outermost proxy saw.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the client
    is that many entries from the right; entries further left are whatever the client sent and are
    ignored. Lockouts per address (django-axes reads REMOTE_ADDR) then hit the client, not the proxy.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        count = settings.TRUSTED_PROXY_COUNT
        if count:
            forwarded = [a.strip() for a in request.headers.get("x-forwarded-for", "").split(",") if a.strip()]
            if len(forwarded) >= count:
                request.META["REMOTE_ADDR"] = forwarded[-count]
        return self.get_response(request)


class TimeZoneMiddleware:
    """Dates and times in the signed-in person's time zone (their preferences); the portal's own otherwise."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = getattr(request.user, "time_zone", "") if request.user.is_authenticated else ""
        try:
            timezone.activate(zoneinfo.ZoneInfo(zone)) if zone else timezone.deactivate()
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):  # a zone this machine no longer knows
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()

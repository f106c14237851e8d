"""Accounts the secretariat manages: invitations with a one-time link, roles and organisation, deactivation,
resetting a second factor. Superuser and staff flags, permissions and passwords are never edited here."""

import base64
import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from uncnm_portal.once import once_per_form

from . import enrolment, invitations
from .forms import AccountForm, InvitationForm, PreferencesForm
from .models import Role, User
from .permissions import member_required, role_required


@role_required(Role.SECRETARIAT)
def user_list(request: HttpRequest) -> HttpResponse:
    users = list(
        User.objects.select_related("organisation").prefetch_related("groups").order_by("-is_active", "last_name")
    )
    for account in users:
        account.manageable = account.can_be_managed_by(request.user)
    return render(request, "stakeholders/user_list.html", {"users": users})


@role_required(Role.SECRETARIAT)
@once_per_form
def user_invite(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            user = User.objects.create_invited(
                email=data["email"],
                full_name=data["full_name"],
                organisation=data["organisation"],
                language=data["language"],
                role=Role(data["role"]),
            )
            invitations.invite(user=user, invited_by=request.user)
        messages.success(request, _("An invitation was sent to %(email)s.") % {"email": user.email})
        return redirect("accounts:user-list")
    return render(request, "stakeholders/user_invite.html", {"form": form}, status=400 if form.is_bound else 200)


def _managed_account(request: HttpRequest, pk: int) -> User:
    """The account the secretariat acts on: never its own, and a superuser's only for superusers."""
    user = get_object_or_404(User, pk=pk)
    if not user.can_be_managed_by(request.user):
        raise PermissionDenied
    return user


@role_required(Role.SECRETARIAT)
def user_update(request: HttpRequest, pk: int) -> HttpResponse:
    """Change another account's name, e-mail, organisation, language and role."""
    user = _managed_account(request, pk)
    form = AccountForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("The account of %(name)s is saved.") % {"name": user.display_name})
        return redirect("accounts:user-list")
    context = {"form": form, "account": user}
    return render(request, "stakeholders/user_form.html", context, status=400 if form.is_bound else 200)


@require_POST
@role_required(Role.SECRETARIAT)
@once_per_form
def user_reinvite(request: HttpRequest, pk: int) -> HttpResponse:
    """Send an account that never chose a password its invitation again, with a new link."""
    user = _managed_account(request, pk)
    if user.has_usable_password():
        messages.info(request, _("%(name)s has chosen a password already.") % {"name": user.display_name})
    else:
        invitations.invite(user=user, invited_by=request.user)
        messages.success(request, _("A new invitation was sent to %(email)s.") % {"email": user.email})
    return redirect("accounts:user-update", pk=user.pk)


@require_POST
@role_required(Role.SECRETARIAT)
def user_reset_second_factor(request: HttpRequest, pk: int) -> HttpResponse:
    """Forget an account's authenticator app (a lost phone); its next login registers a new one."""
    user = _managed_account(request, pk)
    user.reset_second_factor()
    messages.success(
        request,
        _("%(name)s registers a new authenticator app at the next login.") % {"name": user.display_name},
    )
    return redirect("accounts:user-update", pk=user.pk)


@require_POST
@role_required(Role.SECRETARIAT)
def user_set_active(request: HttpRequest, pk: int) -> HttpResponse:
    """Deactivate (or reactivate) an account; a deactivated account can no longer log in."""
    user = get_object_or_404(User, pk=pk)
    if user == request.user:
        messages.error(request, _("You cannot deactivate your own account."))
        return redirect("accounts:user-list")
    if not user.can_be_managed_by(request.user):
        raise PermissionDenied
    user.is_active = request.POST.get("active") == "1"
    user.save(update_fields=["is_active"])
    message = _("%(name)s can log in again.") if user.is_active else _("%(name)s can no longer log in.")
    messages.success(request, message % {"name": user.display_name})
    return redirect("accounts:user-list")


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The invitation link: choose a password once; the link then stops working."""

    template_name = "registration/invitation_accept.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        messages.success(self.request, _("Your password is set. Log in with your e-mail address."))
        return super().form_valid(form)


def _next_url(request: HttpRequest) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    return next_url if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}) else "/"


@member_required
def two_factor(request: HttpRequest) -> HttpResponse:
    """Confirm the TOTP code of the user's authenticator app; the first time, register the app first,
    which needs the link e-mailed to the account (stakeholders/enrolment.py)."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    setup = device is None
    next_url = _next_url(request)
    if setup and not enrolment.is_confirmed(request):
        return _enrolment_by_email(request, next_url)
    if setup:
        device, _created = TOTPDevice.objects.get_or_create(
            user=request.user, confirmed=False, defaults={"name": "authenticator"}
        )
    error = ""
    if request.method == "POST":
        token = "".join(request.POST.get("token", "").split())
        _wait_out_a_short_throttle(device)
        if token.isdigit() and device.verify_token(token):
            if setup:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                enrolment.finish(request)
            otp_login(request, device)
            return redirect(next_url)
        allowed, _details = device.verify_is_allowed()
        error = (
            _("This code is not valid. Enter the 6 digits your app shows now.")
            if allowed
            else _("Too many wrong codes: wait a few seconds before trying again.")
        )
    context = {"setup": setup, "next": next_url, "error": error, "hide_navigation": True}
    if setup:
        context["secret"] = _base32(device.bin_key)
        context["qr_svg"] = segno.make(device.config_url, error="m").svg_inline(
            scale=4, title=_("QR code for your authenticator app")
        )
    return render(request, "registration/two_factor.html", context, status=400 if error else 200)


# django-otp refuses any code for 1, 2, 4, ... seconds after successive wrong ones. The first waits
# are shorter than a person takes to type the right code, yet a quick second try (a password manager)
# met them: the request waits them out instead. Longer waits still refuse (guessing stays slow).
SHORT_THROTTLE = 2.0


def _wait_out_a_short_throttle(device: TOTPDevice) -> None:
    allowed, details = device.verify_is_allowed()
    if allowed or not details or "locked_until" not in details:
        return
    wait = (details["locked_until"] - timezone.now()).total_seconds()
    if 0 < wait <= SHORT_THROTTLE:
        time.sleep(wait)


def _enrolment_by_email(request: HttpRequest, next_url: str, *, error: str = "") -> HttpResponse:
    """No app registered yet: e-mail a link that lets this session register one."""
    user = request.user
    sent = False
    if request.method == "POST" and "send" in request.POST and user.email:
        if enrolment.can_send(request):
            enrolment.send_link(request)
            sent = True
        else:
            error = _("A link was sent less than a minute ago: look for it in your mailbox first.")
    context = {"next": next_url, "error": error, "sent": sent, "address": _masked(user.email), "hide_navigation": True}
    return render(request, "registration/two_factor_email.html", context, status=400 if error else 200)


@member_required
def two_factor_enrol(request: HttpRequest, token: str) -> HttpResponse:
    """The e-mailed link: in the session that asked for it, the two-step page then shows a new key."""
    if enrolment.confirm(request, token):
        return redirect("accounts:two-factor")
    error = _(
        "This link does not work (any more): it works once, for %(minutes)s minutes, in the browser that "
        "asked for it. Ask for a new one below."
    ) % {"minutes": enrolment.MAX_AGE // 60}
    return _enrolment_by_email(request, "/", error=error)


def _masked(address: str) -> str:
    """a•••@iom.int: enough to recognise one's address, not enough to learn someone else's."""
    local, _at, domain = address.partition("@")
    return f"{local[:1]}•••@{domain}" if domain else ""


def _base32(key: bytes) -> str:
    return base64.b32encode(key).decode().rstrip("=")


@member_required
def notification_list(request: HttpRequest) -> HttpResponse:
    """The account's notifications, newest first; opening the page does not mark them read, the button does."""
    notifications = request.user.notifications.all()[:100]
    return render(request, "stakeholders/notification_list.html", {"notifications": notifications})


@require_POST
@member_required
def notification_mark_read(request: HttpRequest) -> HttpResponse:
    count = request.user.notifications.unread().update(read_at=timezone.now())
    messages.success(
        request,
        ngettext("%(count)s notification marked read.", "%(count)s notifications marked read.", count)
        % {"count": count},
    )
    return redirect("accounts:notification-list")


@member_required
def preferences(request: HttpRequest) -> HttpResponse:
    """The person's own language (pages and e-mails alike) and time zone."""
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        translation.activate(user.language)  # the confirmation already in the chosen language
        messages.success(request, _("Your preferences are saved."))
        response = redirect("accounts:preferences")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            user.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    status = 400 if form.is_bound else 200
    return render(request, "stakeholders/preferences.html", {"form": form}, status=status)

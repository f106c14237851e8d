"""Invitations, deactivation, login lockout, the second factor and session expiry."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from stakeholders.models import Role, User
from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def invitation_link() -> str:
    return re.search(r"http://[^/]+(/accounts/invitation/\S+/)", mail.outbox[-1].body).group(1)


def test_secretariat_invites_a_focal_point_who_sets_a_password(
    secretariat, organisation_a, login, eager_celery, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(secretariat).post(
            reverse("accounts:user-invite"),
            {
                "full_name": "Olga Sidorenko",
                "email": "Olga@Example.org",
                "organisation": organisation_a.pk,
                "role": Role.FOCAL_POINT,
                "language": "ru",
            },
        )
    assert response.status_code == 302
    user = User.objects.get(email="olga@example.org")
    assert not user.has_usable_password() and user.has_role(Role.FOCAL_POINT) and user.language == "ru"
    assert mail.outbox[-1].to == ["olga@example.org"]
    assert "UNCNM" in mail.outbox[-1].subject and "Учётная запись" in mail.outbox[-1].subject

    client = Client()
    form_url = client.get(invitation_link())["Location"]
    response = client.post(
        form_url, {"new_password1": "a-long-new-passphrase", "new_password2": "a-long-new-passphrase"}
    )
    assert response.status_code == 302
    assert (
        client.post(reverse("login"), {"username": "olga@example.org", "password": "a-long-new-passphrase"}).status_code
        == 302
    )
    # The link works once.
    again = Client().get(invitation_link(), follow=True)
    assert "not valid any more" in again.content.decode()


def test_invitation_link_expires(
    secretariat, organisation_a, login, eager_celery, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        login(secretariat).post(
            reverse("accounts:user-invite"),
            {
                "full_name": "Late Person",
                "email": "late@example.org",
                "organisation": organisation_a.pk,
                "role": Role.FOCAL_POINT,
                "language": "en",
            },
        )
    with time_machine.travel(datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)):
        response = Client().get(invitation_link(), follow=True)
    assert "not valid any more" in response.content.decode()


def test_a_lost_invitation_is_sent_again_with_a_new_link_until_a_password_is_chosen(
    secretariat, organisation_a, login, send_now
):
    client = login(secretariat)
    data = {
        "full_name": "Olga Sidorenko",
        "email": "olga@example.org",
        "organisation": organisation_a.pk,
        "role": "Government focal point",
        "language": "en",
    }
    with send_now():
        client.post(reverse("accounts:user-invite"), data)
    olga = User.objects.get(email="olga@example.org")
    again = client.post(reverse("accounts:user-invite"), data)  # inviting the address again
    assert again.status_code == 400 and "send the invitation again from the account&#x27;s page" in again.text

    page = client.get(reverse("accounts:user-update", args=[olga.pk])).text
    assert "Send the invitation again" in page
    with send_now():
        response = client.post(reverse("accounts:user-reinvite", args=[olga.pk]), follow=True)
    assert "A new invitation was sent to olga@example.org." in response.text
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["olga@example.org"]
    link = invitation_link()
    anonymous = Client()
    form_url = anonymous.get(link, follow=True).redirect_chain[-1][0]
    anonymous.post(form_url, {"new_password1": "A-long-new-passphrase-42", "new_password2": "A-long-new-passphrase-42"})
    olga.refresh_from_db()
    assert olga.has_usable_password()
    assert "Send the invitation again" not in client.get(reverse("accounts:user-update", args=[olga.pk])).text
    with send_now():
        client.post(reverse("accounts:user-reinvite", args=[olga.pk]))
    assert len(mail.outbox) == 2  # nothing sent once the password is chosen


def test_invitation_refuses_an_existing_address(secretariat, focal_point_a, organisation_a, login):
    response = login(secretariat).post(
        reverse("accounts:user-invite"),
        {
            "full_name": "Twin",
            "email": focal_point_a.email.upper(),
            "organisation": organisation_a.pk,
            "role": Role.FOCAL_POINT,
            "language": "en",
        },
    )
    assert response.status_code == 400 and "already exists" in response.content.decode()


def test_secretariat_deactivates_an_account(secretariat, focal_point_a, login):
    client = login(secretariat)
    assert client.get(reverse("accounts:user-list")).status_code == 200
    client.post(reverse("accounts:user-set-active", args=[focal_point_a.pk]), {"active": "0"})
    focal_point_a.refresh_from_db()
    assert not focal_point_a.is_active
    response = Client().post(reverse("login"), {"username": focal_point_a.username, "password": TEST_PASSWORD})
    assert response.status_code == 200  # refused
    response = client.post(reverse("accounts:user-set-active", args=[secretariat.pk]), {"active": "0"}, follow=True)
    assert "cannot deactivate your own account" in response.content.decode()


@pytest.mark.parametrize("name", ["accounts:user-list", "accounts:user-invite"])
@pytest.mark.parametrize("role", ["focal_point_a", "agency_staff", "observer", "no_role"])
def test_account_pages_are_for_the_secretariat(request, login, name, role):
    assert login(request.getfixturevalue(role)).get(reverse(name)).status_code == 403


def test_account_pages_send_anonymous_users_to_login(client, focal_point_a):
    for url in [reverse("accounts:user-list"), reverse("accounts:user-invite"), reverse("accounts:two-factor")]:
        assert client.get(url).status_code == 302
    assert client.post(reverse("accounts:user-set-active", args=[focal_point_a.pk])).status_code == 302


def test_repeated_failed_logins_lock_the_account(client, observer, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "observer", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "observer", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def enrolment_link() -> str:
    return re.search(r"http://[^/]+(/accounts/two-factor/enrol/\S+/)", mail.outbox[-1].body).group(1)


@pytest.fixture
def password_only(secretariat, settings, eager_celery, django_capture_on_commit_callbacks):
    """The secretariat after the password step, with no authenticator app registered yet."""
    settings.OTP_REQUIRED_FOR_SECRETARIAT = True
    client = Client()
    client.post(reverse("login"), {"username": "secretariat", "password": TEST_PASSWORD})
    client.ask_for_link = lambda: _ask_for_link(client, django_capture_on_commit_callbacks)
    return client


def _ask_for_link(client, capture):
    with capture(execute=True):
        return client.post(reverse("accounts:two-factor"), {"send": "1", "next": "/dashboard/"})


def code_of(device) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_secretariat_needs_a_second_factor_registered_after_an_e_mailed_link(password_only, secretariat):
    client = password_only
    response = client.get(reverse("reviews:dashboard"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two-factor"))
    page = client.get(response["Location"]).text
    assert "totp-secret" not in page and "<svg" not in page  # the password alone shows no key
    assert "E-mail me a link at s•••@" in page and not TOTPDevice.objects.exists()

    response = client.ask_for_link()
    assert "We sent a link to s•••@" in response.text and mail.outbox[-1].to == [secretariat.email]
    page = client.get(enrolment_link(), follow=True).text
    assert "<svg" in page and "totp-secret" in page
    device = TOTPDevice.objects.get(user=secretariat, confirmed=False)
    assert client.post(reverse("accounts:two-factor"), {"token": "000000", "next": "/dashboard/"}).status_code == 400
    # A wrong code slows the next attempts down (django-otp throttling): try again a little later.
    with time_machine.travel(datetime.timedelta(seconds=5)):
        response = client.post(reverse("accounts:two-factor"), {"token": code_of(device), "next": "/dashboard/"})
        assert response["Location"] == "/dashboard/"
        assert client.get(reverse("reviews:dashboard")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_the_enrolment_link_works_once_in_the_session_that_asked_within_thirty_minutes(password_only, secretariat):
    password_only.ask_for_link()
    link = enrolment_link()
    other_session = Client()
    other_session.post(reverse("login"), {"username": "secretariat", "password": TEST_PASSWORD})
    response = other_session.get(link)  # someone with the password and the mailbox but not this browser
    assert response.status_code == 400 and "This link does not work" in response.text
    assert not TOTPDevice.objects.exists()

    with time_machine.travel(datetime.timedelta(minutes=31)):
        assert password_only.get(link).status_code == 400  # expired
    assert password_only.get(link).status_code == 302  # in time, in this session
    assert password_only.get(link).status_code == 400  # once
    assert password_only.get(link.replace("enrol/", "enrol/x")).status_code == 400  # tampered with


def test_a_second_link_is_sent_only_after_a_minute(password_only):
    password_only.ask_for_link()
    response = password_only.ask_for_link()
    assert response.status_code == 400 and "less than a minute ago" in response.text
    assert len(mail.outbox) == 1
    with time_machine.travel(datetime.timedelta(seconds=61)):
        assert password_only.ask_for_link().status_code == 200 and len(mail.outbox) == 2


def test_second_factor_refuses_an_outside_next_url(password_only, secretariat):
    password_only.ask_for_link()
    password_only.get(enrolment_link())
    password_only.get(reverse("accounts:two-factor"))
    device = TOTPDevice.objects.get(user=secretariat)
    response = password_only.post(
        reverse("accounts:two-factor"), {"token": code_of(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_superusers_need_the_second_factor_too(superuser, settings):
    settings.OTP_REQUIRED_FOR_SECRETARIAT = True
    client = Client()
    client.force_login(superuser)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:two-factor"))


def test_focal_points_need_no_second_factor(focal_point_a, settings):
    settings.OTP_REQUIRED_FOR_SECRETARIAT = True
    client = Client()
    client.post(reverse("login"), {"username": "focal_a", "password": TEST_PASSWORD})
    assert client.get(reverse("inputs:input-inbox")).status_code == 200


def test_sessions_end_after_inactivity(observer, settings):
    client = Client()
    client.post(reverse("login"), {"username": "observer", "password": TEST_PASSWORD})
    assert client.get(reverse("objectives:home")).status_code == 200
    with time_machine.travel(datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)):
        assert client.get(reverse("objectives:home")).status_code == 302


def test_every_form_has_a_csrf_token(secretariat, login):
    client = login(secretariat)
    client.handler.enforce_csrf_checks = True
    group = Group.objects.get(name="Secretariat")
    assert group
    response = client.post(reverse("accounts:user-invite"), {})
    assert response.status_code == 403  # no token, no post


def test_guesses_spread_over_addresses_lock_the_account(observer):
    for attempt in range(24):
        address = f"192.0.2.{attempt % 6 + 1}"  # 24 wrong passwords over 6 addresses
        Client(REMOTE_ADDR=address).post(reverse("login"), {"username": "observer", "password": f"guess-{attempt}"})
    response = Client(REMOTE_ADDR="198.51.100.7").post(
        reverse("login"), {"username": "observer", "password": TEST_PASSWORD}
    )
    assert response.status_code == 429  # the right password from a new address does not get in


def fail_logins(username: str, times: int, address: str = "192.0.2.1") -> None:
    for attempt in range(times):
        Client(REMOTE_ADDR=address).post(reverse("login"), {"username": username, "password": f"guess-{attempt}"})


def can_log_in(username: str) -> bool:
    response = Client(REMOTE_ADDR="198.51.100.7").post(
        reverse("login"), {"username": username, "password": TEST_PASSWORD}
    )
    return response.status_code == 302


def test_a_lockout_e_mails_the_owner_once(observer, send_now):
    with send_now():
        fail_logins("observer", 5)
        fail_logins("observer", 5, address="192.0.2.9")  # still locked: no second e-mail
    (message,) = mail.outbox
    assert message.to == [observer.email] and "locked for 30 minutes" in message.body
    assert "192.0.2.1" in message.body


def test_each_further_lockout_within_a_day_doubles_the_wait(observer):
    with time_machine.travel("2026-11-27 08:00Z", tick=False) as clock:
        fail_logins("observer", 5)
        clock.shift(datetime.timedelta(minutes=29))
        assert not can_log_in("observer")
        clock.shift(datetime.timedelta(minutes=2))  # first lockout: 30 minutes
        fail_logins("observer", 5)
        page = Client().post(reverse("login"), {"username": "observer", "password": "x"}).text
        assert "Try again in 60 minutes" in page, re.findall(r"role=\"alert\">[^<]*", page)
        clock.shift(datetime.timedelta(minutes=59))
        assert not can_log_in("observer")  # second lockout: 60 minutes
        clock.shift(datetime.timedelta(minutes=2))
        assert can_log_in("observer")


def test_no_e_mail_for_an_account_that_does_not_exist_or_only_a_locked_address(db, observer, send_now):
    with send_now():
        fail_logins("nobody@example.org", 6)
        fail_logins("observer", 1)  # the address is locked now, the observer's account is not
    assert mail.outbox == []


def test_one_password_sprayed_over_accounts_locks_the_address(db):
    from tests.factories import UserFactory

    for n in range(10):
        UserFactory(username=f"person{n}")
    client = Client(REMOTE_ADDR="192.0.2.50")
    statuses = [
        client.post(reverse("login"), {"username": f"person{n}", "password": "Spring2026!"}).status_code
        for n in range(10)
    ]
    assert 429 in statuses
    assert (
        Client(REMOTE_ADDR="192.0.2.51").post(reverse("login"), {"username": "person9", "password": "x"}).status_code
        == 200
    )


def test_an_overlong_username_is_an_ordinary_failed_login(observer):
    response = Client(raise_request_exception=False).post(reverse("login"), {"username": "x" * 300, "password": "y"})
    assert response.status_code == 200 and "Please enter a correct username and password" in response.content.decode()


def test_behind_a_trusted_proxy_the_lockout_hits_the_client_not_the_proxy(settings, db):
    from tests.factories import UserFactory

    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(6):
        UserFactory(username=f"person{n}")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    guesser = Client(**proxy, HTTP_X_FORWARDED_FOR="203.0.113.9, 192.0.2.66")  # the first entry is spoofed
    statuses = [
        guesser.post(reverse("login"), {"username": f"person{n}", "password": "Spring2026!"}).status_code
        for n in range(6)
    ]
    assert statuses[-1] == 429  # 192.0.2.66, the address the proxy saw, is locked ...
    colleague = Client(**proxy, HTTP_X_FORWARDED_FOR="192.0.2.77")
    assert colleague.post(reverse("login"), {"username": "person0", "password": TEST_PASSWORD}).status_code == 302


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(settings, db):
    from tests.factories import UserFactory

    settings.TRUSTED_PROXY_COUNT = 0
    UserFactory(username="person")
    for n in range(5):
        Client(REMOTE_ADDR="192.0.2.80", headers={"x-forwarded-for": f"198.51.100.{n}"}).post(
            reverse("login"), {"username": "nobody", "password": "x"}
        )
    response = Client(REMOTE_ADDR="192.0.2.80", headers={"x-forwarded-for": "198.51.100.99"}).post(
        reverse("login"), {"username": "person", "password": TEST_PASSWORD}
    )
    assert response.status_code == 429  # rotating a header does not escape the lockout of the address


def test_a_wrong_code_does_not_reject_the_right_one_typed_next(password_only, secretariat):
    password_only.ask_for_link()
    password_only.get(enrolment_link())
    page = password_only.get(reverse("accounts:two-factor")).text
    assert "Dashboard" not in page and "Log out" in page  # no navigation before the second factor
    device = TOTPDevice.objects.get(user=secretariat)
    assert password_only.post(reverse("accounts:two-factor"), {"token": "000000"}).status_code == 400
    response = password_only.post(reverse("accounts:two-factor"), {"token": code_of(device), "next": "/dashboard/"})
    assert response.status_code == 302 and response["Location"] == "/dashboard/"


def test_repeated_wrong_codes_still_slow_guessing_down(password_only, secretariat):
    password_only.ask_for_link()
    password_only.get(enrolment_link())
    password_only.get(reverse("accounts:two-factor"))
    device = TOTPDevice.objects.get(user=secretariat)
    for _ in range(3):  # the third refusal asks for 4 seconds: too long to wait out
        password_only.post(reverse("accounts:two-factor"), {"token": "000000"})
    response = password_only.post(reverse("accounts:two-factor"), {"token": code_of(device)})
    assert response.status_code == 400 and "Too many wrong codes" in response.text

"""No role can raise an account's powers: neither in the Django admin nor through any page of the portal.

Found in a trial: the secretariat held `change_user`, so the stock user admin let it tick
`is_superuser` on its own account, set any superuser's password and then read TOTP secrets.
"""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from stakeholders.models import Role, User
from stakeholders.permissions import sync_role_permissions
from tests.conftest import ROLE_FIXTURES

pytestmark = pytest.mark.django_db

ESCALATION = {
    "is_superuser": "on",
    "is_staff": "on",
    "is_active": "on",
    "username": "root",
    "email": "taken-over@example.org",
    "password": "pbkdf2_sha256$1$x$y",
    "password1": "Escalated-Password-2026",
    "password2": "Escalated-Password-2026",
    "new_password1": "Escalated-Password-2026",
    "new_password2": "Escalated-Password-2026",
    "groups": ["1", "2", "3", "4"],
    "user_permissions": [str(pk) for pk in range(1, 400)],
    "usable_password": "true",
    "date_joined_0": "2026-01-01",
    "date_joined_1": "00:00:00",
    "language": "en",
    "role": "Secretariat",
    "active": "0",
    "post": "yes",
}
ACCOUNT_MODELS = [User, Group, TOTPDevice]


@pytest.fixture
def guarded(superuser):
    """A superuser with an authenticator app: what an escalation would be after."""
    device = TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    return superuser, device


def state() -> dict:
    """Everything that decides what an account may do."""
    return {
        "users": sorted(
            User.objects.values_list("username", "is_superuser", "is_staff", "is_active", "password", "email")
        ),
        "user_permissions": sorted(User.user_permissions.through.objects.values_list("user_id", "permission_id")),
        "group_permissions": sorted(Group.permissions.through.objects.values_list("group_id", "permission_id")),
        "devices": sorted(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", "key")),
    }


def fill(route: str, pk: int) -> str:
    """A URL for a route pattern, every parameter set to the target's primary key (or a word for strings)."""
    route = re.sub(r"<int:\w+>", str(pk), route)
    route = re.sub(r"<(?:path|str|slug):\w+>", str(pk), route)
    route = re.sub(r"<\w+>", str(pk), route)
    return "/" + route.replace("^", "").replace("$", "").replace("\\Z", "")


def every_route(patterns=None, prefix: str = "") -> list[str]:
    routes = []
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            routes += every_route(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            routes.append(prefix + str(entry.pattern))
    return routes


def test_role_groups_hold_no_permission_over_accounts_or_devices():
    for group in Group.objects.filter(name__in=Role.values):
        labels = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert not {label for label in labels if label.split(".")[0] in {"auth", "otp_totp", "axes", "admin"}}
        assert not {label for label in labels if label.endswith("_user")}, group.name
    secretariat = Group.objects.get(name=Role.SECRETARIAT)
    assert secretariat.permissions.filter(codename="change_objective").exists()


def test_sync_takes_back_permissions_granted_by_hand():
    secretariat = Group.objects.get(name=Role.SECRETARIAT)
    secretariat.permissions.add(Permission.objects.get(codename="change_user"))
    Group.objects.get(name=Role.OBSERVER).permissions.add(Permission.objects.get(codename="change_assignment"))
    sync_role_permissions()
    assert not secretariat.permissions.filter(codename="change_user").exists()
    assert not Group.objects.get(name=Role.OBSERVER).permissions.exists()


@pytest.mark.parametrize("role", ["secretariat", "agency_staff", "observer"])
def test_account_pages_of_the_admin_are_for_superusers_only(request, role, login, guarded):
    superuser, device = guarded
    user = request.getfixturevalue(role)
    user.is_staff = True  # even a staff flag set by mistake opens nothing here
    user.save()
    client = login(user)
    urls = [
        reverse("admin:auth_user_password_change", args=[superuser.pk]),
        reverse("admin:otp_totp_totpdevice_config", args=[device.pk]),
        reverse("admin:otp_totp_totpdevice_qrcode", args=[device.pk]),
    ]
    for model in ACCOUNT_MODELS:
        opts = model._meta
        first = model.objects.first()
        urls += [
            reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
            reverse(f"admin:{opts.app_label}_{opts.model_name}_add"),
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk]),
            reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[first.pk]),
            reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[first.pk]),
        ]
    own = reverse("admin:stakeholders_user_change", args=[user.pk])
    before = state()
    for url in [*urls, own]:
        assert client.get(url).status_code in (302, 403), url
        assert client.post(url, ESCALATION).status_code in (302, 403), url
    assert state() == before
    index = client.get(reverse("admin:index")).content.decode()
    assert "/admin/stakeholders/user/" not in index and "/admin/otp_totp/" not in index


def test_superusers_still_manage_accounts_but_read_no_secret_keys(superuser, login, guarded):
    _superuser, device = guarded
    client = login(superuser)
    page = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk])).content.decode()
    assert device.key not in page
    assert client.get(reverse("admin:stakeholders_user_changelist")).status_code == 200


@pytest.mark.parametrize("role", [r for r in ROLE_FIXTURES if r != "no_role"] + ["no_role"])
def test_no_url_of_the_portal_or_the_admin_raises_any_account(request, role, login, guarded):
    """Post an escalation to every route, aimed at the superuser and at the user's own account."""
    superuser, _device = guarded
    user = request.getfixturevalue(role)
    client = login(user)
    before = state()
    routes = [r for r in every_route() if "logout" not in r]  # the session must last the sweep
    for route in routes:
        for pk in {superuser.pk, user.pk}:
            url = fill(route, pk)
            for method in (client.get, client.post):
                response = method(url, ESCALATION)
                assert response.status_code < 500, (role, url)
    # Posting to set_language or the login form changes no account; the user's own session may end.
    assert state() == before, role


def test_secretariat_manages_accounts_in_the_portal(secretariat, focal_point_a, organisation_b, login):
    TOTPDevice.objects.create(user=focal_point_a, name="phone", confirmed=True)
    client = login(secretariat)
    url = reverse("accounts:user-update", args=[focal_point_a.pk])
    page = client.get(url).content.decode()
    assert "Reset the second factor" in page and "is_superuser" not in page
    response = client.post(
        url,
        {
            **ESCALATION,
            "first_name": "Olga",
            "last_name": "Petrova",
            "email": "Olga@Example.org",
            "organisation": organisation_b.pk,
            "language": "be",
            "role": Role.AGENCY_STAFF.value,
        },
    )
    assert response.status_code == 302
    focal_point_a.refresh_from_db()
    assert (focal_point_a.first_name, focal_point_a.email, focal_point_a.organisation, focal_point_a.language) == (
        "Olga",
        "olga@example.org",
        organisation_b,
        "be",
    )
    assert focal_point_a.roles == [Role.AGENCY_STAFF]
    assert not focal_point_a.is_superuser and not focal_point_a.is_staff and focal_point_a.has_usable_password()
    assert client.post(reverse("accounts:user-reset-second-factor", args=[focal_point_a.pk])).status_code == 302
    assert not TOTPDevice.objects.filter(user=focal_point_a).exists()
    client.post(url, {"email": "olga@example.org", "language": "en", "role": Role.SECRETARIAT.value})
    promoted = User.objects.get(pk=focal_point_a.pk)
    assert promoted.roles == [Role.SECRETARIAT] and promoted.is_staff  # the admin's reference data
    assert not promoted.is_superuser


def test_account_form_rejects_bad_input_and_keeps_it(secretariat, focal_point_a, focal_point_b, login):
    response = login(secretariat).post(
        reverse("accounts:user-update", args=[focal_point_a.pk]),
        {"first_name": "Typed", "email": focal_point_b.email.upper(), "language": "xx", "role": "Superuser"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "An account with this e-mail address already exists." in html
    assert "Select a valid choice" in html and 'value="Typed"' in html
    focal_point_a.refresh_from_db()
    assert focal_point_a.first_name != "Typed"


@pytest.mark.parametrize(
    ("actor", "target", "expected"),
    [
        ("secretariat", "superuser", 403),
        ("secretariat", "secretariat", 403),
        ("secretariat", "observer", 200),
        ("superuser", "secretariat", 200),
        ("focal_point_a", "observer", 403),
        ("agency_staff", "observer", 403),
        ("observer", "observer", 403),
        ("no_role", "observer", 403),
    ],
)
def test_who_may_manage_which_account(request, login, actor, target, expected):
    actor_user, target_user = request.getfixturevalue(actor), request.getfixturevalue(target)
    client = login(actor_user)
    assert client.get(reverse("accounts:user-update", args=[target_user.pk])).status_code == expected
    reset = client.post(reverse("accounts:user-reset-second-factor", args=[target_user.pk]))
    reinvite = client.post(reverse("accounts:user-reinvite", args=[target_user.pk]))
    assert reinvite.status_code == (302 if expected == 200 else 403)
    active = client.post(reverse("accounts:user-set-active", args=[target_user.pk]), {"active": "0"})
    assert reset.status_code == (302 if expected == 200 else 403)
    if actor != target:
        assert active.status_code == (302 if expected == 200 else 403)
    target_user.refresh_from_db()
    assert target_user.is_active == (expected != 200 or actor == target)


def test_anonymous_is_sent_to_login_from_account_pages(observer, client):
    for url in (reverse("accounts:user-update", args=[observer.pk]),):
        assert client.get(url)["Location"].startswith(reverse("login"))

"""Every page of the portal, for every role and for an anonymous visitor."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.conftest import ROLE_FIXTURES

from .factories import ContactFactory, OrganisationFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db

PORTAL_NAMESPACES = {"objectives", "stakeholders", "reviews"}


@pytest.fixture
def pages() -> dict[str, str]:
    """One URL for every named route of the portal's apps, with real objects behind it."""
    organisation = OrganisationFactory(name="Organisation with a contact")
    ContactFactory(organisation=organisation)
    cycle = ReviewCycleFactory()
    return {
        "objectives:home": reverse("objectives:home"),
        "objectives:objective-detail": reverse("objectives:objective-detail", args=[7]),
        "stakeholders:organisation-list": reverse("stakeholders:organisation-list"),
        "stakeholders:organisation-detail": organisation.get_absolute_url(),
        "reviews:cycle-list": reverse("reviews:cycle-list"),
        "reviews:cycle-detail": cycle.get_absolute_url(),
    }


def portal_route_names(patterns=None, namespace: str = "") -> set[str]:
    names = set()
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace in PORTAL_NAMESPACES:
            names |= portal_route_names(entry.url_patterns, entry.namespace)
        elif isinstance(entry, URLResolver) and entry.namespace is None:
            names |= portal_route_names(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and namespace and entry.name:
            names.add(f"{namespace}:{entry.name}")
    return names


def test_every_portal_route_is_walked(pages):
    assert portal_route_names() == set(pages)


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_each_role_gets_the_expected_status(request, role, login, pages):
    client = login(request.getfixturevalue(role))
    expected = 403 if role == "no_role" else 200
    for name, url in pages.items():
        assert client.get(url).status_code == expected, (role, name)


def test_anonymous_is_sent_to_login(pages):
    client = Client()
    for url in pages.values():
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={url}"


def test_superuser_without_role_sees_everything(superuser, login, pages):
    client = login(superuser)
    for url in pages.values():
        assert client.get(url).status_code == 200


def test_inactive_user_cannot_use_a_session(secretariat, login, pages):
    client = login(secretariat)
    secretariat.is_active = False
    secretariat.save()
    assert client.get(pages["objectives:home"]).status_code == 302


@pytest.mark.parametrize(
    "url",
    ["/objectives/24/", "/objectives/0/", "/organisations/999999/", "/cycles/999999/"],
)
def test_missing_objects_are_404(observer, login, url):
    assert login(observer).get(url).status_code == 404


def test_public_endpoints_need_no_login(client):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("password_reset")).status_code == 200
    assert client.get(reverse("healthz")).content == b"ok"


@pytest.mark.parametrize("role", ["secretariat", "observer", "no_role"])
def test_admin_is_for_staff_only(request, role, login):
    response = login(request.getfixturevalue(role)).get(reverse("admin:index"))
    assert response.status_code == (200 if role == "secretariat" else 302)

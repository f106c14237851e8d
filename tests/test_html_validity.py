"""Every page of the portal is valid HTML (the Nu HTML Checker, zero errors) for every role and language."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.checkers import vnu_errors
from tests.test_permissions import pages  # noqa: F401  (the fixture: one URL per route, with real objects)

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]
ROLES = ["secretariat", "focal_point_a", "agency_staff", "observer"]


def account_pages(focal_point_a) -> list[str]:
    return [
        reverse("accounts:user-list"),
        reverse("accounts:user-invite"),
        reverse("accounts:user-update", args=[focal_point_a.pk]),
        reverse("password_change"),
        reverse("accounts:notification-list"),
        reverse("accounts:preferences"),
    ]


def test_every_page_is_valid_html(request, pages, focal_point_a, login, tmp_path):  # noqa: F811
    files = []

    def keep(name: str, response) -> None:
        if response.status_code in (200, 400, 403, 404, 429) and "text/html" in response["Content-Type"]:
            path = tmp_path / f"{name}.html"
            path.write_bytes(response.content)
            files.append(path)

    urls = [page.url for page in pages.values() if page.method == "get"]
    for role in ROLES:
        client = login(request.getfixturevalue(role))
        for language in ("en", "ru", "be") if role == "secretariat" else ("en",):
            client.cookies["django_language"] = language
            for number, url in enumerate(urls + (account_pages(focal_point_a) if role == "secretariat" else [])):
                keep(f"{role}-{language}-{number}", client.get(url))
    anonymous = Client(raise_request_exception=False)
    for number, url in enumerate([reverse("login"), reverse("password_reset"), "/no-such-page/"]):
        keep(f"anonymous-{number}", anonymous.get(url))
    assert len(files) > 100
    assert vnu_errors(files) == []

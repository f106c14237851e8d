"""Error pages of the portal's own: its layout, a way back, three languages, with DEBUG off."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from uncnm_portal.views import server_error

LAYOUT = ['<a class="navbar-brand" href="/">', 'id="language-select"', ">Go to the home page</a>"]


def client_in(language: str, **kwargs) -> Client:
    client = Client(**kwargs)
    client.cookies["django_language"] = language
    return client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "home"),
    [
        ("en", "This page does not exist", "Go to the home page"),
        ("ru", "Такой страницы нет", "На главную страницу"),
        ("be", "Такой старонкі няма", "На галоўную старонку"),
    ],
)
def test_404_in_each_language_for_anonymous_and_logged_in(observer, language, heading, home):
    client = client_in(language)
    for logged_in in (False, True):
        if logged_in:
            client.force_login(observer)
        response = client.get("/no-such-page/")
        html = response.content.decode()
        assert response.status_code == 404
        assert f'<html lang="{language}">' in html and heading in html and home in html
        assert 'id="language-select"' in html
        assert (f'href="{reverse("reviews:dashboard")}"' in html) == logged_in  # the navigation of a member


@pytest.mark.django_db
def test_403_has_the_layout_and_says_what_to_do(observer):
    client = Client()
    client.force_login(observer)
    response = client.get(reverse("accounts:user-list"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "You do not have access to this page" in html and "ask the network secretariat" in html
    assert all(part in html for part in LAYOUT)
    response = client_in("ru")
    response.force_login(observer)
    assert "У вас нет доступа к этой странице" in response.get(reverse("accounts:user-list")).content.decode()


@pytest.mark.django_db
def test_400_for_a_host_the_portal_does_not_serve(settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    response = Client().get("/accounts/login/", HTTP_HOST="attacker.example")
    html = response.content.decode()
    assert response.status_code == 400
    assert "The portal could not understand this request" in html and ">Go to the home page</a>" in html
    russian = client_in("ru").get("/accounts/login/", HTTP_HOST="attacker.example").content.decode()
    assert "Портал не смог понять этот запрос" in russian


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Something went wrong on our side"), ("ru", "На нашей стороне что-то пошло не так")],
)
def test_500_page(settings, language, text):
    settings.ROOT_URLCONF = "tests.urls_errors"
    client = client_in(language, raise_request_exception=False)
    client.get(reverse("login"))  # a CSRF cookie, as a browser would have
    response = client.get("/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert text in html and f'<html lang="{language}">' in html
    assert 'name="csrfmiddlewaretoken" value="' in html  # the language switch works from here


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "The portal's database is not answering"), ("ru", "База данных портала не отвечает")],
)
def test_the_database_away_is_a_503_with_a_retry_hint(settings, language, text):
    settings.ROOT_URLCONF = "tests.urls_errors"
    response = client_in(language, raise_request_exception=False).get("/database-away/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert text in response.text and f'<html lang="{language}">' in response.text


def test_500_page_needs_no_database_and_no_user():
    # No django_db mark: any query would fail this test.
    request = RequestFactory().get("/objectives/1/")
    response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in html and ">Go to the home page</a>" in html
    assert "Log out" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "text"), [("en", "The form could not be sent"), ("ru", "Форму не удалось отправить")]
)
def test_csrf_failure_page_keeps_the_layout_and_gives_a_fresh_token(observer, language, text):
    client = client_in(language, enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "observer", "password": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert text in html and all(part in html for part in LAYOUT[:2])
    assert 'name="csrfmiddlewaretoken" value="' in html


@pytest.mark.django_db
def test_429_lockout_page_has_the_layout(settings):
    settings.AXES_FAILURE_LIMIT = 1
    client = client_in("ru")
    client.post(reverse("login"), {"username": "someone", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "someone", "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа" in html and 'id="language-select"' in html

"""Login, logout, password change and reset, as a person would use them."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_login_goes_to_the_page_asked_for(client, observer):
    url = reverse("stakeholders:organisation-list")
    response = client.post(
        f"{reverse('login')}?next={url}", {"username": "observer", "password": TEST_PASSWORD, "next": url}
    )
    assert response.status_code == 302 and response["Location"] == url


def test_wrong_password_is_refused_with_a_message(client, observer):
    response = client.post(reverse("login"), {"username": "observer", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_needs_post_and_ends_the_session(observer, login):
    client = login(observer)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("objectives:home")).status_code == 302


def test_password_change(observer, login):
    client = login(observer)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": TEST_PASSWORD,
            "new_password1": "a-new-long-passphrase",
            "new_password2": "a-new-long-passphrase",
        },
    )
    assert response.status_code == 302
    observer.refresh_from_db()
    assert observer.check_password("a-new-long-passphrase")


def test_password_change_keeps_errors_next_to_the_field(observer, login):
    response = login(observer).post(
        reverse("password_change"), {"old_password": "wrong", "new_password1": "x", "new_password2": "y"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Your old password was entered incorrectly" in html
    assert "The two password fields didn" in html


def test_password_reset_by_email(client, observer):
    response = client.post(reverse("password_reset"), {"email": observer.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [observer.email]
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(form_url, {"new_password1": "a-fresh-passphrase-1", "new_password2": "a-fresh-passphrase-1"})
    assert response.status_code == 302
    observer.refresh_from_db()
    assert observer.check_password("a-fresh-passphrase-1")


def test_password_reset_does_not_reveal_unknown_addresses(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert "If an account uses that address" in response.content.decode()
    assert mail.outbox == []

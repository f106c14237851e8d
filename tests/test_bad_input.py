"""A corpus of bad input sent to every form and every list filter of the portal: never a 5xx (issue 16).

Every page of the portal (the permission matrix's walk, plus the account pages) is opened as the
secretariat; every form on it, GET filters and POST forms alike, is sent with each value of the
corpus in every field at once. The portal must answer with a page (a form sent back with its
errors, a conflict, a refusal), never a server error; and a refused POST must leave the data as
it was.
"""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from drafts.models import ExportJob, ReportSection
from inputs.models import Assignment, Input
from objectives.models import Activity, Indicator
from reviews.models import ActionProgress, ObjectiveAssessment
from stakeholders.models import User
from tests.test_permissions import pages  # noqa: F401  (the fixture: one URL per route, with real objects)

pytestmark = pytest.mark.django_db

CORPUS = [
    "x" * 20_000,  # far over every maximum length
    "\x00",  # NUL: PostgreSQL refuses it in text
    "-1",
    "99999999999999999999999",  # beyond 64-bit integers
    "1e309",  # a float overflow
    "NaN",
    "9999-12-31",
    "2024-02-30",
    "0000-00-00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\u202e\U0001f642",  # right-to-left override and an emoji
    "",
]
SKIPPED_ACTIONS = ("/accounts/logout/",)
ACCEPTABLE = {200, 302, 400, 403, 404, 405, 409, 413}


class Forms(HTMLParser):
    """The forms of a page: method, action and field names."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action") or "", "fields": set()}
            )
        elif (
            tag in ("input", "select", "textarea", "button")
            and self.forms
            and attrs.get("name")
            and attrs.get("type") != "file"
        ):
            self.forms[-1]["fields"].add(attrs["name"])


def forms_of(html: str) -> list[dict]:
    parser = Forms()
    parser.feed(html)
    return parser.forms


def counts() -> dict[str, int]:
    models = [
        Activity,
        Indicator,
        ObjectiveAssessment,
        ActionProgress,
        Assignment,
        Input,
        ExportJob,
        ReportSection,
        User,
    ]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def every_page(pages, secretariat, focal_point_a):  # noqa: F811
    urls = [page.url for page in pages.values() if page.method == "get"]
    urls += [
        reverse("accounts:user-list"),
        reverse("accounts:user-invite"),
        reverse("accounts:user-update", args=[focal_point_a.pk]),
        reverse("accounts:two-factor"),
        reverse("password_change"),
    ]
    return urls


def test_every_form_and_filter_answers_bad_input_without_a_server_error(every_page, secretariat, login):
    failures, sent = [], 0
    for url in every_page:
        client = login(secretariat)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        for form in forms_of(response.text):
            action = form["action"] or url
            if action.startswith(SKIPPED_ACTIONS) or not form["fields"] - {"csrfmiddlewaretoken"}:
                continue
            for value in CORPUS:
                data = {name: value for name in form["fields"] if name != "csrfmiddlewaretoken"}
                before = counts() if form["method"] == "post" else None
                response = client.post(action, data) if form["method"] == "post" else client.get(action, data)
                sent += 1
                if response.status_code not in ACCEPTABLE:
                    failures.append((form["method"], action, repr(value[:20]), response.status_code))
                elif before is not None and response.status_code >= 400 and counts() != before:
                    failures.append((form["method"], action, repr(value[:20]), "refused, yet data changed"))
    print(f"bad-input corpus: {sent} requests")
    assert sent > 300, sent
    assert not failures, failures


@pytest.mark.parametrize("url_name", ["login", "password_reset"])
def test_the_public_forms_answer_bad_input_without_a_server_error(client, url_name, db):
    url = reverse(url_name)
    for form in forms_of(client.get(url).text):
        for value in CORPUS:
            data = {name: value for name in form["fields"] if name != "csrfmiddlewaretoken"}
            assert client.post(form["action"] or url, data).status_code in ACCEPTABLE | {429}, repr(value[:20])


@pytest.mark.parametrize("value", CORPUS)
def test_list_filters_with_unknown_parameters_and_formats(value, secretariat, login):
    client = login(secretariat)
    for name in ["objectives:activity-list", "objectives:indicator-list", "stakeholders:organisation-list"]:
        params = {"format": value, "page": value, "sort": value, "status": value, "objective": value, "q": value}
        assert client.get(reverse(name), params).status_code in ACCEPTABLE, name

"""The read API: anonymous clients read published data only; a token reads what its owner reads in the portal."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from api.models import ApiToken
from drafts.models import Publication
from objectives.models import Objective
from tests.conftest import ROLE_FIXTURES
from tests.factories import ActivityFactory, AssessmentFactory, ExportJobFactory, IndicatorFactory
from tests.public.conftest import SECRETS, submit_a_draft

pytestmark = pytest.mark.django_db

RESOURCES = [
    "objectives",
    "actions",
    "principles",
    "organisations",
    "cycles",
    "assessments",
    "action-statuses",
    "activities",
    "indicators",
    "observations",
    "exports",
]
# The portal page whose permission each resource follows (the UI permission matrix).
UI_PAGE = {
    "objectives": lambda w: reverse("objectives:home"),
    "actions": lambda w: reverse("reviews:objective-detail", args=[1]),
    "principles": lambda w: reverse("objectives:home"),
    "organisations": lambda w: reverse("stakeholders:organisation-list"),
    "cycles": lambda w: reverse("reviews:cycle-list"),
    "assessments": lambda w: reverse("reviews:assessment-detail", args=[1, w.published.pk]),
    "action-statuses": lambda w: reverse("reviews:assessment-detail", args=[1, w.published.pk]),
    "activities": lambda w: reverse("objectives:activity-list"),
    "indicators": lambda w: reverse("objectives:indicator-list"),
    "observations": lambda w: reverse("objectives:indicator-list"),
    "exports": lambda w: reverse("drafts:export-list", args=[w.published.pk]),
}


def api(resource: str) -> str:
    return f"/api/v1/{resource}/"


def token_client(user) -> Client:
    _token, key = ApiToken.issue(user=user, name="test")
    return Client(headers={"authorization": f"Bearer {key}"})


def everything(client: Client, url: str) -> list[dict]:
    rows = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.json()
        rows += page["results"]
        url = page["next"]
    return rows


def test_every_resource_is_listed_in_the_root_and_the_schema():
    root = Client().get("/api/v1/").json()
    assert set(root) == set(RESOURCES)
    assert Client().get("/api/").status_code == 302


def test_anonymous_reads_published_data_only(world):
    client = Client()
    submit_a_draft(world.unpublished)  # submitted, but its cycle is not published
    for resource in RESOURCES:
        text = client.get(api(resource), {"page_size": 500}).content.decode()
        for what, secret in SECRETS.items():
            assert secret not in text, (resource, what)
    assert [c["id"] for c in everything(client, api("cycles"))] == [world.published.pk]
    assessments = everything(client, api("assessments"))
    assert {a["cycle"] for a in assessments} == {world.published.pk}
    by_objective = {a["objective"]: a for a in assessments}
    assert by_objective[1]["narratives"]["achievements"] == "Public achievement"
    assert by_objective[2]["narratives"] is None  # not marked public
    assert everything(client, api("exports")) == []
    assert [a["title"] for a in everything(client, api("activities"))] == ["Training of border officials"]


def test_anonymous_sees_the_published_drafts_export_only(world):
    version = submit_a_draft(world.published)
    ExportJobFactory(cycle=world.published, status="done")  # another export: never public
    exports = everything(Client(), api("exports"))
    assert [e["id"] for e in exports] == [version.export_id]
    assert exports[0]["version"] == {"label": "v0.1", "status": "submitted"}


def test_unpublishing_closes_the_api_at_once(world):
    client = Client()
    assert everything(client, api("assessments"))
    Publication.objects.filter(pk=world.publication.pk).first().set_published(False, by=None)
    assert everything(client, api("assessments")) == []
    assert everything(client, api("cycles")) == []
    assert everything(client, api("indicators")) == []


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_a_token_reads_what_its_owner_reads_in_the_portal(request, role, world, login):
    """The UI permission matrix run against the API: same role, same answer."""
    user = request.getfixturevalue(role)
    ui, client = login(user), token_client(user)
    for resource in RESOURCES:
        ui_status = ui.get(UI_PAGE[resource](world)).status_code
        api_status = client.get(api(resource)).status_code
        assert (ui_status, api_status) in ((200, 200), (403, 403)), (role, resource, ui_status, api_status)
    if role != "no_role":
        cycles = {c["id"] for c in everything(client, api("cycles"))}
        assert cycles == {world.published.pk, world.unpublished.pk}  # members read unpublished cycles too


def test_another_organisations_token_reads_no_more(world, focal_point_a, focal_point_b):
    a, b = token_client(focal_point_a), token_client(focal_point_b)
    for resource in RESOURCES:
        assert a.get(api(resource)).content == b.get(api(resource)).content, resource
    assert a.get(api("exports")).status_code == 403


def test_nothing_is_written(world, secretariat):
    client = token_client(secretariat)
    for resource in RESOURCES:
        assert client.post(api(resource), {}, content_type="application/json").status_code in (403, 405)
    assert client.delete(f"{api('objectives')}1/").status_code in (403, 405)


def test_tokens_are_made_shown_once_hashed_and_revoked(world, observer, login):
    client = login(observer)
    page = reverse("api:tokens")
    response = client.post(page, {"name": "SDG platform", "form_key": "0b2f6f5e-4a9e-4a45-8b2a-5f0d3c1a9e01"})
    assert response.status_code == 302
    shown = client.get(page).content.decode()
    token = ApiToken.objects.get(user=observer)
    key = shown.split('<code id="new-token" class="user-select-all">')[1].split("<")[0]
    assert key.startswith("uncnm_") and token.lookup in key
    assert key not in client.get(page).content.decode()  # shown once
    assert key not in str(ApiToken.objects.values().get())  # only its digest is stored
    api_client = Client(headers={"authorization": f"Bearer {key}"})
    assert api_client.get(api("cycles")).status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert "never" not in client.get(page).content.decode()
    assert client.post(reverse("api:token-revoke", args=[token.pk])).status_code == 302
    response = api_client.get(api("cycles"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_token_of_an_inactive_account_or_a_wrong_one_is_refused(world, observer):
    client = token_client(observer)
    observer.is_active = False
    observer.save()
    assert client.get(api("cycles")).status_code == 401
    assert Client(headers={"authorization": "Bearer uncnm_wrong"}).get(api("cycles")).status_code == 401


def test_someone_elses_token_cannot_be_revoked(world, observer, agency_staff, login):
    token, _key = ApiToken.issue(user=agency_staff, name="theirs")
    assert login(observer).post(reverse("api:token-revoke", args=[token.pk])).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_lang_picks_the_language_of_the_texts(world):
    objective = Client().get(f"{api('objectives')}1/", {"lang": "ru"})
    assert objective["Content-Language"] == "ru"
    data = objective.json()
    assert data["title"] == Objective.objects.get(number=1).title_ru
    assert set(data["translations"]["title"]) == {"en", "ru", "be"}
    assert Client().get(f"{api('objectives')}1/").json()["title"] == Objective.objects.get(number=1).title_en


def test_etag_and_last_modified_answer_304(world):
    client = Client()
    first = client.get(api("assessments"))
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    assert client.get(api("assessments"), headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(api("assessments"), headers={"if-modified-since": first["Last-Modified"]}).status_code == 304
    AssessmentFactory(cycle=world.published, objective=Objective.objects.get(number=3))
    assert client.get(api("assessments"), headers={"if-none-match": first["ETag"]}).status_code == 200


def test_pagination_and_the_portals_filters(world):
    for n in range(3):
        ActivityFactory(title=f"Extra {n}", start_date=world.published.submission_deadline.replace(year=2028))
    page = Client().get(api("activities"), {"page_size": 2}).json()
    assert page["count"] == 4 and len(page["results"]) == 2 and page["next"]
    found = Client().get(api("activities"), {"q": "Extra 1"}).json()
    assert [a["title"] for a in found["results"]] == ["Extra 1"]
    assert (
        Client().get(api("actions"), {"objective": 2}).json()["count"] == Objective.objects.get(number=2).action_count
    )
    bad = Client().get(api("activities"), {"objective": "not-a-number"})
    assert bad.status_code == 400 and "objective" in bad.json()


def test_throttling_per_address_and_per_token(world, observer, settings):
    settings.API_THROTTLE_RATES = {"anonymous": "3/minute", "token": "5/minute"}
    from django.core.cache import cache

    cache.clear()
    anonymous = Client(REMOTE_ADDR="192.0.2.1")
    assert [anonymous.get(api("principles")).status_code for _ in range(4)] == [200, 200, 200, 429]
    assert Client(REMOTE_ADDR="192.0.2.2").get(api("principles")).status_code == 200
    client = token_client(observer)
    assert [client.get(api("principles")).status_code for _ in range(6)] == [200] * 5 + [429]
    assert token_client(observer).get(api("principles")).status_code == 200  # another token, its own budget


def test_the_schema_validates_and_the_docs_are_served_by_the_portal(world, tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    schema = Client().get("/api/v1/schema/", {"format": "json"}).json()
    assert {f"/api/v1/{r}/" for r in RESOURCES} <= set(schema["paths"])
    assert "personalToken" in schema["components"]["securitySchemes"]
    docs = Client().get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in docs
    assert "cdn" not in docs.lower()
    assert "<script>" not in docs  # the strict Content-Security-Policy holds: no inline script


def _grow(world, n: int) -> None:
    for i in range(n):
        ActivityFactory(title=f"Grown {i}", start_date=world.published.submission_deadline.replace(year=2028))
        indicator = IndicatorFactory()
        indicator.observations.create(year=2028, value=i)
    objectives = list(Objective.objects.exclude(assessments__cycle=world.published).order_by("number")[:n])
    for objective in objectives:
        AssessmentFactory(cycle=world.published, objective=objective, narratives_public=True)


@pytest.mark.parametrize("member", [False, True])
def test_list_endpoints_have_flat_query_counts(world, secretariat, member):
    client = token_client(secretariat) if member else Client()

    def counts() -> dict[str, int]:
        result = {}
        for resource in RESOURCES:
            client.get(api(resource))  # warm (the token's last use, caches)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(api(resource), {"page_size": 500}).status_code == 200
            result[resource] = len(queries)
        return result

    _grow(world, 2)
    small = counts()
    _grow(world, 20)
    assert counts() == small


@pytest.mark.parametrize(
    ("resource", "params", "refused"),
    [
        ("objectives", {"lang": "xx"}, "lang"),
        ("activities", {"page_size": 0}, "page_size"),
        ("activities", {"page_size": 501}, "page_size"),
        ("activities", {"page": 0}, "page"),
        ("assessments", {"objective": 0}, "objective"),
        ("assessments", {"objective": 24}, "objective"),
        ("assessments", {"cycle": ""}, "cycle"),
        ("observations", {"year_from": 1.5}, "year_from"),
    ],
)
def test_a_parameter_outside_what_the_schema_declares_is_refused(world, resource, params, refused):
    response = Client().get(api(resource), params)
    assert response.status_code == 400 and refused in response.json()


def test_an_id_of_nothing_is_an_empty_list_or_a_json_404(world):
    assert Client().get(api("assessments"), {"cycle": 2**31 - 1}).json()["count"] == 0
    for path in ("cycles/0", "cycles/99999999999999999999", "cycles/1.5", "objectives/x", "objectives/24"):
        response = Client().get(api(path))
        assert response.status_code == 404 and response["Content-Type"] == "application/json", path


def test_the_schema_declares_anonymous_access_errors_and_ranges():
    schema = Client().get("/api/v1/schema/", {"format": "json"}).json()
    listing = schema["paths"]["/api/v1/assessments/"]["get"]
    assert {} in listing["security"] and {"personalToken": []} in listing["security"]
    assert {"200", "400", "401", "403", "404", "429"} <= set(listing["responses"])
    parameters = {p["name"]: p["schema"] for p in listing["parameters"]}
    assert parameters["page_size"] == {"type": "integer", "minimum": 1, "maximum": 500}
    assert (parameters["objective"]["minimum"], parameters["objective"]["maximum"]) == (1, 23)
    assert set(parameters["lang"]["enum"]) == {"en", "ru", "be"}
    detail = {p["name"]: p["schema"] for p in schema["paths"]["/api/v1/cycles/{id}/"]["get"]["parameters"]}
    assert detail["id"]["minimum"] == 1 and detail["id"]["maximum"] == 2**31 - 1

"""Public pages: an anonymous visitor sees exactly what the Government published, in its language, fast."""

import csv
import datetime
import io
import json
import zipfile
from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from drafts.models import Publication
from objectives.models import Indicator
from reviews.models import ObjectiveAssessment
from tests.factories import IndicatorFactory
from uncnm_portal.freshness import generation

from .conftest import SECRETS, submit_a_draft

pytestmark = pytest.mark.django_db


def public_urls(world) -> list[str]:
    cycle = world.published.pk
    urls = [
        reverse("public:home"),
        reverse("public:cycle", args=[cycle]),
        *[reverse("public:objective", args=[n]) for n in range(1, 24)],
        *[reverse("public:download", args=[cycle, fmt]) for fmt in ("csv", "json", "xlsx", "sdmx")],
        reverse("django.contrib.sitemaps.views.sitemap"),
    ]
    return urls + [reverse("public:indicator", args=[pk]) for pk in Indicator.objects.values_list("pk", flat=True)]


def readable(response) -> str:
    """The text of a page or download, zips and workbooks opened."""
    if response["Content-Type"] == "application/zip":
        with zipfile.ZipFile(io.BytesIO(response.content)) as zipped:
            return "\n".join(zipped.read(name).decode("utf-8-sig") for name in zipped.namelist())
    if "spreadsheetml" in response["Content-Type"]:
        workbook = load_workbook(io.BytesIO(response.content))
        return "\n".join(str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row)
    return response.content.decode()


def test_anonymous_sees_the_published_content_and_no_secret(world):
    client = Client()
    for url in public_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        text = readable(response)
        for what, secret in SECRETS.items():
            assert secret not in text, (url, what)
    home = client.get(reverse("public:home")).content.decode()
    assert "Regional review 2030" in home
    objective = client.get(reverse("public:objective", args=[1])).content.decode()
    assert "Public achievement" in objective
    assert "Training of border officials" in objective
    assert "Share of migrants with a work permit" in objective


def test_what_is_not_published_is_404(world):
    client = Client()
    assert client.get(reverse("public:cycle", args=[world.unpublished.pk])).status_code == 404
    assert client.get(reverse("public:download", args=[world.unpublished.pk, "csv"])).status_code == 404
    assert client.get(reverse("public:draft-download", args=[world.published.pk])).status_code == 404  # none submitted
    submit_a_draft(world.unpublished)
    assert client.get(reverse("public:draft-download", args=[world.unpublished.pk])).status_code == 404
    assert client.get(reverse("public:download", args=[world.published.pk, "pdf"])).status_code == 404


def test_only_a_submitted_draft_is_offered_and_only_when_chosen(world):
    client = Client()
    submit_a_draft(world.published, b"%PDF-1.4 the submitted review")
    url = reverse("public:draft-download", args=[world.published.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 the submitted review"
    assert url in client.get(reverse("public:cycle", args=[world.published.pk])).content.decode()
    world.publication.draft = False
    world.publication.save()
    assert client.get(url).status_code == 404
    assert url not in client.get(reverse("public:cycle", args=[world.published.pk])).content.decode()


def test_publishing_and_unpublishing_are_recorded_and_take_effect_at_once(world, secretariat, login):
    client, anonymous = login(secretariat), Client()
    url = reverse("public:cycle", args=[world.unpublished.pk])
    assert anonymous.get(url).status_code == 404
    page = reverse("drafts:publication", args=[world.unpublished.pk])
    parts = {part: "on" for part in Publication.PARTS}
    assert client.post(page, {**parts, "action": "publish"}).status_code == 302
    assert anonymous.get(url).status_code == 200
    assert client.post(page, {**parts, "action": "unpublish"}).status_code == 302
    assert anonymous.get(url).status_code == 404
    publication = Publication.objects.get(cycle=world.unpublished)
    records = list(publication.history.order_by("history_date"))
    assert [r.is_published for r in records] == [True, False]
    assert {r.history_user for r in records} == {secretariat}
    assert "History of the publication" in client.get(page).content.decode()


def test_a_part_left_out_is_nowhere(world):
    world.publication.narratives = False
    world.publication.activities = False
    world.publication.save()
    client = Client()
    objective = client.get(reverse("public:objective", args=[1])).content.decode()
    assert "Public achievement" not in objective
    assert "Training of border officials" not in objective
    data = json.loads(client.get(reverse("public:download", args=[world.published.pk, "json"])).content)
    assert "narratives" not in data["tables"] and "activities" not in data["tables"]
    assert data["tables"]["objective_statuses"]


def test_an_edit_of_published_content_shows_at_once(world):
    client = Client()
    url = reverse("public:objective", args=[1])
    assert "Public achievement" in client.get(url).content.decode()
    assessment = ObjectiveAssessment.objects.get(cycle=world.published, objective__number=1)
    assessment.achievements = "Corrected achievement"
    assessment.save()
    assert "Corrected achievement" in client.get(url).content.decode()


def test_a_cached_page_costs_no_query_and_answers_304_to_a_cache(world):
    client = Client()
    url = reverse("public:objective", args=[1])
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content == first.content
    assert [q["sql"] for q in queries.captured_queries] == []
    assert client.get(url, headers={"if-none-match": first["ETag"]}).status_code == 304
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 304


def test_pages_have_their_language_canonical_links_and_alternates(world):
    client = Client()
    response = client.get(reverse("public:home"), {"lang": "ru"})
    page = response.content.decode()
    assert '<html lang="ru">' in page
    assert response["Content-Language"] == "ru"
    assert '<link rel="canonical" href="http://testserver/public/?lang=ru">' in page
    for code in ("en", "ru", "be"):
        assert f'hreflang="{code}" href="http://testserver/public/?lang={code}"' in page
    assert 'hreflang="x-default" href="http://testserver/public/"' in page
    assert "<form" not in page  # nothing per visitor: the page is cached for everyone
    assert "csrfmiddlewaretoken" not in page
    assert '<html lang="be">' in client.get(reverse("public:home"), {"lang": "be"}).content.decode()
    # an unknown language is the visitor's own
    assert '<html lang="en">' in client.get(reverse("public:home"), {"lang": "xx"}).content.decode()


SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def test_sitemap_and_robots_list_the_public_pages(world):
    client = Client()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/public/cycles/{world.published.pk}/?lang=ru" in sitemap
    assert f"/public/cycles/{world.unpublished.pk}/" not in sitemap
    assert "/public/objectives/23/?lang=be" in sitemap
    # each address names its alternates in every language and x-default, and when public content changed
    urls = ElementTree.fromstring(sitemap.encode()).findall("sm:url", SITEMAP)
    objective = next(u for u in urls if u.findtext("sm:loc", namespaces=SITEMAP).endswith("/objectives/7/?lang=ru"))
    alternates = {a.get("hreflang"): a.get("href") for a in objective.findall("xhtml:link", SITEMAP)}
    assert alternates == {
        "en": "http://testserver/public/objectives/7/?lang=en",
        "ru": "http://testserver/public/objectives/7/?lang=ru",
        "be": "http://testserver/public/objectives/7/?lang=be",
        "x-default": "http://testserver/public/objectives/7/",
    }
    changed = datetime.datetime.fromtimestamp(generation()[1], tz=datetime.UTC).date().isoformat()
    assert {u.findtext("sm:lastmod", namespaces=SITEMAP) for u in urls} == {changed}
    robots = client.get("/robots.txt").content.decode()
    assert "Allow: /public/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots


def test_only_get_and_head(world):
    client = Client()
    assert client.post(reverse("public:home")).status_code == 405
    assert client.head(reverse("public:home")).status_code == 200


def test_indicators_are_public_only_when_a_publication_includes_them(world):
    indicator = IndicatorFactory()
    url = reverse("public:indicator", args=[indicator.pk])
    assert Client().get(url).status_code == 200
    world.publication.indicators = False
    world.publication.save()
    assert Client().get(url).status_code == 404


class TestOpenData:
    def test_csv_zip_has_every_table_a_dictionary_and_the_licence(self, world):
        response = Client().get(reverse("public:download", args=[world.published.pk, "csv"]))
        assert response["Content-Disposition"].startswith('attachment; filename="uncnm-regional-2030-en-csv.zip"')
        with zipfile.ZipFile(io.BytesIO(response.content)) as zipped:
            names = set(zipped.namelist())
            assert names == {
                "objective_statuses.csv",
                "action_statuses.csv",
                "narratives.csv",
                "indicators.csv",
                "observations.csv",
                "activities.csv",
                "pledges.csv",
                "dictionary.csv",
                "datapackage.json",
                "LICENCE.txt",
            }
            dictionary = list(csv.DictReader(io.StringIO(zipped.read("dictionary.csv").decode("utf-8-sig"))))
            activities = list(csv.DictReader(io.StringIO(zipped.read("activities.csv").decode("utf-8-sig"))))
            observations = list(csv.DictReader(io.StringIO(zipped.read("observations.csv").decode("utf-8-sig"))))
            assert "CC BY 4.0" in zipped.read("LICENCE.txt").decode()
        for name in names - {"dictionary.csv", "datapackage.json", "LICENCE.txt"}:
            with zipfile.ZipFile(io.BytesIO(response.content)) as zipped:
                header = zipped.read(name).decode("utf-8-sig").splitlines()[0].split(",")
            described = {row["column"] for row in dictionary if row["table"] == name.removesuffix(".csv")}
            assert set(header) == described, name
        # a formula is neutralised; numbers are plain
        assert activities[0]["lead_organisation"] == '\'=HYPERLINK("http://evil.example")'
        assert [(o["year"], o["value"]) for o in observations] == [("2027", "40"), ("2028", "45.5"), ("2029", "-1.5")]

    def test_a_download_served_from_the_cache_is_still_an_attachment(self, world):
        client = Client()
        first, second = (client.get(reverse("public:download", args=[world.published.pk, "xlsx"])) for _ in "12")
        assert first.content == second.content
        assert second["Content-Disposition"] == 'attachment; filename="uncnm-regional-2030-en.xlsx"'

    def test_xlsx_opens_with_numbers_as_numbers(self, world):
        response = Client().get(reverse("public:download", args=[world.published.pk, "xlsx"]))
        workbook = load_workbook(io.BytesIO(response.content))
        assert {"objective_statuses", "observations", "dictionary", "licence"} <= set(workbook.sheetnames)
        values = [row[2] for row in workbook["observations"].iter_rows(min_row=2, values_only=True)]
        assert values == [40, 45.5, -1.5]

    def test_json_in_the_requested_language(self, world):
        response = Client().get(reverse("public:download", args=[world.published.pk, "json"]), {"lang": "ru"})
        data = json.loads(response.content)
        assert data["licence"]["name"] == "CC BY 4.0"
        first = data["tables"]["objective_statuses"][0]
        assert first["objective"] == 1 and first["status"] == "advanced"
        assert first["status_label"] != "Advanced"  # the status in Russian

    def test_sdmx_csv_follows_the_layout(self, world):
        response = Client().get(reverse("public:download", args=[world.published.pk, "sdmx"]))
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        assert rows[0] == [
            "STRUCTURE",
            "STRUCTURE_ID",
            "ACTION",
            "FREQ",
            "REF_AREA",
            "INDICATOR",
            "DISAGGREGATION",
            "TIME_PERIOD",
            "OBS_VALUE",
            "UNIT_MEASURE",
            "SOURCE",
        ]
        assert len(rows) == 4  # the observation after the cycle's cut-off is not in this cycle's data
        for row in rows[1:]:
            assert row[:5] == ["dataflow", "UNCNM:GCM_INDICATORS(1.0)", "I", "A", "BY"]
            assert row[6] == "_T" and row[7].isdigit() and len(row[7]) == 4
            float(row[8])


def test_validated_pledges_are_public_and_proposals_are_not(world, organisation_a):
    from pledges.models import Pledge

    for title, status in (("Digital work permits", "validated"), ("SECRET-PROPOSAL", "proposed")):
        pledge = Pledge.objects.create(
            title=title, description="x", organisation=organisation_a, nature="process", status=status
        )
        pledge.objectives.set([1])
    client = Client()
    page = client.get(reverse("public:objective", args=[1])).content.decode()
    assert "Digital work permits" in page and "SECRET-PROPOSAL" not in page
    data = json.loads(client.get(reverse("public:download", args=[world.published.pk, "json"])).content)
    assert [p["title"] for p in data["tables"]["pledges"]] == ["Digital work permits"]
    world.publication.pledges = False
    world.publication.save()
    assert "Digital work permits" not in client.get(reverse("public:objective", args=[1])).content.decode()


def test_a_page_rendered_before_an_edit_commits_is_not_served_after_it(world, django_capture_on_commit_callbacks):
    from uncnm_portal.freshness import generation

    client = Client()
    url = reverse("public:objective", args=[1])
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        assessment = ObjectiveAssessment.objects.get(cycle=world.published, objective__number=1)
        assessment.achievements = "Corrected achievement"
        assessment.save()
        during = generation()
        client.get(url)  # a page rendered meanwhile is cached under the counter of this moment
    assert callbacks
    assert generation() != during  # the commit moved the counter on: that copy is never served again

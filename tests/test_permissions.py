"""Every page of the portal, for every role and for an anonymous visitor."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from api.models import ApiToken
from drafts.models import DraftVersion, Publication
from imports.models import ImportJob
from inputs.models import Consultation, Evidence, WrittenContribution
from objectives.models import Objective
from pledges.models import Pledge
from policies.models import Instrument, PlanMeasure
from stakeholders.models import User
from tests.conftest import ROLE_FIXTURES

from .factories import (
    ActionProgressFactory,
    ActivityFactory,
    AssessmentFactory,
    AssignmentFactory,
    ContactFactory,
    ExportJobFactory,
    IndicatorFactory,
    OrganisationFactory,
    ReviewCycleFactory,
    finished_export,
)

pytestmark = pytest.mark.django_db

PORTAL_NAMESPACES = {
    "objectives",
    "policies",
    "pledges",
    "stakeholders",
    "reviews",
    "inputs",
    "drafts",
    "translations",
    "history",
    "public",
    "api",
    "imports",
}
READERS = {"secretariat": 200, "focal_point_a": 200, "focal_point_b": 200, "agency_staff": 200, "observer": 200}
SECRETARIAT_ONLY = {
    "secretariat": 200,
    "focal_point_a": 403,
    "focal_point_b": 403,
    "agency_staff": 403,
    "observer": 403,
}


@dataclass
class Page:
    url: str
    expected: dict  # role fixture -> status code; no_role always gets 403
    method: str = "get"
    public: bool = False  # open to anyone who has the URL (a contributor's link): 200 for everyone


@pytest.fixture
def pages(agency, organisation_a) -> dict[str, Page]:
    """One URL for every named route of the portal's apps, with real objects behind it."""
    organisation = OrganisationFactory(name="Organisation with a contact")
    ContactFactory(organisation=organisation)
    previous = ReviewCycleFactory(year=2030)
    cycle = ReviewCycleFactory(year=2032)
    AssessmentFactory(cycle=previous)
    assessment = AssessmentFactory(cycle=cycle)
    ActionProgressFactory(cycle=cycle)
    own_activity = ActivityFactory(lead_organisation=agency)
    indicator = IndicatorFactory()
    objective = Objective.objects.get(number=1)
    agency_writes = {**SECRETARIAT_ONLY, "agency_staff": 200}
    export = finished_export(cycle=cycle, objectives=[objective])
    failed = ExportJobFactory(cycle=cycle, status="failed")
    own_input = AssignmentFactory(cycle=cycle, organisation=organisation_a).input
    submitted = AssignmentFactory(
        cycle=cycle,
        organisation=organisation_a,
        objective=objective,
        with_input={"status": "submitted", "measures": "x"},
    ).input
    evidence = Evidence.objects.create(
        input=own_input,
        file=ContentFile(b"%PDF-1.4 test", name="x.pdf"),
        original_name="plan.pdf",
        extension="pdf",
        content_type="application/pdf",
        size=13,
    )
    cycle.lead_organisation = organisation_a  # its focal points review the draft
    cycle.save()
    version = DraftVersion.mark(export, by=None)
    unmarked = finished_export(cycle=cycle, objectives=[objective])
    version_readers = {
        "secretariat": 200,
        "focal_point_a": 200,
        "focal_point_b": 404,
        "agency_staff": 200,
        "observer": 403,
    }
    society = WrittenContribution.objects.create(
        cycle=cycle,
        organisation=organisation,
        contact_name="Olga",
        contact_email="olga@example.org",
        open_until=cycle.submission_deadline,
        status="submitted",
        text="Our view",
    )
    invited = WrittenContribution.objects.create(
        cycle=cycle,
        organisation=organisation,
        contact_name="Ivan",
        contact_email="i@example.org",
        open_until=datetime.date(2100, 1, 1),
    )
    everyone = dict.fromkeys(READERS, 200)
    plan = Instrument.objects.create(kind="action_plan", title="National action plan")
    measure = PlanMeasure.objects.create(plan=plan, number="1.1", title="Publish statistics")
    consultation = Consultation.objects.create(
        cycle=cycle, title="Hearing", held_on=cycle.submission_deadline, format=Consultation.Format.HEARING
    )
    # The previous cycle is published with its submitted draft: the public pages show it to anyone.
    submitted_export = ExportJobFactory(cycle=previous, status="done", pdf=ContentFile(b"%PDF-1.4 test", name="v.pdf"))
    published = DraftVersion.mark(submitted_export, by=None)
    DraftVersion.objects.filter(pk=published.pk).update(status=DraftVersion.Status.SUBMITTED)
    Publication.objects.create(cycle=previous, is_published=True)
    for year, value in ((2028, 12), (2029, 15)):  # the public indicator page draws its chart
        indicator.observations.create(year=year, value=value)
    pledge = Pledge.objects.create(
        title="Digital work permits", description="x", organisation=organisation_a, nature=Pledge.Nature.PROCESS
    )
    pledge.objectives.set([objective])
    import_job = ImportJob.objects.create(
        file=ContentFile(b"level,year\n", name="cycles.csv"), filename="cycles.csv", sha256="0" * 64, status="invalid"
    )
    someone_elses_token, _key = ApiToken.issue(user=User.objects.create_user("token-owner"), name="SDG platform")
    reporter_a = {"secretariat": 200, "focal_point_a": 200, "focal_point_b": 404, "agency_staff": 404, "observer": 404}
    secretariat_posts = {**SECRETARIAT_ONLY, "secretariat": 302}
    return {
        "objectives:home": Page(reverse("objectives:home"), READERS),
        "reviews:my-work": Page(reverse("reviews:my-work"), READERS),
        "reviews:objective-detail": Page(reverse("reviews:objective-detail", args=[7]), READERS),
        "objectives:activity-list": Page(reverse("objectives:activity-list"), READERS),
        "objectives:activity-detail": Page(own_activity.get_absolute_url(), READERS),
        "objectives:activity-create": Page(reverse("objectives:activity-create"), agency_writes),
        "objectives:activity-update": Page(
            reverse("objectives:activity-update", args=[own_activity.pk]), agency_writes
        ),
        "objectives:indicator-list": Page(reverse("objectives:indicator-list"), READERS),
        "objectives:indicator-detail": Page(indicator.get_absolute_url(), READERS),
        "objectives:indicator-create": Page(reverse("objectives:indicator-create"), SECRETARIAT_ONLY),
        "objectives:indicator-update": Page(
            reverse("objectives:indicator-update", args=[indicator.pk]), SECRETARIAT_ONLY
        ),
        "stakeholders:organisation-list": Page(reverse("stakeholders:organisation-list"), READERS),
        "stakeholders:organisation-detail": Page(organisation.get_absolute_url(), READERS),
        "reviews:cycle-list": Page(reverse("reviews:cycle-list"), READERS),
        "reviews:cycle-detail": Page(cycle.get_absolute_url(), READERS),
        "reviews:cycle-create": Page(reverse("reviews:cycle-create"), SECRETARIAT_ONLY),
        "reviews:cycle-update": Page(reverse("reviews:cycle-update", args=[cycle.pk]), SECRETARIAT_ONLY),
        "reviews:gap-list": Page(reverse("reviews:gap-list", args=[cycle.pk]), READERS),
        "reviews:dashboard": Page(reverse("reviews:dashboard"), READERS),
        "reviews:assessment-compare": Page(reverse("reviews:assessment-compare", args=[1]), READERS),
        "reviews:assessment-detail": Page(assessment.get_absolute_url(), READERS),
        "reviews:assessment-update": Page(
            reverse("reviews:assessment-update", args=[objective.number, cycle.pk]), SECRETARIAT_ONLY
        ),
        "reviews:assessment-copy-previous": Page(
            reverse("reviews:assessment-copy-previous", args=[objective.number, cycle.pk]),
            {**SECRETARIAT_ONLY, "secretariat": 302},
            method="post",
        ),
        "reviews:action-progress-update": Page(
            reverse("reviews:action-progress-update", args=[objective.number, cycle.pk]), SECRETARIAT_ONLY
        ),
        "drafts:export-list": Page(reverse("drafts:export-list", args=[cycle.pk]), agency_writes),
        "translations:translation-status": Page(
            reverse("translations:translation-status", args=[cycle.pk]), agency_writes
        ),
        "translations:translation-download": Page(
            reverse("translations:translation-download", args=[cycle.pk, "ru", "xlsx"]), SECRETARIAT_ONLY
        ),
        "translations:translation-upload": Page(
            reverse("translations:translation-upload", args=[cycle.pk]), SECRETARIAT_ONLY
        ),
        "translations:translation-apply": Page(
            reverse("translations:translation-apply", args=[cycle.pk]), {**SECRETARIAT_ONLY, "secretariat": 302}, "post"
        ),
        "translations:assessment-translate": Page(
            reverse("translations:assessment-translate", args=[assessment.objective.number, cycle.pk, "ru"]),
            SECRETARIAT_ONLY,
        ),
        "drafts:word-template": Page(reverse("drafts:word-template", args=[cycle.pk]), SECRETARIAT_ONLY),
        "drafts:outline-update": Page(reverse("drafts:outline-update", args=[cycle.pk]), SECRETARIAT_ONLY),
        "drafts:export-detail": Page(export.get_absolute_url(), agency_writes),
        "drafts:export-status": Page(reverse("drafts:export-status", args=[export.pk]), agency_writes),
        "drafts:export-download": Page(reverse("drafts:export-download", args=[export.pk, "pdf"]), agency_writes),
        "drafts:export-retry": Page(
            reverse("drafts:export-retry", args=[failed.pk]),
            {**agency_writes, "secretariat": 302, "agency_staff": 302},
            method="post",
        ),
        "inputs:input-inbox": Page(reverse("inputs:input-inbox"), READERS),
        "inputs:input-detail": Page(own_input.get_absolute_url(), reporter_a),
        "translations:input-translate": Page(
            reverse("translations:input-translate", args=[submitted.pk, "ru"]), reporter_a
        ),
        "inputs:input-accept": Page(reverse("inputs:input-accept", args=[submitted.pk]), secretariat_posts, "post"),
        "inputs:input-return": Page(reverse("inputs:input-return", args=[submitted.pk]), secretariat_posts, "post"),
        "inputs:evidence-download": Page(
            reverse("inputs:evidence-download", args=[own_input.pk, evidence.pk]), reporter_a
        ),
        "inputs:evidence-delete": Page(
            reverse("inputs:evidence-delete", args=[own_input.pk, evidence.pk]),
            {**reporter_a, "secretariat": 403, "focal_point_a": 302},
            "post",
        ),
        "inputs:input-draft-use": Page(
            reverse("inputs:input-draft-use", args=[submitted.pk]), secretariat_posts, "post"
        ),
        "drafts:export-mark-version": Page(
            reverse("drafts:export-mark-version", args=[unmarked.pk]), secretariat_posts, "post"
        ),
        "drafts:checklist": Page(reverse("drafts:checklist", args=[cycle.pk]), agency_writes),
        "drafts:version-detail": Page(version.get_absolute_url(), version_readers),
        "drafts:version-download": Page(reverse("drafts:version-download", args=[version.pk, "pdf"]), version_readers),
        "drafts:version-comment": Page(
            reverse("drafts:version-comment", args=[version.pk]),
            {**version_readers, "secretariat": 400, "focal_point_a": 400, "agency_staff": 404},
            "post",
        ),
        "drafts:version-move": Page(
            reverse("drafts:version-move", args=[version.pk]),
            {**version_readers, "secretariat": 400, "focal_point_a": 400, "focal_point_b": 400, "agency_staff": 400},
            "post",
        ),
        "inputs:contribution-list": Page(reverse("inputs:contribution-list", args=[cycle.pk]), SECRETARIAT_ONLY),
        "inputs:contribution-detail": Page(society.get_absolute_url(), SECRETARIAT_ONLY),
        "inputs:contribute": Page(invited.public_path(), everyone, public=True),
        "policies:instrument-list": Page(reverse("policies:instrument-list"), READERS),
        "policies:crosswalk": Page(reverse("policies:crosswalk"), READERS),
        "policies:instrument-detail": Page(plan.get_absolute_url(), READERS),
        "policies:instrument-create": Page(reverse("policies:instrument-create"), SECRETARIAT_ONLY),
        "policies:instrument-update": Page(reverse("policies:instrument-update", args=[plan.pk]), SECRETARIAT_ONLY),
        "policies:measure-create": Page(reverse("policies:measure-create", args=[plan.pk]), SECRETARIAT_ONLY),
        "policies:measure-update": Page(reverse("policies:measure-update", args=[measure.pk]), SECRETARIAT_ONLY),
        "reviews:measure-progress": Page(reverse("reviews:measure-progress", args=[cycle.pk]), READERS),
        "inputs:consultation-list": Page(reverse("inputs:consultation-list", args=[cycle.pk]), READERS),
        "inputs:consultation-create": Page(reverse("inputs:consultation-create", args=[cycle.pk]), SECRETARIAT_ONLY),
        "inputs:consultation-update": Page(consultation.get_absolute_url(), SECRETARIAT_ONLY),
        "inputs:consultation-delete": Page(
            reverse("inputs:consultation-delete", args=[consultation.pk]), secretariat_posts, "post"
        ),
        "inputs:call-for-inputs": Page(reverse("inputs:call-for-inputs", args=[cycle.pk]), SECRETARIAT_ONLY),
        "inputs:input-queue": Page(reverse("inputs:input-queue", args=[cycle.pk]), SECRETARIAT_ONLY),
        "inputs:input-tracker": Page(reverse("inputs:input-tracker", args=[cycle.pk]), SECRETARIAT_ONLY),
        "history:list": Page(reverse("history:list", args=["assessment", assessment.pk]), READERS),
        "pledges:pledge-list": Page(reverse("pledges:pledge-list"), READERS),
        "pledges:pledge-detail": Page(pledge.get_absolute_url(), READERS),
        "pledges:pledge-create": Page(reverse("pledges:pledge-create"), {**READERS, "observer": 403}),
        "pledges:pledge-update": Page(
            reverse("pledges:pledge-update", args=[pledge.pk]),
            {**reporter_a, "focal_point_b": 403, "agency_staff": 403, "observer": 403},
        ),
        "pledges:pledge-validate": Page(
            reverse("pledges:pledge-validate", args=[pledge.pk]), secretariat_posts, "post"
        ),
        "pledges:pledge-decline": Page(
            reverse("pledges:pledge-decline", args=[pledge.pk]), {**SECRETARIAT_ONLY, "secretariat": 400}, "post"
        ),
        "reviews:pledge-progress": Page(reverse("reviews:pledge-progress", args=[cycle.pk]), READERS),
        "imports:import-list": Page(reverse("imports:import-list"), SECRETARIAT_ONLY),
        "imports:import-detail": Page(import_job.get_absolute_url(), SECRETARIAT_ONLY),
        "imports:import-status": Page(reverse("imports:import-status", args=[import_job.pk]), SECRETARIAT_ONLY),
        "imports:import-apply": Page(reverse("imports:import-apply", args=[import_job.pk]), secretariat_posts, "post"),
        "imports:template-download": Page(
            reverse("imports:template-download", args=["template.xlsx"]), SECRETARIAT_ONLY
        ),
        "drafts:emblem": Page(
            reverse("drafts:emblem", args=[cycle.pk]), {**SECRETARIAT_ONLY, "secretariat": 400}, "post"
        ),
        "drafts:publication": Page(reverse("drafts:publication", args=[cycle.pk]), SECRETARIAT_ONLY),
        "public:home": Page(reverse("public:home"), everyone, public=True),
        "public:cycle": Page(reverse("public:cycle", args=[previous.pk]), everyone, public=True),
        "public:draft-download": Page(reverse("public:draft-download", args=[previous.pk]), everyone, public=True),
        "public:download": Page(reverse("public:download", args=[previous.pk, "xlsx"]), everyone, public=True),
        "public:sdmx-structure": Page(reverse("public:sdmx-structure"), everyone, public=True),
        "public:objective": Page(reverse("public:objective", args=[7]), everyone, public=True),
        "public:indicator": Page(reverse("public:indicator", args=[indicator.pk]), everyone, public=True),
        "api:tokens": Page(reverse("api:tokens"), READERS),
        "api:token-revoke": Page(
            reverse("api:token-revoke", args=[someone_elses_token.pk]), dict.fromkeys(READERS, 404), "post"
        ),
        "history:restore": Page(
            reverse("history:restore", args=["assessment", assessment.pk, assessment.history.earliest().history_id]),
            SECRETARIAT_ONLY,
        ),
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
    for name, page in pages.items():
        expected = 200 if page.public else 403 if role == "no_role" else page.expected[role]
        response = getattr(client, page.method)(page.url)
        assert response.status_code == expected, (role, name)


def test_anonymous_is_sent_to_login(pages):
    client = Client()
    for page in pages.values():
        response = getattr(client, page.method)(page.url)
        if page.public:
            assert response.status_code == 200
            continue
        assert response.status_code == 302
        assert response["Location"] == f"{reverse('login')}?next={page.url}"


def test_agency_staff_cannot_edit_another_organisations_activity(agency_staff, login):
    other = ActivityFactory()
    client = login(agency_staff)
    assert client.get(other.get_absolute_url()).status_code == 200
    assert client.get(reverse("objectives:activity-update", args=[other.pk])).status_code == 403
    restore = reverse("history:restore", args=["activity", other.pk, other.history.earliest().history_id])
    assert client.post(restore).status_code == 403


def test_post_only_endpoints_refuse_get(secretariat, login, pages):
    client = login(secretariat)
    for page in pages.values():
        if page.method == "post":
            assert client.get(page.url).status_code == 405


def test_superuser_without_role_gets_what_the_secretariat_gets(superuser, login, pages):
    client = login(superuser)
    for name, page in pages.items():
        assert getattr(client, page.method)(page.url).status_code == page.expected["secretariat"], name


def test_inactive_user_cannot_use_a_session(secretariat, login, pages):
    client = login(secretariat)
    secretariat.is_active = False
    secretariat.save()
    assert client.get(pages["objectives:home"].url).status_code == 302


@pytest.mark.parametrize(
    "url",
    [
        "/objectives/24/",
        "/objectives/0/",
        "/organisations/999999/",
        "/cycles/999999/",
        "/cycles/999999/gaps/",
        "/objectives/1/cycles/999999/",
        "/objectives/99/cycles/1/",
        "/activities/999999/",
        "/indicators/999999/",
        "/history/assessment/999999/",
        "/history/unknown-kind/1/",
    ],
)
def test_missing_objects_are_404(observer, login, url):
    assert login(observer).get(url).status_code == 404


@pytest.mark.parametrize("url", ["/exports/999999/", "/exports/999999/download/pdf/", "/cycles/999999/exports/"])
def test_missing_exports_are_404_for_exporters(agency_staff, login, url):
    assert login(agency_staff).get(url).status_code == 404


def test_public_endpoints_need_no_login(client):
    assert client.get(reverse("login")).status_code == 200
    assert client.get(reverse("password_reset")).status_code == 200
    assert client.get(reverse("healthz")).content == b"ok"


@pytest.mark.parametrize("role", ["secretariat", "observer", "no_role"])
def test_admin_is_for_staff_only(request, role, login):
    response = login(request.getfixturevalue(role)).get(reverse("admin:index"))
    assert response.status_code == (200 if role == "secretariat" else 302)


@pytest.mark.parametrize("role", [r for r in ROLE_FIXTURES if r != "no_role"])
def test_every_page_renders_in_russian(request, role, login, pages):
    client = login(request.getfixturevalue(role))
    client.cookies["django_language"] = "ru"
    for name, page in pages.items():
        response = getattr(client, page.method)(page.url)
        assert response.status_code == page.expected[role], name
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            assert '<html lang="ru">' in response.content.decode(), name

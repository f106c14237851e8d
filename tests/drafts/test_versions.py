"""Versions of the draft and the Government's sign-off; the checklist before export and submission."""

import datetime
import gzip
import hashlib
from pathlib import Path

import pytest
from django.urls import reverse

from drafts.completeness import checklist, open_items
from drafts.models import DraftComment, DraftVersion, ReportSection
from objectives.models import Objective
from reviews.models import ObjectiveAssessment, ReviewCycle
from tests.factories import AssessmentFactory, ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(organisation_a):
    return ReviewCycleFactory(year=2030, level="global", lead_organisation=organisation_a)


@pytest.fixture
def version(cycle):
    AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=1), achievements="A data hub was set up.")
    return DraftVersion.mark(finished_export(cycle=cycle, objectives=[Objective.objects.get(number=1)]), by=None)


def move(client, version, step: str, **data):
    return client.post(reverse("drafts:version-move", args=[version.pk]), {"step": step, **data})


def test_versions_are_numbered_per_cycle_and_marked_once(cycle, version, secretariat, login):
    assert version.label == "v0.1"
    again = login(secretariat).post(reverse("drafts:export-mark-version", args=[version.export.pk]))
    assert again.status_code == 302 and DraftVersion.objects.count() == 1  # a second click finds the version
    second = DraftVersion.mark(finished_export(cycle=cycle, objectives=[Objective.objects.get(number=2)]), by=None)
    assert second.label == "v0.2"


def test_review_comment_validate_submit_and_the_submitted_files_stay_as_they_were(
    cycle, version, secretariat, focal_point_a, login
):
    staff, ministry = login(secretariat), login(focal_point_a)
    assert move(ministry, version, "review").status_code == 403  # the secretariat sends it for review
    assert move(staff, version, "review").status_code == 302
    section = ReportSection.objects.get(cycle=cycle, kind="methodology")
    url = reverse("drafts:version-comment", args=[version.pk])
    assert ministry.post(url, {"section": section.pk, "body": "Name the working group's members."}).status_code == 302
    page = staff.get(version.get_absolute_url()).content.decode()
    assert "Name the working group&#x27;s members." in page and "Validate on behalf of" in page

    assert move(ministry, version, "validate", reference="Letter No. 12/345").status_code == 302
    version.refresh_from_db()
    assert version.status == "validated" and version.validated_by == focal_point_a
    assert version.validation_reference == "Letter No. 12/345"

    # The checklist has open items (no consultation, most objectives without the State's account):
    # the submission needs a reason, and what was typed is kept.
    response = move(staff, version, "submit")
    version.refresh_from_db()
    assert response.status_code == 302 and version.status == "validated"
    response = move(staff, version, "submit", reason="The Ministry asked to file the review before the deadline.")
    version.refresh_from_db()
    assert version.status == "submitted" and version.override_reason.startswith("The Ministry asked")
    assert ReviewCycle.objects.get(pk=cycle.pk).status == ReviewCycle.Status.SUBMITTED

    pdf = Path(version.export.pdf.path).read_bytes()
    assert hashlib.sha256(pdf).hexdigest() == version.export.pdf_sha256
    source = gzip.decompress(Path(version.export.source.path).read_bytes()).decode()
    assert "A data hub was set up." in source  # the data the draft was built from
    assessment = ObjectiveAssessment.objects.get(cycle=cycle, objective__number=1)
    assessment.achievements = "Rewritten after the submission."
    assessment.save()
    download = staff.get(reverse("drafts:version-download", args=[version.pk, "pdf"]))
    assert b"".join(download.streaming_content) == pdf
    assert "v0.1" in download["Content-Disposition"]
    # Frozen: no more comments, no second submitted version.
    assert ministry.post(url, {"body": "Too late"}).status_code == 404
    cycle_page = staff.get(cycle.get_absolute_url()).content.decode()
    assert "Version v0.1 was submitted on" in cycle_page
    later = DraftVersion.mark(finished_export(cycle=cycle, objectives=[Objective.objects.get(number=2)]), by=None)
    later.send_for_review()
    later.validate(by=secretariat)
    move(staff, later, "submit", reason="Again")
    later.refresh_from_db()
    assert later.status == "validated"


def test_only_reviewers_validate_and_others_do_not_see_the_version(cycle, version, agency_staff, focal_point_b, login):
    version.send_for_review()
    assert move(login(agency_staff), version, "validate").status_code == 403
    assert login(focal_point_b).get(version.get_absolute_url()).status_code == 404
    assert move(login(focal_point_b), version, "validate").status_code == 404
    version.refresh_from_db()
    assert version.status == "under_review"


def test_steps_follow_each_other(version, secretariat, login):
    client = login(secretariat)
    move(client, version, "submit", reason="Skip the Government?")
    version.refresh_from_db()
    assert version.status == "draft"
    page = client.get(version.get_absolute_url(), follow=True).content.decode()
    assert "Record the submission" not in page


def test_comment_bad_input_keeps_the_text(version, secretariat, login):
    url = reverse("drafts:version-comment", args=[version.pk])
    response = login(secretariat).post(url, {"section": "999999", "body": "Keep me"})
    assert response.status_code == 400 and "Keep me" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_the_checklist_opens_and_closes_with_the_data(cycle, secretariat, login):
    from inputs.models import Consultation

    items = {item.label: item for item in checklist(cycle)}
    assert items["The lead State body is recorded"].ok  # recorded by the fixture
    assert not items["At least one consultation is recorded"].ok
    objectives = items["Every objective has the State's account or is marked not prioritised"]
    assert len(objectives.missing) == 23
    Consultation.objects.create(cycle=cycle, title="Hearing", held_on=datetime.date(2029, 5, 5), format="hearing")
    for number in range(1, 24):
        ObjectiveAssessment.objects.create(
            cycle=cycle,
            objective=Objective.objects.get(number=number),
            not_prioritised=number > 1,
            achievements="Done." if number == 1 else "",
        )
    ReportSection.ensure_outline(cycle)
    ReportSection.objects.filter(cycle=cycle).update(body="Text of the lead ministry.")
    assert [item.label for item in open_items(checklist(cycle))] == []
    ReportSection.objects.filter(cycle=cycle, kind="opening").update(body="TODO: ask the Minister")
    assert [i.missing for i in open_items(checklist(cycle))] == [["Opening statement and highlights"]]
    russian = {item.label: item for item in checklist(cycle, "ru")}
    assert not russian["The draft's texts exist in its language"].ok
    page = login(secretariat).get(reverse("drafts:checklist", args=[cycle.pk]) + "?language=ru").content.decode()
    assert "Opening statement and highlights" in page and "items open" in page

"""The pledge register: a reporter proposes for their organisation, the secretariat validates or declines, each
review reports progress, and the draft lists the pledges the Government stands by."""

import datetime
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document

from objectives.models import Objective
from pledges.models import Pledge
from reviews.models import PledgeProgress
from tests.drafts.test_drafts import pdf_text
from tests.factories import OrganisationFactory, ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db


def proposal(**changes) -> dict:
    data = {
        "title": "Digital work permit applications",
        "description": "Online applications in every region by 2026.",
        "kind": "individual",
        "nature": "process",
        "objectives": [Objective.objects.get(number=6).pk],
        "starts": "2024-01-01",
        "due": "2026-12-31",
        "network_id": "P-0042",
    }
    return {**data, **changes}


def test_a_focal_point_proposes_for_their_organisation_only(focal_point_a, organisation_a, organisation_b, login):
    client = login(focal_point_a)
    response = client.post(reverse("pledges:pledge-create"), proposal(organisation=organisation_b.pk))
    assert response.status_code == 302
    pledge = Pledge.objects.get()
    assert pledge.organisation == organisation_a and pledge.status == "proposed" and pledge.proposed_by == focal_point_a
    assert client.get(reverse("pledges:pledge-update", args=[pledge.pk])).status_code == 200


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"objectives": [1, 2, 3, 4]}, "Choose one to three objectives."),
        ({"objectives": []}, "This field is required."),
        ({"kind": "partnership"}, "Name the partners of a common pledge or one in partnership."),
        ({"starts": "2027-01-01"}, "A pledge cannot be due before it starts."),
        ({"nature": "gift"}, "Select a valid choice."),
    ],
)
def test_a_bad_proposal_says_what_is_wrong_and_saves_nothing(focal_point_a, login, changes, message):
    if "objectives" in changes:
        changes["objectives"] = [Objective.objects.get(number=n).pk for n in changes["objectives"]]
    response = login(focal_point_a).post(reverse("pledges:pledge-create"), proposal(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Pledge.objects.exists()


def test_the_network_id_is_unique(secretariat, organisation_a, login):
    client = login(secretariat)
    assert client.post(reverse("pledges:pledge-create"), proposal(organisation=organisation_a.pk)).status_code == 302
    response = client.post(reverse("pledges:pledge-create"), proposal(organisation=organisation_a.pk, title="Another"))
    assert response.status_code == 400
    assert "A pledge with this ID of the UN Network on Migration is already recorded." in response.content.decode()


def test_the_secretariat_validates_and_the_reporter_can_no_longer_edit(secretariat, focal_point_a, login):
    login(focal_point_a).post(reverse("pledges:pledge-create"), proposal())
    pledge = Pledge.objects.get()
    assert login(secretariat).post(reverse("pledges:pledge-validate", args=[pledge.pk])).status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == "validated" and pledge.validated_by == secretariat and pledge.validated_at
    assert login(focal_point_a).get(reverse("pledges:pledge-update", args=[pledge.pk])).status_code == 403
    statuses = [r.status for r in pledge.history.order_by("history_date")]
    assert statuses[0] == "proposed" and statuses[-1] == "validated"
    assert pledge.history.latest().history_user == secretariat


def test_a_decline_needs_a_reason_that_the_organisation_reads(secretariat, focal_point_a, login):
    login(focal_point_a).post(reverse("pledges:pledge-create"), proposal())
    pledge = Pledge.objects.get()
    client = login(secretariat)
    response = client.post(reverse("pledges:pledge-decline", args=[pledge.pk]), {"reason": ""})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    client.post(reverse("pledges:pledge-decline", args=[pledge.pk]), {"reason": "Not a commitment of the State."})
    page = login(focal_point_a).get(pledge.get_absolute_url()).content.decode()
    assert "Declined by the secretariat:" in page and "Not a commitment of the State." in page


def standing_pledge(organisation, *, status="validated", objective=6, **fields) -> Pledge:
    pledge = Pledge.objects.create(
        title=fields.pop("title", "Digital work permits"),
        description="x",
        organisation=organisation,
        nature="process",
        status=status,
        **fields,
    )
    pledge.objectives.set([Objective.objects.get(number=objective)])
    return pledge


def test_a_review_reports_progress_and_the_pledge_moves_on(secretariat, observer, organisation_a, login):
    cycle = ReviewCycleFactory(year=2030)
    kept, done = standing_pledge(organisation_a), standing_pledge(organisation_a, title="Referral mechanism")
    standing_pledge(organisation_a, status="proposed", title="Only proposed")
    url = reverse("reviews:pledge-progress", args=[cycle.pk])
    page = login(secretariat).get(url).content.decode()
    assert "Digital work permits" in page and "Only proposed" not in page
    rows = {}
    for index, pledge in enumerate([kept, done]):
        status = "on_track" if pledge == kept else "fulfilled"
        rows.update(
            {
                f"pledges-{index}-pledge": pledge.pk,
                f"pledges-{index}-status": status,
                f"pledges-{index}-note": "Five regions of six.",
                f"pledges-{index}-started_status": "not_reported",
                f"pledges-{index}-started_note": "",
            }
        )
    data = {"pledges-TOTAL_FORMS": 2, "pledges-INITIAL_FORMS": 2, **rows}
    assert login(observer).post(url, data).status_code == 403
    assert login(secretariat).post(url, data).status_code == 302
    kept.refresh_from_db()
    done.refresh_from_db()
    assert (kept.status, done.status) == ("reported", "fulfilled")
    assert PledgeProgress.objects.get(pledge=kept).note == "Five regions of six."


def test_the_draft_lists_the_pledges_in_its_next_steps_and_annex(organisation_a):
    cycle = ReviewCycleFactory(year=2030)
    pledge = standing_pledge(organisation_a, network_id="P-0042", due=datetime.date(2030, 12, 31))
    PledgeProgress.objects.create(cycle=cycle, pledge=pledge, status="on_track", note="Five regions of six.")
    standing_pledge(organisation_a, status="proposed", title="A mere proposal")
    standing_pledge(organisation_a, status="declined", title="A declined pledge")
    standing_pledge(organisation_a, title="For another objective", objective=20)
    job = finished_export(cycle=cycle, objectives=[Objective.objects.get(number=6)])
    text = " ".join(pdf_text(job).split())
    assert "GCM pledges" in text and "Annex 7. GCM pledges" in text
    assert "Digital work permits" in text and "on track. Five regions of six." in text and "P-0042" in text
    for absent in ("A mere proposal", "A declined pledge", "For another objective"):
        assert absent not in text
    docx = "\n".join(p.text for p in Document(job.docx.path).paragraphs)
    assert "Annex 7. GCM pledges" in docx and "Five regions of six." in docx
    tables = zipfile.ZipFile(job.docx.path).read("word/document.xml").decode()
    assert "P-0042: Digital work permits" in tables


def test_the_list_filters_downloads_and_keeps_its_query_count(observer, organisation_a, organisation_b, login):
    client = login(observer)
    standing_pledge(organisation_a, champion=True)
    standing_pledge(organisation_b, title="Remittance costs", objective=20, status="proposed")
    page = client.get(reverse("pledges:pledge-list"), {"objective": Objective.objects.get(number=20).pk})
    assert "Remittance costs" in page.content.decode() and "Digital work permits" not in page.content.decode()
    assert "Remittance costs" not in client.get(reverse("pledges:pledge-list"), {"champion": "true"}).content.decode()
    download = client.get(reverse("pledges:pledge-list"), {"format": "xlsx"})
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("pledges:pledge-list")).status_code == 200
        return len(queries)

    small = count()
    for n in range(20):
        pledge = standing_pledge(OrganisationFactory(), title=f"Pledge {n}", objective=1 + n % 23)
        pledge.partners.add(organisation_a)
    assert count() == small

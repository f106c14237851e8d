"""My work: what needs each role's attention, the page people land on after logging in (issue 15)."""

import datetime

import pytest
from django.urls import reverse

from objectives.models import Activity
from tests.factories import TEST_PASSWORD, ActivityFactory, AssessmentFactory, AssignmentFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date.today()


@pytest.fixture
def cycle():
    return ReviewCycleFactory(year=TODAY.year + 1, status="collecting")


def test_login_lands_on_my_work(client, observer):
    response = client.post(reverse("login"), {"username": observer.username, "password": TEST_PASSWORD})
    assert response["Location"] == reverse("reviews:my-work")


def test_the_secretariat_sees_inputs_to_review_overdue_requests_and_objectives_not_assessed(
    secretariat, organisation_a, cycle, login
):
    submitted = AssignmentFactory(
        cycle=cycle, organisation=organisation_a, objective_id=3, with_input={"status": "submitted", "measures": "x"}
    )
    AssignmentFactory(
        cycle=cycle, organisation=organisation_a, objective_id=4, deadline=TODAY - datetime.timedelta(days=3)
    )
    AssessmentFactory(cycle=cycle, objective_id=1)
    page = login(secretariat).get(reverse("reviews:my-work")).text
    assert submitted.input.get_absolute_url() in page
    assert "Inputs waiting for your review" in page and "Overdue requests" in page
    assert "Objective 4: Legal identity and documentation" in page  # overdue
    assert reverse("reviews:assessment-update", args=[2, cycle.pk]) in page  # not assessed yet
    assert reverse("reviews:assessment-update", args=[1, cycle.pk]) not in page  # assessed


def test_a_focal_point_sees_open_requests_by_effective_deadline_and_returned_ones(
    focal_point_a, organisation_a, cycle, login
):
    later = AssignmentFactory(
        cycle=cycle, organisation=organisation_a, objective_id=5, deadline=TODAY + datetime.timedelta(days=30)
    )
    extended = AssignmentFactory(
        cycle=cycle,
        organisation=organisation_a,
        objective_id=6,
        deadline=TODAY - datetime.timedelta(days=1),
        extended_deadline=TODAY + datetime.timedelta(days=10),
        with_input={"status": "returned", "measures": "x", "return_comment": "Add figures"},
    )
    AssignmentFactory(
        cycle=cycle, organisation=organisation_a, objective_id=7, with_input={"status": "accepted", "measures": "x"}
    )
    AssignmentFactory(cycle=cycle, objective_id=8)  # another organisation's
    page = login(focal_point_a).get(reverse("reviews:my-work")).text
    assert page.index(extended.input.get_absolute_url()) < page.index(later.input.get_absolute_url())
    assert "Returned for changes" in page and "Objective 7" not in page and "Objective 8" not in page
    assert "Inputs waiting for your review" not in page


def test_agency_staff_see_their_activities_and_observers_what_was_accepted(
    agency_staff, agency, observer, cycle, login
):
    ActivityFactory(title="Labour migration helpline", lead_organisation=agency, status=Activity.Status.ONGOING)
    ActivityFactory(title="Old campaign", lead_organisation=agency, status=Activity.Status.COMPLETED)
    page = login(agency_staff).get(reverse("reviews:my-work")).text
    assert "Labour migration helpline" in page and "Old campaign" not in page
    accepted = AssignmentFactory(cycle=cycle, objective_id=9, with_input={"status": "accepted", "measures": "x"})
    page = login(observer).get(reverse("reviews:my-work")).text
    assert accepted.input.get_absolute_url() in page and "Recently accepted inputs" in page


def test_the_navigation_counts_what_waits_for_each_person(
    secretariat, focal_point_a, organisation_a, observer, cycle, login
):
    AssignmentFactory(cycle=cycle, organisation=organisation_a, objective_id=3)
    AssignmentFactory(cycle=cycle, organisation=organisation_a, objective_id=4)
    AssignmentFactory(
        cycle=cycle, organisation=organisation_a, objective_id=5, with_input={"status": "submitted", "measures": "x"}
    )
    badge = '<span class="badge rounded-pill text-bg-light">{}<span class="visually-hidden"> waiting for you</span>'
    assert badge.format(2) in login(focal_point_a).get(reverse("objectives:home")).text  # two to write
    assert badge.format(1) in login(secretariat).get(reverse("objectives:home")).text  # one to review
    assert "waiting for you" not in login(observer).get(reverse("objectives:home")).text


def test_the_lead_ministry_sees_versions_to_validate_and_the_secretariat_contributions_to_review(
    secretariat, focal_point_a, focal_point_b, organisation_a, login
):
    from drafts.models import DraftVersion
    from inputs.models import WrittenContribution
    from objectives.models import Objective
    from tests.factories import ExportJobFactory, OrganisationFactory, ReviewCycleFactory

    cycle = ReviewCycleFactory(year=2030, name="Third IMRF", lead_organisation=organisation_a)
    version = DraftVersion.mark(ExportJobFactory(cycle=cycle, status="done"), by=None)
    version.send_for_review()
    WrittenContribution.objects.create(
        cycle=cycle,
        organisation=OrganisationFactory(name="Migrants' association"),
        contact_name="O",
        contact_email="o@example.org",
        open_until=cycle.input_closes,
        title="Health care",
        status="submitted",
    )
    assert Objective.objects.exists()
    ministry = login(focal_point_a).get(reverse("reviews:my-work")).text
    assert "Versions of the draft for you to review and validate" in ministry and "Third IMRF: v0.1" in ministry
    assert "Versions of the draft" not in login(focal_point_b).get(reverse("reviews:my-work")).text
    staff = login(secretariat).get(reverse("reviews:my-work")).text
    assert "Written contributions to review" in staff and ": Health care</a>" in staff

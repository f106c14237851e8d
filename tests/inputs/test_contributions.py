"""Written contributions from outside the call for inputs: invitation, writing through a link, moderation,
consent, and the draft's annex."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from inputs.models import WrittenContribution
from objectives.models import Objective
from stakeholders.models import Organisation, OutgoingEmail
from tests.drafts.test_drafts import docx_text, pdf_text
from tests.factories import OrganisationFactory, ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle():
    return ReviewCycleFactory(year=2030, input_closes=datetime.date(2099, 12, 31))


@pytest.fixture
def ngo():
    return OrganisationFactory(name="Association of Migrant Workers", kind=Organisation.Kind.MIGRANT_DIASPORA)


def invite(client, cycle, ngo, **overrides) -> WrittenContribution:
    data = {"organisation": ngo.pk, "contact_name": "Olga", "contact_email": "olga@example.org", "language": "ru"}
    data.update(overrides)
    response = client.post(reverse("inputs:contribution-list", args=[cycle.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return WrittenContribution.objects.latest("invited_at")


def test_invited_organisation_writes_through_its_link_and_the_draft_prints_it_with_consent(
    cycle, ngo, secretariat, login, django_capture_on_commit_callbacks, eager_celery
):
    staff = login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        contribution = invite(staff, cycle, ngo)
    assert contribution.open_until == cycle.input_closes  # the default
    email = OutgoingEmail.objects.get(template="contribution_invitation")
    assert email.recipient is None and email.address == "olga@example.org" and email.status == "sent"
    from django.core import mail

    assert contribution.public_path() in mail.outbox[-1].body
    assert mail.outbox[-1].subject.startswith("Ваш вклад в обзор")  # in the language chosen for them

    visitor = Client()  # no account
    url = contribution.public_path()
    page = visitor.get(url)
    assert page.status_code == 200 and "Association of Migrant Workers" in page.content.decode()
    data = {
        "title": "Access to health care",
        "text": "Labour migrants need **health insurance** from the first day of work.",
        "objectives": [Objective.objects.get(number=15).pk],
        "consent_to_cite": "on",
        "consent_to_publish": "on",
    }
    assert visitor.post(url, {**data, "save": ""}).status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == "invited" and contribution.title == "Access to health care"
    assert visitor.post(url, {**data, "submit": ""}).status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == "submitted"
    # Sent: the link shows it read only; a second send changes nothing.
    visitor.post(url, {**data, "text": "Changed after sending", "submit": ""})
    contribution.refresh_from_db()
    assert "Changed" not in contribution.text
    assert "Your contribution was sent." in visitor.get(url).content.decode()

    moderate = reverse("inputs:contribution-detail", args=[contribution.pk])
    assert staff.post(moderate, {"decision": "accept", "in_annex": "on", "note": ""}).status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == "accepted" and contribution.in_annex

    job = finished_export(cycle=cycle, objectives=[Objective.objects.get(number=15)])
    for text in (" ".join(pdf_text(job).split()), " ".join(docx_text(job).split())):
        assert "One written contribution was received from civil society and other stakeholders." in text
        assert "The review draws on those of: Association of Migrant Workers" in text
        assert "Annex 6. Written contributions from civil society and other stakeholders" in text
        assert "Labour migrants need health insurance from the first day of work." in text


def test_without_consent_nothing_is_named_or_printed(cycle, ngo, secretariat, login):
    contribution = WrittenContribution.objects.create(
        cycle=cycle,
        organisation=ngo,
        contact_name="Olga",
        contact_email="olga@example.org",
        open_until=cycle.input_closes,
        title="Detention",
        text="A text the authors keep to the review team.",
        status="submitted",
    )
    moderate = reverse("inputs:contribution-detail", args=[contribution.pk])
    response = login(secretariat).post(moderate, {"decision": "accept", "in_annex": "on"})
    assert response.status_code == 400 and "agreed to publication" in response.content.decode()
    login(secretariat).post(moderate, {"decision": "accept"})
    text = " ".join(pdf_text(finished_export(cycle=cycle, objectives=[Objective.objects.get(number=1)])).split())
    assert "One written contribution was received" in text
    assert "Association of Migrant Workers" not in text and "keep to the review team" not in text


def test_links_that_do_not_open(cycle, ngo):
    visitor = Client()
    assert visitor.get(reverse("inputs:contribute", args=["not-a-token"])).status_code == 404
    expired = WrittenContribution.objects.create(
        cycle=cycle,
        organisation=ngo,
        contact_name="Olga",
        contact_email="olga@example.org",
        open_until=datetime.date(2020, 1, 1),
    )
    page = visitor.get(expired.public_path())
    assert page.status_code == 200 and "This link has expired." in page.content.decode()
    visitor.post(expired.public_path(), {"title": "Late", "text": "Late", "submit": ""})
    expired.refresh_from_db()
    assert expired.text == "" and expired.status == "invited"


def test_bad_input_keeps_the_text(cycle, ngo, secretariat, login):
    contribution = WrittenContribution.objects.create(
        cycle=cycle,
        organisation=ngo,
        contact_name="Olga",
        contact_email="olga@example.org",
        open_until=cycle.input_closes,
    )
    visitor = Client()
    too_long = "x" * (WrittenContribution.MAX_TEXT + 1)
    response = visitor.post(contribution.public_path(), {"title": "", "text": too_long, "submit": ""})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    visitor.post(contribution.public_path(), {"title": "Empty", "text": "  ", "submit": ""})
    contribution.refresh_from_db()
    assert contribution.status == "invited"  # nothing to send: kept as a draft
    staff = login(secretariat)
    url = reverse("inputs:contribution-list", args=[cycle.pk])
    response = staff.post(url, {"organisation": ngo.pk, "contact_name": "Olga", "contact_email": "not-an-address"})
    assert response.status_code == 400 and "Enter a valid email address." in response.content.decode()
    ministry = OrganisationFactory(kind=Organisation.Kind.GOVERNMENT)
    response = staff.post(url, {"organisation": ministry.pk, "contact_name": "I", "contact_email": "i@example.org"})
    assert response.status_code == 400  # the Government reports through the call for inputs

"""The consultation register and the secretariat's choice of what the draft quotes from an input."""

import datetime

import pytest
from django.urls import reverse

from inputs.models import Consultation, Input
from objectives.models import Objective
from reviews.models import ReviewCycle
from tests.factories import AssignmentFactory, OrganisationFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle():
    return ReviewCycleFactory(year=2030)


def form_data(**overrides) -> dict:
    data = {
        "title_en": "Round table with migrant associations",
        "title_ru": "Круглый стол с объединениями мигрантов",
        "held_on": "2029-10-14",
        "format": "workshop",
        "key_messages_en": "Access to **health care** for labour migrants.",
        "objectives": [Objective.objects.get(number=15).pk],
        "participants_migrants": "12",
        "participants_civil_society": "9",
        "women": "11",
        "men": "10",
    }
    data.update(overrides)
    return data


def test_the_secretariat_records_a_consultation_and_the_register_sums_it_up(cycle, secretariat, login):
    client = login(secretariat)
    response = client.post(reverse("inputs:consultation-create", args=[cycle.pk]), form_data())
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.counts_by_kind() == {"migrants": 12, "civil_society": 9}
    assert consultation.created_by == secretariat and consultation.title_ru.startswith("Круглый")
    page = client.get(reverse("inputs:consultation-list", args=[cycle.pk])).content.decode()
    assert "1 consultation with 21 participants from 2 kinds of stakeholders." in page
    assert "<strong>health care</strong>" in page

    # Editing: a count emptied is removed, a new one added.
    update = reverse("inputs:consultation-update", args=[consultation.pk])
    data = form_data(version=1, participants_migrants="", participants_trade_union="4", women="", men="")
    assert client.post(update, data).status_code == 302
    consultation.refresh_from_db()
    assert consultation.counts_by_kind() == {"civil_society": 9, "trade_union": 4} and consultation.version == 2


def test_bad_input_is_refused_with_a_message_and_keeps_the_text(cycle, secretariat, login):
    client = login(secretariat)
    url = reverse("inputs:consultation-create", args=[cycle.pk])
    for overrides, message in [
        ({"women": "30"}, "more than the 21 participants counted by kind"),
        ({"participants_migrants": "-3"}, "greater than or equal to 0"),
        ({"held_on": "1066-10-14"}, ""),
        ({"title_en": ""}, "This field is required."),
        ({"participants_migrants": "99999999999999999999"}, ""),
    ]:
        response = client.post(url, form_data(**overrides))
        assert response.status_code == 400, overrides
        page = response.content.decode()
        assert message in page and "Access to **health care** for labour migrants." in page
    assert not Consultation.objects.exists()


def test_two_editors_of_a_consultation_do_not_overwrite_each_other(cycle, secretariat, login):
    consultation = Consultation.objects.create(
        cycle=cycle, title="Hearing", held_on=datetime.date(2029, 5, 5), format="hearing"
    )
    client = login(secretariat)
    url = reverse("inputs:consultation-update", args=[consultation.pk])
    assert client.post(url, form_data(version=1, title_en="First editor")).status_code == 302
    response = client.post(url, form_data(version=1, title_en="Second editor"))
    assert response.status_code == 409
    assert "Second editor" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.title == "First editor"


def test_deleting_a_consultation(cycle, secretariat, login):
    consultation = Consultation.objects.create(
        cycle=cycle, title="Survey", held_on=datetime.date(2029, 5, 5), format="survey"
    )
    response = login(secretariat).post(reverse("inputs:consultation-delete", args=[consultation.pk]))
    assert response.status_code == 302 and not Consultation.objects.exists()


def test_the_secretariat_chooses_how_the_draft_uses_each_part_of_an_input(
    cycle, secretariat, focal_point_a, organisation_a, login
):
    input_ = AssignmentFactory(
        cycle=cycle, organisation=organisation_a, with_input={"status": "accepted", "measures": "Measures text"}
    ).input
    client = login(secretariat)
    page = client.get(input_.get_absolute_url()).content.decode()
    assert "Use in the draft" in page and "Quoted in the chapter" in page and "In the annex only" in page
    choice = {name: "quote" for name in Input.TEXT_FIELDS} | {"measures": "omit"}
    assert client.post(reverse("inputs:input-draft-use", args=[input_.pk]), choice).status_code == 302
    input_.refresh_from_db()
    assert input_.use_of("measures") == Input.DraftUse.OMIT and input_.use_of("data_sources") == Input.DraftUse.QUOTE
    # A made-up use is refused and changes nothing.
    client.post(reverse("inputs:input-draft-use", args=[input_.pk]), choice | {"measures": "print-twice"})
    input_.refresh_from_db()
    assert input_.use_of("measures") == Input.DraftUse.OMIT
    # The focal point sees the input, not the secretariat's choices.
    own = login(focal_point_a).get(input_.get_absolute_url()).content.decode()
    assert "Measures text" in own and "Use in the draft" not in own


def test_the_cycle_page_shows_the_government_s_process(cycle, secretariat, observer, login):
    ministry = OrganisationFactory(name="Ministry of Internal Affairs", kind="government")
    client = login(secretariat)
    page = client.get(cycle.get_absolute_url()).content.decode()
    assert "No lead ministry or agency is recorded" in page
    form = client.get(reverse("reviews:cycle-update", args=[cycle.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "mechanism_members"}
    data.update(
        {
            "lead_organisation": ministry.pk,
            "coordination_mechanism_en": "the Inter-agency Working Group on Migration",
            "validating_body_en": "the Council of Ministers",
            "data_cutoff": "2029-12-31",
            "mechanism_members": [ministry.pk],
        }
    )
    for name in ("forum_starts", "forum_ends", "input_opens", "input_closes", "submission_deadline"):
        data[name] = getattr(cycle, name).isoformat()
    response = client.post(reverse("reviews:cycle-update", args=[cycle.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    cycle = ReviewCycle.objects.get(pk=cycle.pk)
    assert cycle.lead_organisation == ministry and cycle.reporting_period()[1] == datetime.date(2029, 12, 31)
    page = login(observer).get(cycle.get_absolute_url()).content.decode()
    assert "Ministry of Internal Affairs" in page and "the Inter-agency Working Group on Migration" in page
    assert "No lead ministry or agency is recorded" not in page


def test_the_actions_concerned_show_in_the_queue_and_the_assessment_editor(cycle, secretariat, organisation_a, login):
    from objectives.models import Action

    objective = Objective.objects.get(number=6)
    submitted = AssignmentFactory(
        cycle=cycle,
        objective=objective,
        organisation=organisation_a,
        with_input={"status": "submitted", "measures": "M"},
    ).input
    submitted.actions.set(Action.objects.filter(objective=objective, letter__in="bd"))
    client = login(secretariat)
    queue = client.get(reverse("inputs:input-queue", args=[cycle.pk])).content.decode()
    assert "6(b)" in queue and "6(d)" in queue and "6(a)" not in queue
    submitted.status = Input.Status.ACCEPTED
    submitted.save()
    editor = client.get(reverse("reviews:assessment-update", args=[6, cycle.pk])).content.decode()
    assert "6(b)" in editor and "Quoted in the chapter" in editor


def test_key_messages_translated_then_outdated_when_the_source_changes(cycle, secretariat, login):
    client = login(secretariat)
    client.post(reverse("inputs:consultation-create", args=[cycle.pk]), form_data())
    consultation = Consultation.objects.get()
    assert consultation.source_language == "en"
    assert consultation.text_state("ru") == "missing"
    update = reverse("inputs:consultation-update", args=[consultation.pk])
    russian = "Доступ к **медицинской помощи** для трудящихся-мигрантов."
    assert client.post(update, form_data(version=1, key_messages_ru=russian)).status_code == 302
    consultation.refresh_from_db()
    assert consultation.text_state("ru") == "current" and consultation.text_state("be") == "missing"

    # The English source changes: the Russian translation is outdated, said on the form and the status page.
    changed = form_data(version=2, key_messages_en="Access to health care and housing.", key_messages_ru=russian)
    assert client.post(update, changed).status_code == 302
    consultation.refresh_from_db()
    assert consultation.text_state("ru") == "outdated"
    assert "Outdated: the key messages in the source language changed" in client.get(update).content.decode()
    status = client.get(reverse("translations:translation-status", args=[cycle.pk]), {"state": "outdated"})
    assert "Round table with migrant associations" in status.content.decode()

    # A consultation written in Russian: English is then its translation.
    source_ru = form_data(version=3, source_language="ru", key_messages_ru=russian, key_messages_en="")
    assert client.post(update, source_ru).status_code == 302
    consultation.refresh_from_db()
    assert consultation.text_state("ru") == "source" and consultation.text_state("en") == "missing"

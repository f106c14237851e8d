"""The policy register: instruments and plan measures, their status per cycle, and the draft's policy section."""

import datetime

import pytest
from django.urls import reverse

from objectives.models import Action, Objective
from policies.models import Instrument, PlanMeasure
from reviews.models import MeasureProgress
from tests.drafts.test_drafts import docx_text, pdf_text
from tests.factories import ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db


def instrument_data(**overrides) -> dict:
    data = {
        "kind": "law",
        "title_en": "Law on External Labour Migration",
        "title_ru": "Закон «О внешней трудовой миграции»",
        "reference": "No. 225-Z",
        "adopted_on": "2010-12-30",
        "status": "in_force",
        "summary_en": "Regulates **work permits**.",
        "objectives": [Objective.objects.get(number=6).pk],
        "actions": [Action.objects.get(objective__number=6, letter="a").pk],
    }
    data.update(overrides)
    return data


@pytest.fixture
def plan():
    plan = Instrument.objects.create(
        kind="action_plan", title="National action plan on migration 2030-2034", adopted_on=datetime.date(2030, 1, 15)
    )
    for number, title in [("1.1", "Publish migration statistics"), ("1.2", "Open a migrant resource centre")]:
        PlanMeasure.objects.create(plan=plan, number=number, title=title)
    return plan


def test_the_secretariat_records_an_instrument_and_everyone_reads_it(secretariat, observer, login):
    client = login(secretariat)
    response = client.post(reverse("policies:instrument-create"), instrument_data())
    assert response.status_code == 302
    instrument = Instrument.objects.get()
    assert instrument.title_ru.startswith("Закон") and instrument.actions.get().code == "6(a)"
    listing = login(observer).get(reverse("policies:instrument-list") + "?kind=law&objective=6").content.decode()
    assert "Law on External Labour Migration" in listing
    assert (
        "Law on External"
        not in login(observer).get(reverse("policies:instrument-list") + "?kind=decree").content.decode()
    )
    page = login(observer).get(instrument.get_absolute_url()).content.decode()
    assert "<strong>work permits</strong>" in page and "Edit the instrument" not in page


def test_bad_input_is_refused_with_a_message_and_keeps_the_text(secretariat, login):
    client = login(secretariat)
    url = reverse("policies:instrument-create")
    for overrides, message in [
        ({"actions": [Action.objects.get(objective__number=7, letter="a").pk]}, "not ticked above: 7(a)"),
        ({"adopted_on": "1066-10-14"}, ""),
        ({"title_en": ""}, "This field is required."),
        ({"kind": "treaty-of-westphalia"}, "Select a valid choice."),
        ({"url": "javascript:alert(1)"}, "Enter a valid URL."),
    ]:
        response = client.post(url, instrument_data(**overrides))
        assert response.status_code == 400, overrides
        assert message in response.content.decode() and "Regulates **work permits**." in response.content.decode()
    assert not Instrument.objects.exists()


def test_two_editors_of_an_instrument_do_not_overwrite_each_other(secretariat, login):
    instrument = Instrument.objects.create(kind="law", title="Old title")
    client = login(secretariat)
    url = reverse("policies:instrument-update", args=[instrument.pk])
    assert client.post(url, instrument_data(version=1, title_en="First")).status_code == 302
    response = client.post(url, instrument_data(version=1, title_en="Second"))
    assert response.status_code == 409 and "Second" in response.content.decode()
    instrument.refresh_from_db()
    assert instrument.title == "First"


def test_measures_are_numbered_once_per_plan(plan, secretariat, login):
    client = login(secretariat)
    url = reverse("policies:measure-create", args=[plan.pk])
    response = client.post(url, {"number": "1.1", "title_en": "Again"})
    assert response.status_code == 400 and "already has a measure with this number" in response.content.decode()
    assert client.post(url, {"number": "2.1", "title_en": "Train border guards"}).status_code == 302
    assert plan.measures.count() == 3


def test_measure_statuses_per_cycle_and_the_policy_section_of_the_draft(plan, secretariat, observer, login):
    cycle = ReviewCycleFactory(year=2034, level="global")
    law = Instrument.objects.create(
        kind="law", title="Law on Refugees", reference="No. 354-Z", adopted_on=datetime.date(2008, 6, 23)
    )
    law.objectives.set([Objective.objects.get(number=12)])
    measures = list(plan.measures.order_by("number"))
    url = reverse("reviews:measure-progress", args=[cycle.pk])
    data = {"measures-TOTAL_FORMS": "2", "measures-INITIAL_FORMS": "2"}
    for i, measure in enumerate(measures):
        data |= {
            f"measures-{i}-measure": measure.pk,
            f"measures-{i}-status": "implemented" if i == 0 else "in_progress",
            f"measures-{i}-note": "",
            f"measures-{i}-started_status": "not_started",
            f"measures-{i}-started_note": "",
        }
    assert login(observer).post(url, data).status_code == 403
    assert login(secretariat).post(url, data).status_code == 302
    assert MeasureProgress.objects.get(measure=measures[0]).status == "implemented"
    # The same page sent again from its old state: someone changed the rows meanwhile, nothing is overwritten.
    data["measures-0-status"] = "not_implemented"
    login(secretariat).post(url, data)
    assert MeasureProgress.objects.get(measure=measures[0]).status == "implemented"
    page = login(observer).get(url).content.decode()
    assert "1 of 2 measures implemented (50 %)" in page

    job = finished_export(cycle=cycle, objectives=[Objective.objects.get(number=12)])
    for text in (" ".join(pdf_text(job).split()), " ".join(docx_text(job).split())):
        assert "Laws and regulations" in text and "Law on Refugees (No. 354-Z), 23 Jun 2008" in text
        assert "Strategies, concepts and plans" in text
        assert "National action plan on migration 2030-2034: 1 of 2 measures implemented (50 %)." in text

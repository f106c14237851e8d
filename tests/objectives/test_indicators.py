import pytest
from django.urls import reverse

from objectives.models import Indicator, Objective, SDGTarget
from tests.factories import IndicatorFactory, ObservationFactory, UserFactory

pytestmark = pytest.mark.django_db


def indicator_data(**overrides) -> dict:
    data = {
        "code": "BY-99",
        "name_en": "Migrants with a work permit",
        "name_ru": "Мигранты с разрешением на работу",
        "unit_en": "persons",
        "unit_ru": "человек",
        "source": "Ministry of Internal Affairs",
        "scope": "national",
        "objectives": [Objective.objects.get(number=5).pk],
        "sdg_targets": [SDGTarget.objects.get(code="10.7").pk],
        "baseline_value": "1200",
        "baseline_year": "2018",
        "target_value": "",
        "target_year": "",
        "notes": "",
        "observations-TOTAL_FORMS": "2",
        "observations-INITIAL_FORMS": "0",
        "observations-0-year": "2024",
        "observations-0-value": "1530.5",
        "observations-0-disaggregation": "",
        "observations-0-source": "",
        "observations-1-year": "",
        "observations-1-value": "",
        "observations-1-disaggregation": "",
        "observations-1-source": "",
    }
    data.update(overrides)
    return data


def test_secretariat_adds_an_indicator_with_observations(secretariat, login):
    response = login(secretariat).post(reverse("objectives:indicator-create"), indicator_data())
    assert response.status_code == 302
    indicator = Indicator.objects.get(code="BY-99")
    assert indicator.latest_observation.value == 1530.5
    html = login(secretariat).get(indicator.get_absolute_url()).content.decode()
    assert "1,530.5" in html and "10.7" in html


def test_an_indicator_reads_in_the_page_s_language_and_falls_back_to_english(secretariat, login):
    client = login(secretariat)
    client.post(reverse("objectives:indicator-create"), indicator_data())
    indicator = Indicator.objects.get(code="BY-99")
    assert (indicator.name_en, indicator.name_ru, indicator.name_be) == (
        "Migrants with a work permit",
        "Мигранты с разрешением на работу",
        None,
    )
    url = reverse("objectives:indicator-list")
    assert "Мигранты с разрешением на работу" in client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    client.cookies["django_language"] = "be"
    assert "Migrants with a work permit" in client.get(url).content.decode()  # no Belarusian name: English


def test_the_history_of_an_indicator_keeps_every_language_and_restores_it(secretariat, login):
    client = login(secretariat)
    client.post(reverse("objectives:indicator-create"), indicator_data())
    indicator = Indicator.objects.get(code="BY-99")
    first = indicator.history.earliest()
    assert first.name_ru == "Мигранты с разрешением на работу"
    indicator.name_ru = "Другое название"
    indicator.save()
    history = client.get(reverse("history:list", args=["indicator", indicator.pk])).content.decode()
    assert "Другое название" in history
    restore = reverse("history:restore", args=["indicator", indicator.pk, first.history_id])
    assert client.post(restore, {"fields": ["name_ru"]}).status_code == 302
    indicator.refresh_from_db()
    assert (
        indicator.name_ru == "Мигранты с разрешением на работу" and indicator.name_en == "Migrants with a work permit"
    )


def test_indicator_errors_keep_the_input(secretariat, login):
    IndicatorFactory(code="BY-99")
    data = indicator_data(
        baseline_year="",
        **{"observations-1-year": "2024", "observations-1-value": "1", "observations-0-value": "lots"},
    )
    response = login(secretariat).post(reverse("objectives:indicator-create"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Indicator with this Code already exists." in html
    assert "Give the year of the baseline." in html
    assert "Enter a number." in html
    assert "Migrants with a work permit" in html
    assert Indicator.objects.count() == 1


def test_duplicate_observation_year_is_refused(secretariat, login):
    indicator = IndicatorFactory()
    existing = ObservationFactory(indicator=indicator, year=2024)
    data = indicator_data(code=indicator.code)
    data.update(
        {
            "observations-INITIAL_FORMS": "1",
            "observations-0-id": existing.pk,
            "observations-0-indicator": indicator.pk,
            "observations-0-year": "2024",
            "observations-0-value": "10",
            "observations-1-year": "2024",
            "observations-1-value": "12",
        }
    )
    response = login(secretariat).post(reverse("objectives:indicator-update", args=[indicator.pk]), data)
    assert response.status_code == 400
    assert "Please correct the duplicate data for year" in response.content.decode()


def test_observation_saved_meanwhile_gives_a_message_not_an_error(secretariat, login):
    indicator = IndicatorFactory()
    form_loaded_before = indicator_data(code=indicator.code)  # no row for 2024 yet
    ObservationFactory(indicator=indicator, year=2024)  # a colleague adds one
    response = login(secretariat).post(reverse("objectives:indicator-update", args=[indicator.pk]), form_loaded_before)
    assert response.status_code == 400
    assert "saved meanwhile" in response.content.decode()
    assert indicator.observations.count() == 1


def test_indicator_list_filters_and_exports(observer, login):
    IndicatorFactory(
        code="SDG 10.c.1", name="Remittance costs", scope="global", objectives=[Objective.objects.get(number=20)]
    )
    IndicatorFactory(code="BY-01", name="Residence permits")
    client = login(observer)
    url = reverse("objectives:indicator-list")
    codes = [i.code for i in client.get(url, {"objective": Objective.objects.get(number=20).pk}).context["page"]]
    assert codes == ["SDG 10.c.1"]
    assert [i.code for i in client.get(url, {"scope": "national"}).context["page"]] == ["BY-01"]
    response = client.get(url, {"format": "csv", "scope": "global"})
    assert "Remittance costs" in response.content.decode("utf-8-sig")
    assert "Residence permits" not in response.content.decode("utf-8-sig")


def test_two_editors_of_one_indicator_the_second_meets_a_conflict(secretariat, login):
    indicator = IndicatorFactory(name="Original")
    url = reverse("objectives:indicator-update", args=[indicator.pk])
    anna, boris = login(secretariat), login(UserFactory(username="boris", role="Secretariat"))
    assert 'name="version" value="1"' in anna.get(url).content.decode()
    assert anna.post(url, indicator_data(code=indicator.code, name_en="Anna's name", version=1)).status_code == 302
    response = boris.post(url, indicator_data(code=indicator.code, name_en="Boris's name", version=1))
    assert response.status_code == 409 and "saved this indicator after you opened it" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.name == "Anna's name" and indicator.observations.count() == 1

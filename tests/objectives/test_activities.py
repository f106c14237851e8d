import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from drafts.completeness import checklist
from objectives.models import Action, Activity, Objective
from tests.drafts.test_drafts import pdf_text
from tests.factories import ActivityFactory, OrganisationFactory, ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db


def activity_data(lead, **overrides) -> dict:
    data = {
        "title_en": "Information campaign for labour migrants",
        "lead_organisation": lead.pk,
        "partners": [],
        "objectives": [Objective.objects.get(number=3).pk],
        "actions": [Action.objects.get(objective__number=3, letter="b").pk],
        "start_date": "2025-03-01",
        "end_date": "2026-02-28",
        "status": "ongoing",
        "budget": "",
        "currency": "",
        "location": "Minsk",
        "description_en": "Leaflets in **four** languages.",
        "link": "www.iom.int/belarus",
    }
    data.update(overrides)
    return data


def test_agency_staff_record_an_activity_of_their_own_organisation(agency_staff, agency, login):
    client = login(agency_staff)
    response = client.post(reverse("objectives:activity-create"), activity_data(agency))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.lead_organisation == agency and activity.created_by == agency_staff
    assert activity.link == "https://www.iom.int/belarus"
    assert [a.code for a in activity.actions.all()] == ["3(b)"]


def test_agency_staff_cannot_record_for_another_organisation(agency_staff, organisation_b, login):
    response = login(agency_staff).post(reverse("objectives:activity-create"), activity_data(organisation_b))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Activity.objects.exists()


def test_invalid_activity_keeps_the_input_and_explains(secretariat, agency, login):
    data = activity_data(
        agency,
        end_date="2024-01-01",
        budget="50000",
        actions=[Action.objects.get(objective__number=9, letter="a").pk],
        partners=[agency.pk],
    )
    response = login(secretariat).post(reverse("objectives:activity-create"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Information campaign for labour migrants" in html
    assert "The activity must end after it starts." in html
    assert "Give the currency of the budget." in html
    assert "9(a)" in html and "objectives the activity does not support" in html
    assert "The lead organisation is not also a partner." in html
    assert not Activity.objects.exists()


def test_activity_description_is_sanitised(observer, login):
    activity = ActivityFactory(description='Text <img src="http://10.0.0.1/x"> <script>alert(1)</script>')
    html = login(observer).get(activity.get_absolute_url()).content.decode()
    assert "<img" not in html and "<script>alert(1)" not in html


def test_activity_list_filters(observer, login):
    unhcr = OrganisationFactory(name="UNHCR Belarus", acronym="UNHCR")
    ActivityFactory(title="Shelter support", lead_organisation=unhcr, objectives=[Objective.objects.get(number=7)])
    partnered = ActivityFactory(title="Border training", objectives=[Objective.objects.get(number=11)])
    partnered.partners.add(unhcr)
    ActivityFactory(title="Old project", status="completed", start_date="2019-01-01", end_date="2019-12-31")
    client = login(observer)
    url = reverse("objectives:activity-list")

    def titles(**params):
        return sorted(a.title for a in client.get(url, params).context["page"])

    assert titles(objective=Objective.objects.get(number=7).pk) == ["Shelter support"]
    assert titles(organisation=unhcr.pk) == ["Border training", "Shelter support"]
    assert titles(status="completed") == ["Old project"]
    assert titles(active_from="2020-01-01") == ["Border training", "Shelter support"]
    assert titles(q="shelter") == ["Shelter support"]
    assert client.get(url, {"active_from": "not a date"}).status_code == 200


def test_activity_exports_csv_and_xlsx(observer, login):
    ActivityFactory(title='=HYPERLINK("http://evil")', budget=1000, currency="EUR")
    ActivityFactory(title="Заголовок на русском")
    client = login(observer)
    response = client.get(reverse("objectives:activity-list"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="activities.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Title"
    titles = {row[0] for row in rows[1:]}
    assert "Заголовок на русском" in titles
    assert '\'=HYPERLINK("http://evil")' in titles  # no formula reaches a spreadsheet

    response = client.get(reverse("objectives:activity-list"), {"format": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert values[0] == "Title" and "Заголовок на русском" in values


def test_activity_list_query_count_is_fixed(observer, login, django_assert_max_num_queries):
    ActivityFactory.create_batch(3)
    client = login(observer)
    client.get(reverse("objectives:activity-list"))
    with django_assert_max_num_queries(14):
        client.get(reverse("objectives:activity-list"))
    for activity in ActivityFactory.create_batch(30):
        activity.partners.add(OrganisationFactory())
    with django_assert_max_num_queries(14):
        client.get(reverse("objectives:activity-list"))


def test_two_editors_of_one_activity_the_second_meets_a_conflict_and_overwrites_nothing(
    agency_staff, agency, secretariat, login
):
    activity = ActivityFactory(lead_organisation=agency, title="Original")
    url = reverse("objectives:activity-update", args=[activity.pk])
    anna, boris = login(secretariat), login(agency_staff)
    assert boris.get(url).status_code == 200  # both start from version 1
    assert 'name="version" value="1"' in anna.get(url).content.decode()
    assert anna.post(url, activity_data(agency, title_en="Anna's title", version=1)).status_code == 302
    response = boris.post(url, activity_data(agency, title_en="Boris's title", version=1))
    html = response.content.decode()
    assert response.status_code == 409
    assert "saved this activity after you opened it" in html and "Boris&#x27;s title" in html
    activity.refresh_from_db()
    assert activity.title == "Anna's title" and activity.version == 2
    # Saving again from the conflict page replaces the newer version, knowingly.
    assert boris.post(url, activity_data(agency, title_en="Boris's title", version=2)).status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Boris's title" and activity.version == 3


def test_an_activity_reads_in_the_page_s_language_marks_english_and_is_found_in_any(secretariat, agency, login):
    client = login(secretariat)
    data = activity_data(
        agency,
        title_ru="Информационная кампания для трудовых мигрантов",
        description_ru="Листовки на **четырёх** языках.",
    )
    assert client.post(reverse("objectives:activity-create"), data).status_code == 302
    activity = Activity.objects.get()
    assert (activity.title_en, activity.title_ru, activity.title_be) == (
        "Information campaign for labour migrants",
        "Информационная кампания для трудовых мигрантов",
        None,
    )
    detail = client.get(activity.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Информационная кампания для трудовых мигрантов" in detail and "<strong>четырёх</strong>" in detail
    assert ">EN</span>" not in detail

    client.cookies["django_language"] = "be"  # no Belarusian text: English, marked
    detail = client.get(activity.get_absolute_url()).content.decode()
    assert "Information campaign for labour migrants" in detail and detail.count(">EN</span>") == 2
    listing = client.get(reverse("objectives:activity-list"), {"q": "трудовых"}).content.decode()
    assert "Information campaign for labour migrants" in listing and ">EN</span>" in listing

    client.cookies["django_language"] = "en"
    listing = client.get(reverse("objectives:activity-list"), {"q": "Информационная"}).content.decode()
    assert "Information campaign for labour migrants" in listing and ">EN</span>" not in listing


def test_the_history_of_an_activity_keeps_every_language_and_restores_it(secretariat, agency, login):
    client = login(secretariat)
    client.post(reverse("objectives:activity-create"), activity_data(agency, title_ru="Кампания"))
    activity = Activity.objects.get()
    first = activity.history.earliest()
    assert first.title_ru == "Кампания" and first.title_en == "Information campaign for labour migrants"
    activity.title_ru = "Другая кампания"
    activity.save()
    restore = reverse("history:restore", args=["activity", activity.pk, first.history_id])
    assert client.post(restore, {"fields": ["title_ru"]}).status_code == 302
    activity.refresh_from_db()
    assert activity.title_ru == "Кампания" and activity.title_en == "Information campaign for labour migrants"


def test_an_activity_needs_its_english_title_and_keeps_every_language_on_errors(secretariat, agency, login):
    data = activity_data(agency, title_en="", title_ru="Кампания", description_be="x" * 20_001)
    response = login(secretariat).post(reverse("objectives:activity-create"), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in html and "The description is too long" in html
    assert "Кампания" in html and "Leaflets in **four** languages." in html
    assert not Activity.objects.exists()


def test_the_russian_draft_prints_russian_activity_titles_and_the_checklist_counts_the_rest():
    cycle = ReviewCycleFactory(year=2030, level="global", name="Third IMRF")
    objective = Objective.objects.get(number=3)
    ActivityFactory(
        title_en="Hotline for migrants",
        title_ru="Горячая линия для мигрантов",
        objectives=[objective],
        start_date="2028-01-01",
    )
    ActivityFactory(title_en="Leaflets for migrants", objectives=[objective], start_date="2028-01-01")
    text = " ".join(pdf_text(finished_export(cycle=cycle, language="ru", objectives=[objective])).split())
    assert "Горячая линия для мигрантов" in text and "Hotline for migrants" not in text
    assert "Leaflets for migrants" in text  # not translated: English, and the checklist says so

    (texts,) = [item for item in checklist(cycle, "ru") if item.label == "The draft's texts exist in its language"]
    assert "titles of activities in the reporting period: 1" in texts.missing

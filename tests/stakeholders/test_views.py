import re

import pytest
from django.urls import reverse

from stakeholders.models import Organisation
from tests.factories import ContactFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_list_filters_by_kind_and_search(observer, login):
    OrganisationFactory(name="Ministry of Health", acronym="MoH")
    OrganisationFactory(name="UNICEF Belarus", acronym="UNICEF", kind=Organisation.Kind.UN_AGENCY)
    client = login(observer)
    names = lambda response: [o.name for o in response.context["page"]]  # noqa: E731
    assert names(client.get(reverse("stakeholders:organisation-list"), {"kind": "un_agency"})) == ["UNICEF Belarus"]
    assert names(client.get(reverse("stakeholders:organisation-list"), {"q": "moh"})) == ["Ministry of Health"]
    response = client.get(reverse("stakeholders:organisation-list"), {"q": "nothing like this"})
    assert "No organisation matches these filters." in response.content.decode()


def test_organisations_are_named_and_found_in_every_language(observer, login):
    OrganisationFactory(
        name="International Organization for Migration",
        acronym="IOM",
        name_ru="Международная организация по миграции",
        acronym_ru="МОМ",
    )
    client = login(observer)
    client.cookies["django_language"] = "ru"
    url = reverse("stakeholders:organisation-list")
    for query in ("IOM", "МОМ", "migration", "миграции"):
        assert [o.pk for o in client.get(url, {"q": query}).context["page"]], query
    assert "Международная организация по миграции" in client.get(url).text
    marked = re.compile(
        r"(Международная организация по миграции|International Organization for Migration)</a>\s*<span[^>]*>EN<"
    )
    assert not marked.search(client.get(url).text)
    client.cookies["django_language"] = "be"  # no Belarusian name: the English one, marked
    assert marked.search(client.get(url).text)


def test_list_rejects_an_unknown_kind_without_error(observer, login):
    response = login(observer).get(reverse("stakeholders:organisation-list"), {"kind": "pirates"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_list_query_count_does_not_grow(observer, login, django_assert_max_num_queries):
    parent = OrganisationFactory()
    OrganisationFactory.create_batch(5, parent=parent)
    client = login(observer)
    with django_assert_max_num_queries(10):
        client.get(reverse("stakeholders:organisation-list"))
    OrganisationFactory.create_batch(40, parent=parent)
    with django_assert_max_num_queries(10):
        client.get(reverse("stakeholders:organisation-list"))


def test_list_paginates_and_keeps_filters(observer, login):
    OrganisationFactory.create_batch(55, kind=Organisation.Kind.CIVIL_SOCIETY)
    response = login(observer).get(reverse("stakeholders:organisation-list"), {"kind": "civil_society", "page": 2})
    assert len(response.context["page"]) == 5
    assert "kind=civil_society&amp;page=1" in response.content.decode()


def test_detail_shows_contacts_and_units(observer, login):
    ministry = OrganisationFactory(name="Ministry of Internal Affairs", acronym="MIA")
    OrganisationFactory(name="Department of Citizenship and Migration", parent=ministry)
    ContactFactory(organisation=ministry, full_name="Sergei Novik", email="s.novik@example.org")
    html = login(observer).get(ministry.get_absolute_url()).content.decode()
    assert "Department of Citizenship and Migration" in html
    assert "Sergei Novik" in html and "mailto:s.novik@example.org" in html


def test_list_filters_active_and_inactive(observer, login):
    OrganisationFactory(name="Closed project office", active=False)
    OrganisationFactory(name="Working ministry")
    client = login(observer)
    url = reverse("stakeholders:organisation-list")
    assert [o.name for o in client.get(url, {"active": "no"}).context["page"]] == ["Closed project office"]
    assert "Closed project office" not in [o.name for o in client.get(url, {"active": "yes"}).context["page"]]

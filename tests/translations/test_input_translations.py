"""Inputs in several languages where the author wishes (issue 11): the author adds their texts in another
language beside the source; a draft in that language quotes the translation; editing the source marks it
outdated."""

import pytest
from django.urls import reverse

from inputs.models import Input, InputTranslation
from objectives.models import Objective
from reviews.models import fingerprint
from tests.drafts.test_drafts import pdf_text
from tests.factories import AssignmentFactory, ReviewCycleFactory, UserFactory, finished_export

pytestmark = pytest.mark.django_db
MEASURES = "A bilateral agreement on labour migration was signed."
RUSSIAN = "Подписано двустороннее соглашение о трудовой миграции."


@pytest.fixture
def input_(organisation_a):
    cycle = ReviewCycleFactory(year=2030, level="global", name="Third IMRF")
    assignment = AssignmentFactory(
        cycle=cycle,
        organisation=organisation_a,
        objective=Objective.objects.get(number=6),
        with_input={"measures": MEASURES, "challenges": "Few inspectors in the regions."},
    )
    return assignment.input


def translate(client, input_, language="ru", **texts):
    url = reverse("translations:input-translate", args=[input_.pk, language])
    page = client.get(url)
    made_from = {f"{name}_from": page.context["form"][f"{name}_from"].initial for name in ("measures", "challenges")}
    return client.post(url, {**made_from, **texts})


def test_the_author_translates_beside_the_source_and_the_draft_quotes_each_language(
    input_, focal_point_a, secretariat, login
):
    client = login(focal_point_a)
    detail = client.get(input_.get_absolute_url()).content.decode()
    assert reverse("translations:input-translate", args=[input_.pk, "ru"]) in detail and "Missing: 2" in detail
    page = client.get(reverse("translations:input-translate", args=[input_.pk, "ru"])).content.decode()
    assert MEASURES in page and 'lang="ru"' in page

    response = translate(client, input_, measures=RUSSIAN, challenges="")
    assert response.status_code == 302 and response.url == input_.get_absolute_url()
    saved = InputTranslation.objects.get()
    assert (saved.field, saved.language, saved.updated_by) == ("measures", "ru", focal_point_a)
    assert saved.source_fingerprint == fingerprint(MEASURES)
    detail = client.get(input_.get_absolute_url()).content.decode()
    assert "Translated: 1" in detail and "Missing: 1" in detail

    input_.submit(by=focal_point_a)
    input_.accept(by=secretariat)
    objective = input_.assignment.objective
    russian = " ".join(
        pdf_text(finished_export(cycle=input_.assignment.cycle, language="ru", objectives=[objective])).split()
    )
    assert RUSSIAN in russian and MEASURES not in russian
    assert "Few inspectors in the regions." in russian  # not translated: quoted as written
    english = " ".join(
        pdf_text(finished_export(cycle=input_.assignment.cycle, language="en", objectives=[objective])).split()
    )
    assert MEASURES in english and RUSSIAN not in english


def test_editing_the_source_marks_the_translation_outdated(input_, focal_point_a, login):
    client = login(focal_point_a)
    translate(client, input_, measures=RUSSIAN)
    data = {
        "version": input_.version,
        "measures": "A bilateral agreement was signed and ratified.",
        "challenges": "Few inspectors in the regions.",
        "save": "1",
    }  # no source language sent: the saved one is kept
    assert client.post(input_.get_absolute_url(), data).status_code == 302
    input_.refresh_from_db()
    assert input_.source_language == "en" and input_.measures.endswith("ratified.")
    detail = client.get(input_.get_absolute_url()).content.decode()
    assert "Outdated: 1" in detail
    page = client.get(reverse("translations:input-translate", args=[input_.pk, "ru"])).content.decode()
    assert RUSSIAN in page and "ratified" in page  # the outdated translation beside the new source


def test_an_input_written_in_russian_is_translated_into_english(input_, focal_point_a, login):
    input_.source_language = "ru"
    input_.save()
    client = login(focal_point_a)
    assert client.get(reverse("translations:input-translate", args=[input_.pk, "ru"])).status_code == 404
    assert client.get(reverse("translations:input-translate", args=[input_.pk, "de"])).status_code == 404
    assert translate(client, input_, language="en", measures="Signed.").status_code == 302
    assert InputTranslation.objects.get().language == "en"


def test_who_may_translate_an_input(input_, focal_point_b, observer, login, organisation_a):
    url = reverse("translations:input-translate", args=[input_.pk, "ru"])
    assert login(focal_point_b).get(url).status_code == 404  # another organisation's input: not even seen
    input_.submit(by=UserFactory(organisation=organisation_a, role="Government focal point"))
    input_.accept(by=UserFactory(username="sec", role="Secretariat"))
    assert login(observer).get(input_.get_absolute_url()).status_code == 200  # observers read accepted inputs
    assert login(observer).post(url, {"measures": "x"}).status_code == 403
    assert not InputTranslation.objects.exists()
    assert Input.objects.get().measures == MEASURES

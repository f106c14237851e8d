"""A focal point writes their input in Russian and, as they wish, adds its English translation beside it."""

import pytest
from playwright.sync_api import expect

from inputs.models import Input, InputTranslation
from objectives.models import Objective
from stakeholders.models import Role
from tests.factories import TEST_PASSWORD, AssignmentFactory, OrganisationFactory, ReviewCycleFactory, UserFactory

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
RUSSIAN = "Подписано двустороннее соглашение о трудовой миграции."
ENGLISH = "A bilateral agreement on labour migration was signed."


def test_a_focal_point_writes_in_russian_and_adds_the_english_translation(page):
    ministry = OrganisationFactory(name="Ministry of Labour and Social Protection", acronym="MLSP")
    UserFactory(username="olga", role=Role.FOCAL_POINT, organisation=ministry)
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF (2030)")
    assignment = AssignmentFactory(cycle=cycle, organisation=ministry, objective=Objective.objects.get(number=6))

    log_in(page, "olga", TEST_PASSWORD)
    page.goto(assignment.input.get_absolute_url())
    page.get_by_label("Language of the texts").select_option("ru")
    page.get_by_label("Measures taken").fill(RUSSIAN)
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("alert")).to_contain_text("saved")

    translations = page.get_by_role("region", name="Translations")
    expect(translations).to_contain_text("Missing: 1")
    translations.get_by_role("link", name="Translation into English").click()
    expect(page.locator('.narrative[lang="ru"]')).to_contain_text(RUSSIAN)  # the source beside the box
    page.get_by_label("Measures taken").fill(ENGLISH)
    page.get_by_role("button", name="Save the translation").click()
    expect(page.get_by_role("alert")).to_contain_text("The translation was saved.")
    expect(page.get_by_role("region", name="Translations")).to_contain_text("Translated: 1")

    saved = Input.objects.get(pk=assignment.input.pk)
    assert saved.source_language == "ru" and saved.measures == RUSSIAN
    assert InputTranslation.objects.get().text == ENGLISH

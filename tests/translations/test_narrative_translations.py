"""Assessments in several languages: translated beside the source, outdated when the source changes,
printed in the draft's language, counted on the status page and in the checklist (issue 11)."""

import re

import pytest
from django.urls import reverse

from drafts.completeness import checklist
from objectives.models import Objective
from reviews.models import NarrativeTranslation, ObjectiveAssessment, fingerprint
from tests.drafts.test_drafts import docx_text, pdf_text
from tests.factories import AssessmentFactory, ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db
RUSSIAN = "Создан национальный центр данных о миграции."


@pytest.fixture
def assessment():
    cycle = ReviewCycleFactory(year=2030, level="global", name="Third IMRF")
    return AssessmentFactory(
        cycle=cycle,
        objective=Objective.objects.get(number=1),
        achievements="A national migration data hub was set up.",
        challenges="Data on returns are scattered.",
    )


def translate(client, assessment, **texts):
    url = reverse("translations:assessment-translate", args=[1, assessment.cycle_id, "ru"])
    page = client.get(url)
    data = {f"{name}_from": page.context["form"][f"{name}_from"].initial for name in ("achievements", "challenges")}
    return client.post(url, {**data, **texts})


def test_the_secretariat_translates_beside_the_source_and_the_draft_prints_each_language(
    assessment, secretariat, login
):
    client = login(secretariat)
    page = client.get(
        reverse("translations:assessment-translate", args=[1, assessment.cycle_id, "ru"])
    ).content.decode()
    assert "A national migration data hub was set up." in page and 'lang="ru"' in page
    assert translate(client, assessment, achievements=RUSSIAN, challenges="").status_code == 302
    saved = NarrativeTranslation.objects.get()
    assert saved.language == "ru" and saved.source_fingerprint == fingerprint(assessment.achievements)

    russian = " ".join(
        pdf_text(finished_export(cycle=assessment.cycle, language="ru", objectives=[assessment.objective])).split()
    )
    assert RUSSIAN in russian and "A national migration data hub" not in russian
    assert "Data on returns are scattered." in russian  # not translated yet: the source, and the checklist says so
    english = finished_export(cycle=assessment.cycle, language="en", objectives=[assessment.objective])
    assert "A national migration data hub was set up." in " ".join(docx_text(english).split())

    items = {item.label: item for item in checklist(assessment.cycle, "ru")}
    narratives = items["The assessments' texts are translated into the draft's language and up to date"]
    assert not narratives.ok and narratives.missing == ["objective 1: Missing"]


def test_editing_the_source_marks_the_translation_outdated_until_it_is_saved_again(assessment, secretariat, login):
    client = login(secretariat)
    translate(client, assessment, achievements=RUSSIAN, challenges="Данные о возвращении разрознены.")
    status = reverse("translations:translation-status", args=[assessment.cycle_id])
    assert "Translated: 2" in client.get(status).content.decode()
    ObjectiveAssessment.objects.filter(pk=assessment.pk).update(
        achievements="A data hub and a data portal were set up."
    )
    page = client.get(status + "?state=outdated").content.decode()
    assert "Outdated: 1" in page and "Objective 1" in page
    missing = client.get(status + "?state=missing").content.decode()
    assert "Objective 1:" in missing and "Objective 2:" not in missing  # Belarusian is missing; 2 has no text
    assessment.refresh_from_db()
    translate(
        client, assessment, achievements="Созданы центр и портал данных.", challenges="Данные о возвращении разрознены."
    )
    assert "Translated: 2" in client.get(status).content.decode()


def test_a_translation_made_while_the_source_changed_shows_outdated(assessment, secretariat, login):
    client = login(secretariat)
    url = reverse("translations:assessment-translate", args=[1, assessment.cycle_id, "ru"])
    form = client.get(url).context["form"]
    shown, challenges = form["achievements_from"].initial, form["challenges_from"].initial
    ObjectiveAssessment.objects.filter(pk=assessment.pk).update(achievements="Changed while translating.")
    client.post(
        url, {"achievements": RUSSIAN, "achievements_from": shown, "challenges_from": challenges, "challenges": ""}
    )
    assessment.refresh_from_db()
    assert not NarrativeTranslation.objects.get().is_current(assessment.achievements)


def test_the_source_language_has_no_translation_page_and_others_cannot_translate(
    assessment, secretariat, observer, login
):
    assert (
        login(secretariat)
        .get(reverse("translations:assessment-translate", args=[1, assessment.cycle_id, "en"]))
        .status_code
        == 404
    )
    assert (
        login(secretariat)
        .get(reverse("translations:assessment-translate", args=[1, assessment.cycle_id, "xx"]))
        .status_code
        == 404
    )
    assert (
        login(observer)
        .get(reverse("translations:assessment-translate", args=[1, assessment.cycle_id, "ru"]))
        .status_code
        == 403
    )
    assert re.search("Translate into", login(secretariat).get(assessment.get_absolute_url()).content.decode())


def test_the_policy_and_next_steps_chapters_print_the_drafts_language(assessment):
    """The chapters that gather one narrative of every objective read the translation too (they printed the
    English source in a Russian draft)."""
    assessment.policy_changes = "A new law on migration was adopted."
    assessment.next_steps = "Extend the data hub to the regions."
    assessment.save()
    for field, text in (("policy_changes", "Принят новый закон о миграции."), ("next_steps", "Распространить центр.")):
        NarrativeTranslation.objects.create(
            assessment=assessment,
            field=field,
            language="ru",
            text=text,
            source_fingerprint=fingerprint(getattr(assessment, field)),
        )
    job = finished_export(cycle=assessment.cycle, language="ru", objectives=[assessment.objective])
    for text in (" ".join(pdf_text(job).split()), " ".join(docx_text(job).split())):
        assert "Принят новый закон о миграции." in text and "Распространить центр." in text
        assert "A new law on migration" not in text and "Extend the data hub" not in text

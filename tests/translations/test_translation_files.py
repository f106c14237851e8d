"""A translator's round trip: the texts still to translate out as XLSX or XLIFF, the filled file back in
with a preview; exact texts, checked units, nothing saved from a bad file (issue 11)."""

import io
import zipfile
from xml.etree import ElementTree

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from translate.storage import xliff

from reviews.models import NarrativeTranslation, narrative_in
from tests.factories import AssessmentFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
# What a translation may hold that a spreadsheet or an XML file could bend: Markdown list marks, a leading
# "=", quotes, ampersands, angle brackets, line breaks, trailing spaces.
TRICKY = "- Первый пункт\n- **Второй** & «третий» <i>\n\n=СУММ(A1) — не формула  "


@pytest.fixture
def cycle():
    return ReviewCycleFactory(year=2030, name="Third IMRF (2030)")


@pytest.fixture
def assessment(cycle):
    return AssessmentFactory(cycle=cycle, achievements="A data hub publishes **monthly** figures.", challenges="")


def download(client, cycle, language: str, fmt: str) -> bytes:
    response = client.get(reverse("translations:translation-download", args=[cycle.pk, language, fmt]))
    assert response.status_code == 200
    return response.content


def fill_workbook(data: bytes, translations: dict[str, str]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["translations"]
    header = [cell.value for cell in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        key = row[header.index("key")].value
        if key in translations:
            row[header.index("translation")].value = translations[key]
            row[header.index("translation")].data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, cycle, language: str, name: str, data: bytes):
    return client.post(
        reverse("translations:translation-upload", args=[cycle.pk]),
        {"language": language, "file": SimpleUploadedFile(name, data)},
    )


def test_the_xlsx_round_trip_restores_a_translation_exactly(cycle, assessment, secretariat, login):
    client = login(secretariat)
    exported = download(client, cycle, "ru", "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(exported))["translations"]
    rows = list(sheet.iter_rows(values_only=True))
    key = f"assessment-{assessment.pk}/achievements"
    assert [row[0] for row in rows[1:]] == [key]  # the written text only; the empty one is not asked for
    assert rows[1][5] == "A data hub publishes **monthly** figures."

    preview = upload(client, cycle, "ru", "перевод.xlsx", fill_workbook(exported, {key: TRICKY}))
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "New: 1. Changed: 0. Unchanged: 0." in html
    assert not NarrativeTranslation.objects.exists()  # a preview saves nothing

    response = client.post(reverse("translations:translation-apply", args=[cycle.pk]))
    assert response.status_code == 302
    saved = NarrativeTranslation.objects.get(assessment=assessment, field="achievements", language="ru")
    assert saved.text == TRICKY and saved.updated_by == secretariat
    assessment.refresh_from_db()
    assert narrative_in(assessment, "achievements", "ru") == (TRICKY, NarrativeTranslation.State.CURRENT)
    # Translated: nothing is left to ask for, and the same file again changes nothing.
    assert (
        len(list(openpyxl.load_workbook(io.BytesIO(download(client, cycle, "ru", "xlsx")))["translations"].rows)) == 1
    )
    again = upload(client, cycle, "ru", "перевод.xlsx", fill_workbook(exported, {key: TRICKY})).content.decode()
    assert "New: 0. Changed: 0. Unchanged: 1." in again


def test_an_outdated_translation_goes_out_with_its_old_text_and_comes_back_current(
    cycle, assessment, secretariat, login
):
    client = login(secretariat)
    key = f"assessment-{assessment.pk}/achievements"
    upload(client, cycle, "be", "be.xlsx", fill_workbook(download(client, cycle, "be", "xlsx"), {key: "Старое"}))
    client.post(reverse("translations:translation-apply", args=[cycle.pk]))
    assessment.achievements = "A data hub publishes **weekly** figures."
    assessment.save()
    assessment.refresh_from_db()
    assert narrative_in(assessment, "achievements", "be")[1] == NarrativeTranslation.State.OUTDATED

    exported = download(client, cycle, "be", "xlsx")
    row = list(openpyxl.load_workbook(io.BytesIO(exported))["translations"].iter_rows(values_only=True))[1]
    assert row[5] == "A data hub publishes **weekly** figures." and row[6] == "Старое"
    preview = upload(client, cycle, "be", "be.xlsx", fill_workbook(exported, {key: "Штотыднёва"})).content.decode()
    assert "Changed: 1." in preview
    client.post(reverse("translations:translation-apply", args=[cycle.pk]))
    assessment.refresh_from_db()
    assert narrative_in(assessment, "achievements", "be") == ("Штотыднёва", NarrativeTranslation.State.CURRENT)


def outdated_in_belarusian(client, cycle, assessment) -> str:
    """A Belarusian translation saved, then its English source changed: the translation is outdated."""
    key = f"assessment-{assessment.pk}/achievements"
    upload(client, cycle, "be", "be.xlsx", fill_workbook(download(client, cycle, "be", "xlsx"), {key: "Старое"}))
    client.post(reverse("translations:translation-apply", args=[cycle.pk]))
    assessment.achievements = "A data hub publishes **weekly** figures."
    assessment.save()
    return key


def still_outdated(assessment) -> bool:
    assessment.refresh_from_db()
    return narrative_in(assessment, "achievements", "be") == ("Старое", NarrativeTranslation.State.OUTDATED)


def test_an_outdated_translation_sent_back_untouched_stays_outdated(cycle, assessment, secretariat, login):
    client = login(secretariat)
    outdated_in_belarusian(client, cycle, assessment)
    for name, exported in (
        ("be.xlsx", download(client, cycle, "be", "xlsx")),
        ("be.xlf", download(client, cycle, "be", "xlf")),
    ):
        preview = upload(client, cycle, "be", name, exported).content.decode()
        assert "New: 0. Changed: 0. Unchanged: 0." in preview
        assert "1 outdated translation came back as it was and stays outdated" in preview
        assert "Save 1 translation" not in preview  # nothing to save
        client.post(reverse("translations:translation-apply", args=[cycle.pk]))
        assert still_outdated(assessment), name


@pytest.mark.parametrize(
    ("state", "becomes_current"), [("translated", True), ("final", True), ("needs-review-translation", False)]
)
def test_an_xliff_unit_marked_translated_keeps_its_words_and_becomes_current(
    cycle, assessment, secretariat, login, state, becomes_current
):
    client = login(secretariat)
    outdated_in_belarusian(client, cycle, assessment)
    root = ElementTree.fromstring(download(client, cycle, "be", "xlf"))
    target = root.find(f".//{XLIFF}target")
    assert (target.text, target.get("state")) == ("Старое", "needs-review-translation")  # an XLIFF 1.2 state
    target.set("state", state)  # the translator checked the old words against the new source
    upload(client, cycle, "be", "be.xlf", ElementTree.tostring(root, encoding="utf-8", xml_declaration=True))
    client.post(reverse("translations:translation-apply", args=[cycle.pk]))
    assessment.refresh_from_db()
    expected = NarrativeTranslation.State.CURRENT if becomes_current else NarrativeTranslation.State.OUTDATED
    assert narrative_in(assessment, "achievements", "be") == ("Старое", expected)


def test_an_outdated_unit_shows_the_translator_the_source_it_was_made_from(cycle, assessment, secretariat, login):
    client = login(secretariat)
    outdated_in_belarusian(client, cycle, assessment)
    unit = ElementTree.fromstring(download(client, cycle, "be", "xlf")).find(f".//{XLIFF}trans-unit")
    alternative = unit.find(f"{XLIFF}alt-trans")
    assert alternative.get("alttranstype") == "previous-version"
    assert alternative.find(f"{XLIFF}source").text == "A data hub publishes **monthly** figures."  # before
    assert alternative.find(f"{XLIFF}target").text == "Старое"
    assert unit.find(f"{XLIFF}source").text == "A data hub publishes **weekly** figures."  # now


def test_a_translation_tool_reads_the_xliff_and_its_translation_comes_back(cycle, assessment, secretariat, login):
    """translate-toolkit (what Pootle, Weblate and Virtaal read XLIFF with) opens the export, a translator
    fills the outdated unit, and the saved file comes back through the upload."""
    client = login(secretariat)
    outdated_in_belarusian(client, cycle, assessment)
    store = xliff.xlifffile.parsestring(download(client, cycle, "be", "xlf"))
    (unit,) = store.getunits()
    assert unit.source == "A data hub publishes **weekly** figures." and unit.target == "Старое"
    assert unit.xmlelement.get("id") == f"assessment-{assessment.pk}/achievements"
    assert [alternative.source for alternative in unit.getalttrans()] == ["A data hub publishes **monthly** figures."]
    assert unit.get_state_id() != xliff.xliffunit.S_TRANSLATED  # the tool shows it as needing review
    unit.target = "Дата-хаб штотыднёва публікуе **лічбы**."
    unit.markfuzzy(False)
    assert upload(client, cycle, "be", "be.xlf", bytes(store)).status_code == 200
    client.post(reverse("translations:translation-apply", args=[cycle.pk]))
    assessment.refresh_from_db()
    assert narrative_in(assessment, "achievements", "be") == (
        "Дата-хаб штотыднёва публікуе **лічбы**.",
        NarrativeTranslation.State.CURRENT,
    )


def test_the_xliff_file_has_the_registered_media_type_and_states(cycle, assessment, secretariat, login):
    client = login(secretariat)
    response = client.get(reverse("translations:translation-download", args=[cycle.pk, "ru", "xlf"]))
    assert response["Content-Type"].startswith("application/xliff+xml")
    target = ElementTree.fromstring(response.content).find(f".//{XLIFF}target")
    assert target.get("state") == "new"  # missing: nothing to start from


def test_the_xliff_round_trip(cycle, assessment, secretariat, login):
    client = login(secretariat)
    root = ElementTree.fromstring(download(client, cycle, "ru", "xlf"))
    assert root.get("version") == "1.2"
    file = root.find(f"{XLIFF}file")
    assert (file.get("source-language"), file.get("target-language")) == ("en", "ru")
    unit = root.find(f".//{XLIFF}trans-unit")
    assert unit.find(f"{XLIFF}source").text == "A data hub publishes **monthly** figures."
    unit.find(f"{XLIFF}target").text = TRICKY  # what a translation tool writes back
    filled = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    assert upload(client, cycle, "ru", "review.xlf", filled).status_code == 200
    client.post(reverse("translations:translation-apply", args=[cycle.pk]))
    assert NarrativeTranslation.objects.get(language="ru").text == TRICKY


def a_zip_that_is_no_workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return out.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body>
<trans-unit id="x"><source>a</source><target>&lol2;</target></trans-unit></body></file></xliff>"""


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"just some text", "Upload the XLSX or XLIFF file the portal exported."),
        ("broken.xlsx", a_zip_that_is_no_workbook(), "The file cannot be read"),
        ("evil.xlf", BILLION_LAUGHS, "The XLIFF file cannot be read"),
        ("other.xml", b"<html><body>hello</body></html>", "This is not an XLIFF 1.2 file"),
    ],
)
def test_a_file_that_is_not_a_translation_file_is_refused_with_a_message(
    cycle, assessment, secretariat, login, name, data, message
):
    response = upload(login(secretariat), cycle, "ru", name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not NarrativeTranslation.objects.exists()


def test_units_that_do_not_fit_are_listed_and_nothing_is_saved(cycle, assessment, secretariat, login):
    client = login(secretariat)
    other_cycle = AssessmentFactory(cycle=ReviewCycleFactory(year=2034), achievements="Elsewhere")
    exported = download(client, cycle, "ru", "xlsx")
    key = f"assessment-{assessment.pk}/achievements"
    book = openpyxl.load_workbook(io.BytesIO(fill_workbook(exported, {key: "Хороший перевод"})))
    sheet = book["translations"]
    sheet.append([f"assessment-{other_cycle.pk}/achievements", "", "", "en", "0" * 64, "Elsewhere", "Чужой"])
    sheet.append(["assessment-999999/achievements", "", "", "en", "0" * 64, "", "Несуществующий"])
    out = io.BytesIO()
    book.save(out)
    response = upload(client, cycle, "ru", "ru.xlsx", out.getvalue())
    html = response.content.decode()
    assert response.status_code == 400
    assert html.count("not a text of this cycle") == 2
    assert "Nothing was saved" in html
    assert client.post(reverse("translations:translation-apply", args=[cycle.pk])).status_code == 302  # nothing kept
    assert not NarrativeTranslation.objects.exists()


def test_a_source_changed_after_the_export_is_not_overwritten_by_an_old_translation(
    cycle, assessment, secretariat, login
):
    client = login(secretariat)
    key = f"assessment-{assessment.pk}/achievements"
    filled = fill_workbook(download(client, cycle, "ru", "xlsx"), {key: "Перевод старого текста"})
    assessment.achievements = "A new text, written after the export."
    assessment.save()
    response = upload(client, cycle, "ru", "ru.xlsx", filled)
    assert response.status_code == 400
    assert "the source text changed after the export" in response.content.decode()

    # Changed between the preview and the confirmation: refused at the confirmation, too.
    filled = fill_workbook(download(client, cycle, "ru", "xlsx"), {key: "Перевод нового текста"})
    assert upload(client, cycle, "ru", "ru.xlsx", filled).status_code == 200
    assessment.achievements = "Edited once more while the preview was open."
    assessment.save()
    response = client.post(reverse("translations:translation-apply", args=[cycle.pk]))
    assert response.status_code == 409
    assert not NarrativeTranslation.objects.exists()


def test_a_changed_column_layout_is_refused(cycle, assessment, secretariat, login):
    client = login(secretariat)
    book = openpyxl.load_workbook(io.BytesIO(download(client, cycle, "ru", "xlsx")))
    book["translations"].delete_cols(2)
    out = io.BytesIO()
    book.save(out)
    response = upload(client, cycle, "ru", "ru.xlsx", out.getvalue())
    assert response.status_code == 400 and "columns were changed" in response.content.decode()


def test_section_texts_and_key_messages_make_the_round_trip_too(cycle, assessment, secretariat, login):
    from drafts.models import ReportSection
    from inputs.models import Consultation

    ReportSection.ensure_outline(cycle)
    introduction = ReportSection.objects.get(cycle=cycle, kind="introduction")
    introduction.body_en = "Belarus reports for the third time."
    introduction.save()
    consultation = Consultation.objects.create(
        cycle=cycle, title_en="Hearing", held_on="2029-10-14", format="hearing", key_messages_en="- Health care"
    )
    client = login(secretariat)
    exported = download(client, cycle, "be", "xlsx")
    keys = [
        row[0]
        for row in list(openpyxl.load_workbook(io.BytesIO(exported))["translations"].iter_rows(values_only=True))[1:]
    ]
    section_key, consultation_key = f"section-{introduction.pk}/body", f"consultation-{consultation.pk}/key_messages"
    assert keys == [f"assessment-{assessment.pk}/achievements", section_key, consultation_key]

    # An editor has the outline open meanwhile: after the import, their save is a conflict, not an overwrite.
    version = introduction.version
    filled = fill_workbook(
        exported, {section_key: "Беларусь справаздае ў трэці раз.", consultation_key: "- Медыцынская дапамога"}
    )
    assert upload(client, cycle, "be", "be.xlsx", filled).status_code == 200
    assert client.post(reverse("translations:translation-apply", args=[cycle.pk])).status_code == 302
    introduction.refresh_from_db()
    consultation.refresh_from_db()
    assert introduction.body_be == "Беларусь справаздае ў трэці раз." and introduction.text_state("be") == "current"
    assert introduction.version == version + 1
    assert consultation.key_messages_be == "- Медыцынская дапамога" and consultation.text_state("be") == "current"
    assert not NarrativeTranslation.objects.filter(language="be").exclude(field="achievements").exists()

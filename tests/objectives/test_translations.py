"""The GCM frame in Russian and Belarusian: working translations marked as such, official texts loaded
from a file (issue 11)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook

from objectives.models import GuidingPrinciple, Objective
from objectives.translations_io import TranslationFileError, load, read

pytestmark = pytest.mark.django_db


def client_in(login, user, language: str):
    client = login(user)
    client.cookies["django_language"] = language
    return client


def test_objectives_and_principles_ship_in_russian_and_belarusian_marked_as_working_translations():
    objective = Objective.objects.get(number=5)
    assert objective.short_name_ru == "Легальные пути" and objective.short_name_be == "Легальныя шляхі"
    assert objective.is_working_translation("ru") and objective.is_working_translation("be")
    assert Objective.objects.filter(title_ru__isnull=False, title_be__isnull=False).count() == 23
    assert GuidingPrinciple.objects.filter(name_ru__isnull=False, name_be__isnull=False).count() == 10
    with translation.override("ru"):
        assert objective.short_name == "Легальные пути"
    with translation.override("en"):
        assert objective.short_name == "Regular pathways"  # the source is untouched


def test_the_russian_objective_page_is_in_russian_and_tells_the_secretariat_it_is_a_working_translation(
    secretariat, observer, login
):
    url = reverse("reviews:objective-detail", args=[5])
    page = client_in(login, secretariat, "ru").get(url).text
    assert "Повышение доступности и гибкости путей легальной миграции" in page
    assert "Enhance availability and flexibility" not in page
    assert "Рабочий перевод, не официальный текст ООН" in page
    observer_page = client_in(login, observer, "ru").get(url).text
    assert "Рабочий перевод" not in observer_page and "Working translation" not in observer_page
    english = client_in(login, secretariat, "en").get(url).text
    assert "Enhance availability and flexibility of pathways for regular migration" in english
    assert "Working translation" not in english


def test_the_russian_dashboard_names_the_objectives_in_russian(observer, login):
    from tests.factories import AssessmentFactory, ReviewCycleFactory

    AssessmentFactory(cycle=ReviewCycleFactory(year=2030))
    page = client_in(login, observer, "ru").get(reverse("reviews:dashboard")).text
    assert "Легальные пути" in page and "Regular pathways" not in page


def test_official_texts_from_a_spreadsheet_replace_the_working_translation(tmp_path):
    book = Workbook()
    book.active.append(["kind", "key", "field", "language", "text"])
    book.active.append(["objective", "5", "title", "ru", "Официальный текст цели 5"])
    book.active.append(["principle", "f", "name", "be", "Правы чалавека (афіцыйна)"])
    path = tmp_path / "official.xlsx"
    book.save(path)
    call_command("load_translations", str(path), "--official", stdout=io.StringIO())
    objective, principle = Objective.objects.get(number=5), GuidingPrinciple.objects.get(letter="f")
    assert objective.title_ru == "Официальный текст цели 5" and not objective.is_working_translation("ru")
    assert objective.is_working_translation("be")  # only the languages loaded as official are cleared
    assert principle.name_be == "Правы чалавека (афіцыйна)" and not principle.is_working_translation("be")


def test_the_official_english_wording_of_actions_replaces_the_summaries():
    from objectives.models import Action

    content = (
        "kind,key,field,language,text\n"
        "action,5(c),summary,en,The official English wording of action 5(c)\n"
        "action,5(c),summary,ru,Официальный текст действия 5(c)\n"
    ).encode()
    assert load(read(content, "actions.csv"), official=True) == 2
    action = Action.objects.get(objective__number=5, letter="c")
    assert action.summary_en == "The official English wording of action 5(c)"
    assert action.summary_ru == "Официальный текст действия 5(c)"


def test_a_bad_translation_file_changes_nothing_and_says_why(tmp_path):
    content = (
        "kind,key,field,language,text\n"
        "objective,5,title,ru,Новый текст\n"
        "objective,24,title,ru,Нет такой цели\n"
        "objective,5,paragraph,ru,17\n"
        "objective,5,title,en,English is the source\n"
        "principle,a,name,ru,\n"
    ).encode()
    with pytest.raises(TranslationFileError) as error:
        load(read(content, "t.csv"), official=True)
    assert error.value.errors == [
        "Line 3: no objective “24”.",
        "Line 4: “paragraph” is not translated.",
        "Line 5: “en” is not a language to translate into.",
        "Line 6: the text is empty.",
    ]
    assert Objective.objects.get(number=5).title_ru != "Новый текст"
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"not a spreadsheet")
    with pytest.raises(CommandError, match="Nothing was loaded"):
        call_command("load_translations", str(path))
    with pytest.raises(TranslationFileError, match="first row must name the columns"):
        read(b"a,b\n1,2\n", "t.csv")

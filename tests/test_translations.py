"""Every user-facing string has a Russian translation from the start."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = Path("locale") / "ru" / "LC_MESSAGES" / "django.po"


def problems(po: polib.POFile) -> list[str]:
    """The msgids that are untranslated or fuzzy."""
    return [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]


def test_russian_catalogue_is_complete_and_not_fuzzy():
    po = polib.pofile(str(ROOT / CATALOGUE))
    assert len(po.translated_entries()) > 100
    assert problems(po) == []
    assert not po.metadata_is_fuzzy


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="needs GNU gettext (apt-get install gettext)")
def test_no_string_in_the_code_is_missing_from_the_russian_catalogue(tmp_path):
    # Extract the strings of a copy of the source tree, as `make messages` would,
    # and check that nothing new (hence untranslated) turns up.
    copy = tmp_path / "src"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "var", ".git", "node_modules", "*.mo"))
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ru", "--no-location", "--ignore=var", "--ignore=tests"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    po = polib.pofile(str(copy / CATALOGUE))
    assert problems(po) == [], "run `make messages` and translate the new strings"


def test_russian_labels_are_served(observer, login):
    client = login(observer)
    client.cookies["django_language"] = "ru"
    html = client.get("/").content.decode()
    assert "23 цели Глобального договора о миграции" in html
    assert "Круглый стол 1" in html
    assert '<html lang="ru">' in html


def test_an_inputs_draft_status_is_not_a_review_draft():
    from django.utils import translation

    from inputs.models import Input

    with translation.override("ru"):
        assert str(Input.Status.DRAFT.label) == "Черновик"


def test_belarusian_dates_and_numbers_follow_belarusian_patterns():
    import datetime

    from django.utils import formats, translation

    moment = datetime.datetime(2026, 5, 5, 7, 2)
    with translation.override("be"):
        assert formats.date_format(moment, "DATE_FORMAT") == "5 траўня 2026 г."
        assert formats.date_format(moment, "DATETIME_FORMAT") == "5 траўня 2026 г. 7:02"
        assert formats.number_format(1234567.5, 1, use_l10n=True, force_grouping=True) == "1\xa0234\xa0567,5"

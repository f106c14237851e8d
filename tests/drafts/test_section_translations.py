"""The texts of the outline's sections have a source language; a translation records the source it was
made from, so editing the source shows it outdated on the translations page and in the outline (issue 11)."""

import pytest
from django.urls import reverse

from drafts.models import ReportSection
from tests.drafts.test_drafts import outline_data as drafts_outline_data
from tests.factories import ReviewCycleFactory

pytestmark = pytest.mark.django_db


def outline_data(sections, introduction: str) -> dict:
    """The outline form as sent, with the introduction's text in the page's language."""
    index = next(i for i, section in enumerate(sections) if section.kind == "introduction")
    return drafts_outline_data(sections, **{f"sections-{index}-body": introduction})


def test_editing_the_source_marks_the_translation_outdated(secretariat, login):
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF (2030)")
    ReportSection.ensure_outline(cycle)
    client = login(secretariat)
    url = reverse("drafts:outline-update", args=[cycle.pk])
    status = reverse("translations:translation-status", args=[cycle.pk])

    def sections():
        return list(ReportSection.objects.for_cycle(cycle))

    # The English source, then its Russian translation written on the Russian page.
    client.post(url, outline_data(sections(), "Belarus reports for the third time."))
    client.cookies["django_language"] = "ru"
    client.post(url, outline_data(sections(), "Беларусь отчитывается в третий раз."))
    introduction = ReportSection.objects.get(cycle=cycle, kind="introduction")
    assert introduction.body_en == "Belarus reports for the third time."
    assert introduction.body_ru == "Беларусь отчитывается в третий раз."
    assert [introduction.text_state(code) for code in ("en", "ru", "be")] == ["source", "current", "missing"]

    # The source is edited: the Russian text is outdated, on the status page and beside it in the outline.
    client.cookies["django_language"] = "en"
    client.post(url, outline_data(sections(), "Belarus reports for the third time, in 2030."))
    introduction.refresh_from_db()
    assert introduction.text_state("ru") == "outdated"
    page = client.get(status, {"state": "outdated"}).content.decode()
    assert "Introduction" in page and "Outdated" in page
    client.cookies["django_language"] = "ru"
    outline = client.get(url).content.decode()
    assert "in 2030." in outline  # the new source, shown beside the Russian text to bring up to date

    # Translated again: current.
    client.post(url, outline_data(sections(), "Беларусь отчитывается в третий раз, в 2030 году."))
    introduction.refresh_from_db()
    assert introduction.text_state("ru") == "current"
    assert "Introduction" not in client.get(status, {"state": "outdated"}).content.decode()

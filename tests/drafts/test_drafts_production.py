"""Drafts built with production static files: collected, hashed names (manifest), compressed by whitenoise.

The print stylesheet once went missing in production only (the fetcher looked for `print.<hash>.css`
among the source files) and the job still said "Done"; these tests build the draft as production does.
"""

import datetime
import io
import re
import shutil

import pytest
import time_machine
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.test import override_settings
from pypdf import PdfReader

from drafts.draft_data import collect
from drafts.models import ExportJob
from drafts.pdf import PortalStaticFetcher, render_html, render_pdf
from drafts.tasks import export_draft_task
from objectives.models import Objective
from tests.factories import AssessmentFactory, ExportJobFactory, ReviewCycleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """`collectstatic` once per session with the production storage, as the README's production steps run it."""
    from django.conf import settings

    root = tmp_path_factory.mktemp("static")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": settings.PRODUCTION_STATIC_STORAGE}}
    with override_settings(STATIC_ROOT=root, STORAGES=storages, DEBUG=False):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def production_static(settings, collected_static, tmp_path):
    """Production's static settings over a private copy of the collected files (a test may break its copy)."""
    root = tmp_path / "static"
    shutil.copytree(collected_static, root)
    settings.DEBUG = False
    settings.STATIC_ROOT = root
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": settings.PRODUCTION_STATIC_STORAGE}}
    return root


def build(job: ExportJob) -> tuple[bytes, int, list[str]]:
    data = collect(job)
    fetcher = PortalStaticFetcher(charts=data.chart_images)
    pdf, pages = render_pdf(render_html(data), fetcher=fetcher)
    # The draft's charts are drawn in memory; the static files are what differs in production.
    return pdf, pages, [url for url in fetcher.requested if "/charts/" not in url]


def page_texts(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def font_names(pdf: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(pdf))
    return {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}


@time_machine.travel(datetime.datetime(2026, 5, 4, 10, 30, tzinfo=datetime.UTC), tick=False)
def test_draft_is_the_same_with_production_static_files(settings, collected_static, tmp_path):
    cycle = ReviewCycleFactory(year=2030, level="global", name="Third International Migration Review Forum")
    AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=5), achievements="Labour pathways.")
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=n) for n in (5, 6)])
    settings.DEBUG = True  # as `make run` serves it
    development_pdf, development_pages, development_requests = build(job)
    assert development_requests == ["https://portal.invalid/static/css/print.css"]

    settings.DEBUG = False
    settings.STATIC_ROOT = collected_static
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": settings.PRODUCTION_STATIC_STORAGE}}
    pdf, pages, requested = build(job)

    hashed = r"https://portal\.invalid/static/css/print\.[0-9a-f]{12}\.css"
    assert len(requested) == 1 and re.fullmatch(hashed, requested[0])
    assert pages == development_pages
    development_text, text = page_texts(development_pdf), page_texts(pdf)
    assert text[:2] == development_text[:2]
    # The cover stands alone on page 1; page 2 holds the contents, with page numbers.
    assert "DRAFT" in text[0] and "Contents" not in text[0]
    assert "Contents" in text[1] and re.search(r"Introduction \.* ?\d+", text[1])
    assert re.search(r"Page 3 of \d+", text[2])
    fonts = font_names(pdf)
    assert fonts and all("DejaVu-Sans" in name and "Serif" not in name for name in fonts), fonts


def test_fetcher_reads_hashed_names_of_the_collected_files(production_static):
    hashed = next((production_static / "css").glob("print.*.css")).name
    response = PortalStaticFetcher().fetch(f"https://portal.invalid/static/css/{hashed}")
    assert b"@page" in response.read()
    for url in ("https://portal.invalid/static/../media/x.pdf", "https://portal.invalid/static//etc/passwd"):
        with pytest.raises(ValueError):
            PortalStaticFetcher().fetch(url)


def test_export_whose_stylesheet_is_missing_fails_with_the_reason(
    production_static, eager_celery, settings, secretariat, login
):
    settings.EXPORT_RETRY_DELAY = 0
    for path in (production_static / "css").glob("print.*"):
        path.unlink()  # collected under its hashed name in the manifest, but gone from the disk
    cycle = ReviewCycleFactory(year=2030)
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=1)])
    export_draft_task.delay(job.pk)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED and job.attempts == ExportJob.MAX_ATTEMPTS
    assert "could not be loaded" in job.error and "css/print." in job.error
    assert not job.pdf
    page = login(secretariat).get(job.get_absolute_url()).content.decode()
    assert "A file the draft needs could not be loaded: No such static file: css/print." in page


def test_export_whose_stylesheet_is_missing_in_development_fails_too(eager_celery, settings, monkeypatch, tmp_path):
    settings.EXPORT_RETRY_DELAY = 0
    original = finders.find
    monkeypatch.setattr(finders, "find", lambda path, **kw: None if path == "css/print.css" else original(path, **kw))
    settings.STATIC_ROOT = tmp_path / "nothing-collected"
    job = ExportJobFactory(cycle=ReviewCycleFactory(year=2030), objectives=[Objective.objects.get(number=1)])
    export_draft_task.delay(job.pk)
    job.refresh_from_db()
    assert job.status == ExportJob.Status.FAILED
    assert "No such static file: css/print.css" in job.error

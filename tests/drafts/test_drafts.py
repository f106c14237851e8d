import datetime
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from pypdf import PdfReader

from drafts.draft_data import collect
from drafts.models import ExportJob, ReportSection
from drafts.pdf import PortalStaticFetcher, render_html, render_pdf
from drafts.report import build_export
from drafts.tasks import export_draft_task, requeue_stuck_exports_task
from objectives.models import Objective
from tests.factories import AssessmentFactory, ExportJobFactory, ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db
STALE = datetime.timedelta(minutes=5)


def pdf_text(job: ExportJob) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(job.pdf.path).pages)


def docx_text(job: ExportJob) -> str:
    return "\n".join(p.text for p in Document(job.docx.path).paragraphs)


@pytest.fixture
def cycle():
    return ReviewCycleFactory(year=2030, level="global", name="Third International Migration Review Forum")


def test_draft_has_every_section_and_the_23_objectives_in_outline_order(cycle):
    AssessmentFactory(
        cycle=cycle, objective=Objective.objects.get(number=10), achievements="A national referral mechanism."
    )
    job = finished_export(cycle=cycle)
    assert job.status == "done" and job.pdf_pages >= 10
    text = re.sub(r"\s+", " ", pdf_text(job))
    assert "Third International Migration Review Forum" in text and "DRAFT" in text
    for section in ReportSection.objects.for_cycle(cycle):
        assert section.display_title in text
    # The IMRF draft follows the round tables: objective 2 (RT1) comes before objective 1 (RT4).
    positions = [
        text.find(f"Objective {o.number}: {o.short_name}", text.find("Progress on the GCM objectives", 2000))
        for o in Objective.objects.all()
    ]
    assert all(p > 0 for p in positions)
    round_table_order = [
        o.number for o in sorted(Objective.objects.all(), key=lambda o: (o.round_table.number, o.number))
    ]
    assert sorted(range(1, 24), key=lambda n: positions[n - 1]) == round_table_order
    assert "A national referral mechanism." in text
    assert re.search(r"Page 2 of \d+", text)
    assert job.pdf_size == Path(job.pdf.path).stat().st_size and len(job.pdf_sha256) == 64
    reader = PdfReader(job.pdf.path)
    assert reader.metadata.title.startswith("Voluntary national review of Belarus")
    assert len(reader.outline) >= 8  # PDF bookmarks for the sections


def test_regional_draft_follows_the_objectives_order(cycle):
    cycle.level = "regional"
    cycle.save()
    text = pdf_text(finished_export(cycle=cycle, include_annexes=False))
    body = text[text.find("Progress on the GCM objectives", 2000) :]
    assert body.find("Objective 1: Data") < body.find("Objective 2: Minimize adverse drivers")
    assert "UNECE regional review" in text
    assert "Annex 2. Statistical annex" not in text


def test_docx_has_the_same_headings(cycle):
    job = finished_export(cycle=cycle)
    document = Document(job.docx.path)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in ReportSection.objects.for_cycle(cycle):
        assert any(section.display_title in h for h in headings)
    assert sum(h.startswith("Objective ") for h in headings) == 23
    assert document.core_properties.title.startswith("Voluntary national review of Belarus")


def test_russian_draft_has_russian_labels_and_belarusian_letters(cycle):
    cycle.name = "Агляд міграцыі ў 2030 годзе"
    cycle.save()
    job = finished_export(cycle=cycle, language="ru", objectives=[Objective.objects.get(number=4)])
    text = pdf_text(job)
    assert "Содержание" in text and "ЧЕРНОВИК" in text and "Страница 2 из" in text
    assert "Агляд міграцыі ў 2030 годзе" in text  # і and ў survive: the font covers them
    fonts = {str(f) for page in PdfReader(job.pdf.path).pages for f in page["/Resources"]["/Font"].values()}
    assert fonts
    assert "Содержание" in docx_text(job)


@pytest.mark.parametrize(("language", "tag"), [("ru", "ru-RU"), ("be", "be-BY"), ("en", "en-GB")])
def test_the_draft_s_language_is_set_on_the_pdf_and_as_word_s_proofing_language(cycle, language, tag):
    import zipfile

    job = finished_export(cycle=cycle, language=language, objectives=[Objective.objects.get(number=4)])
    assert PdfReader(job.pdf.path).trailer["/Root"]["/Lang"] == language
    styles = zipfile.ZipFile(job.docx.path).read("word/styles.xml").decode()
    assert re.findall(r'<w:lang w:val="([^"]+)"', styles) == [tag]


def structure_tags(path) -> set[str]:
    """The kinds of element in a PDF's structure tree (empty when the PDF is not tagged)."""
    root = PdfReader(path).trailer["/Root"]
    found, stack = set(), [root["/StructTreeRoot"]] if "/StructTreeRoot" in root else []
    while stack:
        node = stack.pop().get_object()
        if hasattr(node, "keys"):
            found.add(str(node.get("/S", "")))
            kids = node.get("/K")
            stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    return found - {""}


def test_the_pdf_is_tagged_for_screen_readers_with_headings_lists_and_tables(cycle):
    AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=4))
    job = finished_export(cycle=cycle, language="ru", objectives=[Objective.objects.get(number=4)])
    root = PdfReader(job.pdf.path).trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and root["/Lang"] == "ru"
    assert {"/H1", "/H2", "/L", "/LI", "/Table", "/TH", "/TD", "/P"} <= structure_tags(job.pdf.path)


def test_a_russian_draft_names_the_objectives_and_the_cycle_in_russian(cycle):
    cycle.name_en, cycle.name_ru = "Third IMRF (2030)", "Третий МФОМ (2030)"
    cycle.save()
    job = finished_export(cycle=cycle, language="ru", objectives=[Objective.objects.get(number=4)])
    text = " ".join(pdf_text(job).split())
    assert "Обеспечение наличия у всех мигрантов доказательства законной личности" in text
    assert "Третий МФОМ (2030)" in text and "Third IMRF" not in text
    assert "Ensure that all migrants have proof of legal identity" not in text
    english = " ".join(
        pdf_text(finished_export(cycle=cycle, language="en", objectives=[Objective.objects.get(number=4)])).split()
    )
    assert "Ensure that all migrants have proof of legal identity" in english and "Third IMRF (2030)" in english


def test_hostile_narrative_fetches_nothing_and_attaches_nothing(cycle):
    hostile = (
        '<img src="http://169.254.169.254/latest/meta-data/"> ![x](http://10.0.0.1/x.png) '
        '[passwd](file:///etc/passwd) <link rel="attachment" href="file:///etc/passwd"> '
        "<script>alert(1)</script>"
    )
    AssessmentFactory(cycle=cycle, achievements=hostile)
    ReportSection.ensure_outline(cycle)
    ReportSection.objects.filter(cycle=cycle, kind="opening").update(body=hostile)
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=1)])
    data = collect(job)
    fetcher = PortalStaticFetcher(charts=data.chart_images)
    pdf, _pages = render_pdf(render_html(data), fetcher=fetcher)
    # The stylesheet and the draft's own charts, drawn in memory; nothing the narrative names.
    assert set(fetcher.requested) <= {
        "https://portal.invalid/static/css/print.css",
        "https://portal.invalid/charts/status.svg",
        "https://portal.invalid/charts/round_tables.svg",
    }
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.attachments == {}
    assert b"/EmbeddedFile" not in pdf and b"file:///etc/passwd" not in pdf and b"169.254" not in pdf


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1/static/css/print.css",
        "https://example.org/static/css/print.css",
        "https://portal.invalid/static/../../../etc/passwd",
        "https://portal.invalid/media/exports/1/x.pdf",
        "data:text/plain,hello",
    ],
)
def test_fetcher_refuses_everything_but_static_files(url):
    with pytest.raises(ValueError):
        PortalStaticFetcher().fetch(url)


def test_fetcher_serves_the_print_stylesheet():
    response = PortalStaticFetcher().fetch("https://portal.invalid/static/css/print.css")
    assert b"@page" in response.read()


def test_running_a_job_twice_leaves_one_file(cycle, eager_celery):
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=3)])
    assert export_draft_task(job.pk) == "done"
    assert export_draft_task(job.pk) == "skipped"  # a second delivery finds the job finished
    job.refresh_from_db()
    ExportJob.objects.filter(pk=job.pk).update(status="running", heartbeat_at="2000-01-01T00:00Z")
    assert export_draft_task(job.pk) == "done"  # a stale job is taken again and its files replaced
    files = sorted(p.name for p in Path(job.pdf.path).parent.iterdir())
    assert len(files) == 3 and [f.rsplit(".", 1)[-1] for f in files] == ["docx", "gz", "pdf"]


def test_a_job_that_always_crashes_fails_after_three_attempts(cycle, eager_celery, settings):
    settings.EXPORT_RETRY_DELAY = 0
    ReportSection.ensure_outline(cycle)
    ReportSection.objects.filter(cycle=cycle, kind="means").update(kind="corrupted")
    job = ExportJobFactory(cycle=cycle)
    export_draft_task.delay(job.pk)
    job.refresh_from_db()
    assert job.status == "failed" and job.attempts == 3
    assert "unknown kind: corrupted" in job.error
    assert not job.pdf


def test_sweeper_requeues_a_job_whose_worker_died(cycle, eager_celery):
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=3)])
    ExportJob.claim(job.pk, stale_after=STALE)  # a worker took it ...
    ExportJob.objects.filter(pk=job.pk).update(heartbeat_at="2000-01-01T00:00Z")  # ... and died
    assert requeue_stuck_exports_task() == 1
    job.refresh_from_db()
    assert job.status == "done" and job.attempts == 2
    assert requeue_stuck_exports_task() == 0


def test_a_task_delivered_again_after_its_worker_died_resumes_its_own_attempt_at_once(cycle):
    job = ExportJobFactory(cycle=cycle)
    assert ExportJob.claim(job.pk, stale_after=STALE, task_id="task-1")  # heartbeat fresh, worker then killed
    assert ExportJob.claim(job.pk, stale_after=STALE, task_id="task-2") is None  # another task: someone has it
    again = ExportJob.claim(job.pk, stale_after=STALE, task_id="task-1")  # the broker's redelivery of task-1
    assert again is not None and again.attempts == 2 and again.task_id == "task-1"


def test_the_sweeper_sends_a_job_the_broker_never_took_after_a_short_wait_only(cycle, eager_celery, settings):
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=3)])
    settings.EXPORT_UNSENT_AFTER = 30
    assert requeue_stuck_exports_task() == 0  # just requested: its own send may still be on its way
    ExportJob.mark_sent(job.pk)
    ExportJob.objects.filter(pk=job.pk).update(requested_at="2000-01-01T00:00Z")
    ExportJob.objects.filter(pk=job.pk).update(status="running", heartbeat_at=timezone.now())
    assert requeue_stuck_exports_task() == 0  # sent and being worked on: left alone
    ExportJob.objects.filter(pk=job.pk).update(status="queued", heartbeat_at=None, sent_at=None)
    assert requeue_stuck_exports_task() == 1  # never sent (broker away), waited long enough
    job.refresh_from_db()
    assert job.status == "done" and job.sent_at is not None and job.attempts == 1


def test_sweeper_fails_a_job_out_of_attempts(cycle, eager_celery):
    job = ExportJobFactory(cycle=cycle)
    ExportJob.objects.filter(pk=job.pk).update(status="running", attempts=3, heartbeat_at="2000-01-01T00:00Z")
    requeue_stuck_exports_task()
    job.refresh_from_db()
    assert job.status == "failed" and "3 attempts" in job.error


def test_export_page_flow(cycle, secretariat, login, eager_celery, django_capture_on_commit_callbacks):
    client = login(secretariat)
    url = reverse("drafts:export-list", args=[cycle.pk])
    assert "Export a new draft" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"language": "en", "objectives": [Objective.objects.get(number=1).pk], "include_annexes": "on"}
        )
    job = ExportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.requested_by == secretariat and list(job.objectives.values_list("number", flat=True)) == [1]
    status = client.get(reverse("drafts:export-status", args=[job.pk])).json()
    assert status["status"] == "done" and status["progress"] == 100 and status["finished"]
    page = client.get(job.get_absolute_url()).content.decode()
    assert job.pdf_sha256 in page and "Download the PDF" in page
    download = client.get(reverse("drafts:export-download", args=[job.pk, "pdf"]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.get(reverse("drafts:export-download", args=[job.pk, "exe"])).status_code == 404
    assert cycle.name in client.get(url).content.decode()


def test_export_form_rejects_bad_input(cycle, secretariat, login):
    response = login(secretariat).post(
        reverse("drafts:export-list", args=[cycle.pk]), {"language": "fr", "objectives": [9999]}
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not ExportJob.objects.exists()


def test_retry_of_a_failed_export(cycle, agency_staff, login, eager_celery, django_capture_on_commit_callbacks):
    job = ExportJobFactory(
        cycle=cycle, status="failed", attempts=3, error="Boom", objectives=[Objective.objects.get(number=2)]
    )
    with django_capture_on_commit_callbacks(execute=True):
        login(agency_staff).post(reverse("drafts:export-retry", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == "done" and job.attempts == 1 and job.error == ""


def test_outline_is_configurable_per_cycle(cycle, secretariat, login):
    sections = ReportSection.ensure_outline(cycle)
    data = {"sections-TOTAL_FORMS": len(sections) + 1, "sections-INITIAL_FORMS": len(sections)}
    for i, section in enumerate(sections):
        data.update(
            {
                f"sections-{i}-id": section.pk,
                f"sections-{i}-title": "",
                f"sections-{i}-position": section.position,
                f"sections-{i}-enabled": "on",
                f"sections-{i}-body": "",
            }
        )
    data["sections-0-title"] = "Foreword by the Minister"
    data["sections-0-position"] = 95
    n = len(sections)
    data.update(
        {
            f"sections-{n}-title": "Pledges",
            f"sections-{n}-position": 5,
            f"sections-{n}-enabled": "on",
            f"sections-{n}-body": "Belarus pledged to ...",
        }
    )
    response = login(secretariat).post(reverse("drafts:outline-update", args=[cycle.pk]), data)
    assert response.status_code == 302
    titles = [s.display_title for s in ReportSection.objects.for_cycle(cycle)]
    assert titles[0] == "Pledges" and titles[-1] == "Foreword by the Minister"
    text = pdf_text(finished_export(cycle=cycle, objectives=[Objective.objects.get(number=1)]))
    assert text.find("Pledges") < text.find("Foreword by the Minister")
    assert "Belarus pledged to" in text


def outline_data(sections, **changes) -> dict:
    data = {"sections-TOTAL_FORMS": len(sections), "sections-INITIAL_FORMS": len(sections)}
    for i, section in enumerate(sections):
        data.update(
            {
                f"sections-{i}-id": section.pk,
                f"sections-{i}-version": section.version,
                f"sections-{i}-title": section.title,
                f"sections-{i}-position": section.position,
                f"sections-{i}-enabled": "on",
                f"sections-{i}-body": section.body,
            }
        )
    data.update(changes)
    return data


def test_two_editors_of_the_outline_do_not_overwrite_each_other(cycle, secretariat, login):
    url = reverse("drafts:outline-update", args=[cycle.pk])
    sections = ReportSection.ensure_outline(cycle)  # both editors open version 1 of every section
    first = login(secretariat).post(url, outline_data(sections, **{"sections-1-body": "The Ministry's text."}))
    assert first.status_code == 302

    stale = outline_data(sections, **{"sections-1-body": "Older text.", "sections-2-title": "Method"})
    response = login(secretariat).post(url, stale)
    assert response.status_code == 409
    assert "Someone saved these sections after you opened the outline: Introduction." in response.text
    assert "Older text." in response.text  # the typed text is kept in the form
    saved = ReportSection.objects.for_cycle(cycle)
    assert saved[1].body == "The Ministry's text." and saved[2].title == ""  # nothing of the stale save

    rebound = {**stale, "sections-1-version": saved[1].version}  # the form now carries the newer version
    assert login(secretariat).post(url, rebound).status_code == 302
    saved = ReportSection.objects.for_cycle(cycle)
    assert saved[1].body == "Older text." and saved[2].title == "Method" and saved[1].version == 3


def test_collect_uses_a_fixed_number_of_queries(cycle, django_assert_max_num_queries):
    from demo.seed import grow_tenfold

    AssessmentFactory(cycle=cycle)
    job = ExportJobFactory(cycle=cycle)
    ReportSection.ensure_outline(cycle)
    with django_assert_max_num_queries(50):
        collect(job)
    grow_tenfold()
    with django_assert_max_num_queries(50):
        collect(job)


def test_build_export_reports_each_stage(cycle):
    job = ExportJobFactory(cycle=cycle, objectives=[Objective.objects.get(number=1)])
    claimed = ExportJob.claim(job.pk, stale_after=STALE)
    stages = []
    original = ExportJob.report

    def spy(self, stage, progress):
        stages.append((stage, progress))
        original(self, stage, progress)

    ExportJob.report = spy
    try:
        build_export(claimed)
    finally:
        ExportJob.report = original
    assert [s for s, _ in stages] == ["collecting", "rendering_html", "rendering_pdf", "saving"]
    assert [p for _, p in stages] == sorted(p for _, p in stages)


def test_drafts_are_offered_and_built_in_every_portal_language(cycle, secretariat, login, settings):
    page = login(secretariat).get(reverse("drafts:export-list", args=[cycle.pk])).content.decode()
    for code, _name in settings.LANGUAGES:
        assert f'<option value="{code}"' in page
    job = finished_export(cycle=cycle, language="be", objectives=[Objective.objects.get(number=2)])
    text = pdf_text(job)
    assert job.status == "done" and "Змест" in text and "ЧАРНАВІК" in text
    months = "студзеня|лютага|сакавіка|красавіка|траўня|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня"
    assert re.search(rf"\b\d{{1,2}} ({months}) \d{{4}} г\.", text)  # Belarusian dates, not "траўня 5, 2026"


def test_the_outline_page_shows_the_default_outline_and_stores_it_on_post_only(cycle, secretariat, login):
    client = login(secretariat)
    url = reverse("drafts:outline-update", args=[cycle.pk])
    page = client.get(url).content.decode()
    assert "This cycle uses the default outline:" in page and "Progress on the GCM objectives" in page
    assert not ReportSection.objects.filter(cycle=cycle).exists()  # reading wrote nothing
    assert client.post(url)["Location"] == url
    assert ReportSection.objects.filter(cycle=cycle).count() == len(ReportSection.DEFAULT_OUTLINE)
    assert 'name="sections-TOTAL_FORMS"' in client.get(url).content.decode()


def test_every_kind_of_section_has_a_template_and_a_docx_writer():
    from django.template.loader import get_template

    from drafts.docx_report import SECTION_WRITERS

    assert set(SECTION_WRITERS) == set(ReportSection.Kind.values)
    for kind in ReportSection.Kind.values:
        assert get_template(ReportSection(kind=kind).template_name)


def test_an_empty_text_section_says_so_in_both_files(cycle):
    ReportSection.ensure_outline(cycle)
    job = finished_export(cycle=cycle, objectives=[Objective.objects.get(number=1)])
    assert "[To be drafted by the lead ministry]" in pdf_text(job)
    assert "[To be drafted by the lead ministry]" in docx_text(job)


def test_a_person_has_at_most_three_drafts_being_built(cycle, agency_staff, secretariat, login):
    for status in ("queued", "running", "queued"):
        ExportJobFactory(cycle=cycle, requested_by=agency_staff, status=status)
    ExportJobFactory(cycle=cycle, requested_by=agency_staff, status="done")
    url = reverse("drafts:export-list", args=[cycle.pk])
    response = login(agency_staff).post(url, {"language": "en"})
    assert response.status_code == 400
    assert "3 of your drafts are still being built" in response.content.decode()
    assert ExportJob.objects.count() == 4
    assert login(secretariat).post(url, {"language": "en"}).status_code == 302  # others are not held up


def test_the_word_draft_is_a4_with_a_running_header_and_page_x_of_y(cycle):
    import zipfile

    document = Document(finished_export(cycle=cycle, objectives=[Objective.objects.get(number=4)]).docx.path)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "Third International Migration Review Forum" in section.header.paragraphs[0].text
    assert section.different_first_page_header_footer  # a clean cover
    archive = zipfile.ZipFile(ExportJob.objects.latest("pk").docx.path)
    footers = "".join(archive.read(name).decode() for name in archive.namelist() if name.startswith("word/footer"))
    assert " PAGE " in footers and " NUMPAGES " in footers and "Draft" in footers
    body = archive.read("word/document.xml").decode()
    assert '<w:numId w:val="900"/>' in body and 'w:abstractNumId="900"' in archive.read("word/numbering.xml").decode()
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Introduction" in headings and not any(h[:1].isdigit() for h in headings)  # Word numbers them
    assert ' TOC \\o "1-3" \\h \\z \\u ' in body
    assert body.count('<w:tblHeader w:val="true"/>') == body.count("<w:tbl>")  # header rows repeat


def figures_with_alt_text(path) -> list[str]:
    """The /Alt of every /Figure in a PDF's structure tree."""
    root = PdfReader(path).trailer["/Root"]
    found, stack = [], [root["/StructTreeRoot"]] if "/StructTreeRoot" in root else []
    while stack:
        node = stack.pop().get_object()
        if hasattr(node, "keys"):
            if str(node.get("/S", "")) == "/Figure":
                found.append(str(node.get("/Alt", "")))
            kids = node.get("/K")
            stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    return found


def test_every_figure_of_the_pdf_has_alternative_text(cycle):
    AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=4), status="advanced")
    job = finished_export(cycle=cycle, objectives=[Objective.objects.get(number=4)])
    alts = figures_with_alt_text(job.pdf.path)
    assert alts and all(alts), alts
    assert any("how many of the 23 objectives stood at each progress status" in alt for alt in alts)


def test_the_word_draft_has_the_charts_as_pictures_with_alt_text_and_captions(cycle):
    import zipfile

    AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=4), status="advanced")
    job = finished_export(cycle=cycle, objectives=[Objective.objects.get(number=4)])
    archive = zipfile.ZipFile(job.docx.path)
    images = [name for name in archive.namelist() if name.startswith("word/media/")]
    assert images and all(archive.read(name).startswith(b"\x89PNG") for name in images)
    body = archive.read("word/document.xml").decode()
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', body)
    assert descriptions and any(
        "how many of the 23 objectives stood at each progress status" in d for d in descriptions
    )
    captions = [p.text for p in Document(job.docx.path).paragraphs if p.style.name == "Caption"]
    assert any(c.startswith("Figure 1. Objectives by progress status in each review") for c in captions)
    assert len(descriptions) == len(images) == sum(c.startswith("Figure ") for c in captions)

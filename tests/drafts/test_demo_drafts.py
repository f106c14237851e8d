"""The demo's drafts as a Ministry receives them, in English and Russian: the Word draft has every heading the PDF
has, no objective heading stands alone at the foot of a PDF page, and LibreOffice lays the Word draft out on A4
with its page numbers."""

import re
import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader

from demo.seed import seed
from objectives.models import Objective
from reviews.models import ReviewCycle
from tests.checkers import libreoffice_convert, require
from tests.factories import finished_export

pytestmark = pytest.mark.django_db

PAGE_OF = {"en": "Page {} of {}", "ru": "Страница {} из {}", "be": "Старонка {} з {}"}
STATUS_LINE = {"en": "Progress status:", "ru": "Статус прогресса:", "be": "Статус прагрэсу:"}
# Latin-script words a Russian or Belarusian draft may print: the names of the forum (proper names) and the
# abbreviation of a law's number as the Government writes it in its register ("No. 225-Z"). Single letters
# (the actions' letters) and acronyms in capitals (SDG, IOM, BY-01) are codes and always allowed.
ALLOWED_LATIN = {"International", "Migration", "Review", "Forum", "New", "York", "No"}
BELARUSIAN_MONTHS = (
    "студзеня|лютага|сакавіка|красавіка|траўня|чэрвеня|ліпеня|жніўня|верасня|кастрычніка|лістапада|снежня"
)


def latin_words(text: str) -> tuple[list[str], int]:
    """The Latin-script words of a text outside codes, acronyms and ALLOWED_LATIN, and the number of words."""
    words = re.findall(r"[^\W\d_]+", text)
    latin = [w for w in words if re.fullmatch(r"[A-Za-z]+", w) and len(w) > 1 and not w.isupper()]
    return [w for w in latin if w not in ALLOWED_LATIN], len(words)


def pdf_bookmarks(path) -> list[str]:
    def walk(items):
        for item in items:
            yield from walk(item) if isinstance(item, list) else [item.title]

    return [re.sub(r"^\d+\.\s+", "", title).strip() for title in walk(PdfReader(path).outline)]


def docx_headings(path) -> list[str]:
    levels = ("Heading 1", "Heading 2", "Heading 3")
    return [p.text.strip() for p in Document(path).paragraphs if p.style.name in levels]


def page_lines(pdf, number: int) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", "-f", str(number), "-l", str(number), pdf, "-"], capture_output=True, text=True
    ).stdout
    return [line.strip() for line in text.splitlines() if line.strip()]


def stranded_headings(pdf, pages: int, language: str) -> list[str]:
    """Chapter headings of objectives (followed by the objective's official title) whose page ends before the
    status line and two more lines of text."""
    objectives = {f"{o}": o.title[:25] for o in Objective.objects.all()}
    found = []
    for number in range(1, pages + 1):
        lines = [
            line for line in page_lines(pdf, number) if not re.search(PAGE_OF[language].format(r"\d+", r"\d+"), line)
        ]
        for index, line in enumerate(lines):
            title = objectives.get(line)
            rest = lines[index + 1 :]
            if title is None or not rest or not rest[0].startswith(title[:20]):
                continue  # not an objective's chapter heading (a policy or next-steps sub-heading)
            status = next((i for i, text in enumerate(rest) if text.startswith(STATUS_LINE[language])), None)
            if status is None or len(rest) - status - 1 < 2:
                found.append(f"page {number}: {line}")
    return found


@pytest.mark.parametrize("language", ["en", "ru", "be"])
def test_the_demo_draft_in_pdf_and_word(language, tmp_path):
    seed()
    job = finished_export(cycle=ReviewCycle.objects.get(year=2026), language=language)

    assert docx_headings(job.docx.path) == pdf_bookmarks(job.pdf.path)

    require(tmp_path, "pdftotext", "pdfinfo")
    assert stranded_headings(job.pdf.path, job.pdf_pages, language) == []
    text = subprocess.run(["pdftotext", job.pdf.path, "-"], capture_output=True, text=True, check=True).stdout
    if language != "en":
        # The Government's draft in a state language: English only in names and codes (issue 11: at most 5 %).
        latin, total = latin_words(text)
        assert len(latin) <= 0.05 * total, f"{len(latin)} of {total} words in Latin script: {sorted(set(latin))}"
    if language == "be":
        assert re.search(rf"\d{{1,2}} ({BELARUSIAN_MONTHS}) \d{{4}} г\.", text)  # Belarusian dates

    docx = tmp_path / "draft.docx"
    shutil.copyfile(job.docx.path, docx)
    (pdf,) = [p for p in libreoffice_convert(docx, "pdf", tmp_path / "out") if p.suffix == ".pdf"]
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    last = "\n".join(page_lines(pdf, pages))
    assert PAGE_OF[language].format(pages, pages) in last

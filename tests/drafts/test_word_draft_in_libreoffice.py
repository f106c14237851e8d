"""The Word draft as a drafting team sees it: opened and laid out by LibreOffice Writer (headless), then read back
as PDF text and page images (pdftoppm). Word's own fields (Page X of Y, the section numbering) must render."""

import re
import shutil
import subprocess

import pytest

from drafts.models import ReportSection
from objectives.models import Objective
from tests.checkers import libreoffice_convert, require
from tests.factories import AssessmentFactory, ReviewCycleFactory, finished_export

pytestmark = [pytest.mark.django_db, pytest.mark.engine_independent]


def test_libreoffice_lays_the_word_draft_out_on_a4_with_page_numbers_and_numbered_sections(tmp_path):
    cycle = ReviewCycleFactory(year=2030, level="global", name="Third International Migration Review Forum")
    for number in (4, 10):
        AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=number), achievements="A measure.")
    job = finished_export(cycle=cycle, objectives=list(Objective.objects.filter(number__in=[4, 10])))
    docx = tmp_path / "draft.docx"
    shutil.copyfile(job.docx.path, docx)
    (pdf,) = [p for p in libreoffice_convert(docx, "pdf", tmp_path / "out") if p.suffix == ".pdf"]

    require(pdf, "pdfinfo", "pdftotext", "pdftoppm")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.\d* x 841\.\d* pts \(A4\)", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages >= 5
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    assert f"Page 2 of {pages}" in text and f"Page {pages} of {pages}" in text  # Word's PAGE and NUMPAGES fields
    # Word's own numbering of the sections renders as "1. Introduction", "2. ..."
    titles = [s.display_title for s in ReportSection.objects.for_cycle(cycle)]
    numbered = [t for t in titles if re.search(rf"^\s*\d+\.?\s+{re.escape(t)}\s*$", text, re.M)]
    assert len(numbered) >= len(titles) - 1, (titles, numbered)
    assert "Objective 4" in text and "Objective 10" in text
    # Page images: what the README shows (docs/images) is made the same way.
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "2", pdf, tmp_path / "page"], check=True)
    assert len(list(tmp_path.glob("page-*.png"))) == 2

"""The Ministry's Word template: checked on upload, used by the Word draft (page, styles, header)."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.shared import Mm, Pt

from objectives.models import Objective
from reviews.models import ReviewCycle
from tests.factories import ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db


def ministry_template(*, drop_style: str = "", dotx: bool = False) -> bytes:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(215.9), Mm(279.4)  # US Letter: not the portal's A4
    section.header.paragraphs[0].text = "Ministry of Internal Affairs of the Republic of Belarus"
    document.styles["Heading 1"].font.size = Pt(21)
    document.add_paragraph("Text of the template that the draft replaces")
    buffer = io.BytesIO()
    document.save(buffer)
    content = buffer.getvalue()
    if drop_style or dotx:
        source, target = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
        with zipfile.ZipFile(target, "w") as copy:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "word/styles.xml" and drop_style:
                    data = re.sub(
                        rb'<w:style [^>]*w:styleId="' + drop_style.encode() + rb'".*?</w:style>', b"", data, flags=re.S
                    )
                if item.filename == "[Content_Types].xml" and dotx:
                    data = data.replace(b"document.main+xml", b"template.main+xml")
                copy.writestr(item, data)
        content = target.getvalue()
    return content


@pytest.mark.parametrize("dotx", [False, True])
def test_the_word_draft_takes_the_ministry_s_template(secretariat, login, dotx):
    cycle = ReviewCycleFactory(year=2030, name="Third IMRF")
    upload = SimpleUploadedFile("ministry.dotx" if dotx else "ministry.docx", ministry_template(dotx=dotx))
    response = login(secretariat).post(reverse("drafts:word-template", args=[cycle.pk]), {"template": upload})
    assert response.status_code == 302
    job = finished_export(cycle=ReviewCycle.objects.get(pk=cycle.pk), objectives=[Objective.objects.get(number=1)])
    document = Document(job.docx.path)
    section = document.sections[0]
    assert round(section.page_width.mm) == 216  # the template's page, not the portal's A4
    assert section.header.paragraphs[0].text == "Ministry of Internal Affairs of the Republic of Belarus"
    assert document.styles["Heading 1"].font.size == Pt(21)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Text of the template" not in text and "Objective 1" in text


def test_a_template_without_a_style_the_draft_needs_is_refused_clearly(secretariat, login):
    cycle = ReviewCycleFactory(year=2030)
    url = reverse("drafts:word-template", args=[cycle.pk])
    client = login(secretariat)
    response = client.post(url, {"template": SimpleUploadedFile("t.docx", ministry_template(drop_style="Caption"))})
    assert response.status_code == 400
    assert "The template lacks these styles, which the draft uses: Caption." in response.content.decode()
    response = client.post(url, {"template": SimpleUploadedFile("t.docx", b"%PDF-1.4 not a Word file")})
    assert response.status_code == 400 and "is not a Word document or template" in response.content.decode()
    assert client.post(url, {}).status_code == 400
    assert not ReviewCycle.objects.get(pk=cycle.pk).word_template
    # Back to the default.
    client.post(url, {"template": SimpleUploadedFile("t.docx", ministry_template())})
    assert ReviewCycle.objects.get(pk=cycle.pk).word_template
    client.post(url, {"remove": "on"})
    assert not ReviewCycle.objects.get(pk=cycle.pk).word_template


def png(width: int = 40, height: int = 40) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (11, 61, 107)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_the_emblem_is_on_the_cover_of_both_drafts(secretariat, login):
    from tests.drafts.test_drafts import figures_with_alt_text

    cycle = ReviewCycleFactory(year=2030, name="Third IMRF")
    client = login(secretariat)
    url = reverse("drafts:emblem", args=[cycle.pk])
    assert client.post(url, {"emblem-emblem": SimpleUploadedFile("gerb.png", png())}).status_code == 302
    assert "an emblem is set" in client.get(reverse("drafts:word-template", args=[cycle.pk])).content.decode()
    job = finished_export(cycle=ReviewCycle.objects.get(pk=cycle.pk), objectives=[Objective.objects.get(number=1)])
    assert "Emblem" in figures_with_alt_text(job.pdf.path)
    archive = zipfile.ZipFile(job.docx.path)
    assert any(archive.read(n) == png() for n in archive.namelist() if n.startswith("word/media/"))
    assert 'descr="Emblem"' in archive.read("word/document.xml").decode()

    assert client.post(url, {"emblem-remove": "on"}).status_code == 302
    assert not ReviewCycle.objects.get(pk=cycle.pk).emblem


def test_a_file_that_is_not_an_image_is_refused_and_the_emblem_kept(secretariat, login):
    cycle = ReviewCycleFactory(year=2030)
    client = login(secretariat)
    url = reverse("drafts:emblem", args=[cycle.pk])
    client.post(url, {"emblem-emblem": SimpleUploadedFile("gerb.png", png())})
    kept = ReviewCycle.objects.get(pk=cycle.pk).emblem.name
    response = client.post(url, {"emblem-emblem": SimpleUploadedFile("gerb.png", b"%PDF-1.4 not an image")})
    assert response.status_code == 400
    assert "gerb.png is not a PNG or JPEG image." in response.content.decode()
    assert ReviewCycle.objects.get(pk=cycle.pk).emblem.name == kept
    response = client.post(url, {})
    assert response.status_code == 400 and "Choose an image to upload" in response.content.decode()

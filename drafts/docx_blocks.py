"""The building blocks of the Word draft: Markdown as paragraphs, tables, fields, numbering, page setup."""

from html.parser import HTMLParser

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm

from uncnm_portal.markdown import render_markdown


class MarkdownToDocx(HTMLParser):
    """Writes sanitised Markdown HTML as Word paragraphs: headings, paragraphs, bullets, bold and italics."""

    BLOCKS = {"p": None, "li": "List Bullet", "h3": "Heading 4", "h4": "Heading 5", "blockquote": "Quote"}

    def __init__(self, document) -> None:
        super().__init__()
        self.document, self.paragraph, self.bold, self.italic = document, None, 0, 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCKS:
            style = self.BLOCKS[tag]
            self.paragraph = self.document.add_paragraph(style=style) if style else self.document.add_paragraph()
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCKS:
            self.paragraph = None
        elif tag in ("strong", "b"):
            self.bold -= 1
        elif tag in ("em", "i"):
            self.italic -= 1

    def handle_data(self, data) -> None:
        if not data.strip() and self.paragraph is None:
            return
        if self.paragraph is None:
            self.paragraph = self.document.add_paragraph()
        run = self.paragraph.add_run(data)
        run.bold, run.italic = bool(self.bold) or None, bool(self.italic) or None


def markdown(document, text: str) -> None:
    if text:
        parser = MarkdownToDocx(document)
        parser.feed(render_markdown(text))
        parser.close()


def xml_element(tag: str, attributes: dict | None = None, children: tuple = ()):
    """A WordprocessingML element with its attributes and children: <w:tag w:val="..."/> and the like."""
    element = OxmlElement(tag)
    for name, value in (attributes or {}).items():
        element.set(qn(name), str(value))
    for child in children:
        element.append(child)
    return element


def table(document, headers: list[str], rows: list[list[str]]) -> None:
    """A Word table whose header row repeats on every page it runs over."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.rows[0]._tr.get_or_add_trPr().append(xml_element("w:tblHeader", {"w:val": "true"}))
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = str(header)
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)


def field(paragraph, instruction: str, placeholder: str = "1") -> None:
    """A Word field (PAGE, NUMPAGES, TOC ...) in the paragraph; Word computes it when it shows the page."""
    code = xml_element("w:instrText", {"xml:space": "preserve"})
    code.text = f" {instruction} "
    run = paragraph.add_run()
    for element in (
        xml_element("w:fldChar", {"w:fldCharType": "begin"}),
        code,
        xml_element("w:fldChar", {"w:fldCharType": "separate"}),
    ):
        run._r.append(element)
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(xml_element("w:fldChar", {"w:fldCharType": "end"}))


SECTION_NUMBERING_ID = 900  # far from the ids of the template's own lists


def section_numbering(document) -> int:
    """A Word list "1.", "2.", ... for the draft's sections: Word renumbers them when they are reordered."""
    numbering = document.part.numbering_part.element
    level = xml_element(
        "w:lvl",
        {"w:ilvl": 0},
        tuple(
            xml_element(tag, {"w:val": value})
            for tag, value in (("w:start", 1), ("w:numFmt", "decimal"), ("w:lvlText", "%1."), ("w:lvlJc", "left"))
        ),
    )
    abstract = xml_element("w:abstractNum", {"w:abstractNumId": SECTION_NUMBERING_ID}, (level,))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:  # every abstractNum comes before the first num
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    reference = xml_element("w:abstractNumId", {"w:val": SECTION_NUMBERING_ID})
    numbering.append(xml_element("w:num", {"w:numId": SECTION_NUMBERING_ID}, (reference,)))
    return SECTION_NUMBERING_ID


def number(paragraph, numbering: int) -> None:
    properties = paragraph._p.get_or_add_pPr()
    num_pr = xml_element(
        "w:numPr", children=(xml_element("w:ilvl", {"w:val": 0}), xml_element("w:numId", {"w:val": numbering}))
    )
    properties.insert(1 if properties.find(qn("w:pStyle")) is not None else 0, num_pr)


def page_setup(document, data) -> None:
    """A4 with UN-style margins, a running header with the review's title, and a footer with the draft
    mark and "Page X of Y" (Word fields), in the draft's language."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(25)
        section.top_margin, section.bottom_margin = Mm(25), Mm(20)
        section.different_first_page_header_footer = True  # the cover stays clean
        header = section.header.paragraphs[0]
        header.text = _("Voluntary national review of Belarus: %(name)s (draft)") % {"name": data.cycle.name}
        header.style = document.styles["Header"]
        footer = section.footer.paragraphs[0]
        footer.style = document.styles["Footer"]
        generated = date_format(data.generated_at, "DATETIME_FORMAT")
        footer.add_run(f"{_('Draft')} · {generated}\t\t{_('Page')} ")
        field(footer, "PAGE")
        footer.add_run(f" {_('of')} ")
        field(footer, "NUMPAGES")


def toc(document) -> None:
    """A Word table-of-contents field; Word fills in the page numbers when the document is opened."""
    placeholder = _("Right-click and choose Update Field to build the table of contents.")
    field(document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', placeholder)


# The proofing language Word checks the draft in, per portal language.
PROOFING = {"en": "en-GB", "ru": "ru-RU", "be": "be-BY"}


def set_proofing_language(document, language: str) -> None:
    """Word's default text language (docDefaults), so spelling and hyphenation follow the draft's language."""
    tag = PROOFING.get(language, language)
    r_pr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = xml_element("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)

"""The Ministry's Word template: a .docx or .dotx the secretariat uploads per cycle, whose page size,
margins, styles, header, footer, emblem and fonts the generated Word draft uses.

A template is checked when it is uploaded (a Word file by its content, bounded like evidence; the styles
the draft writes with must be there), so that an export never fails on it later.
"""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from docx import Document
from docx.oxml.ns import qn

from inputs.evidence import check_upload

# The styles the Word draft (docx_chapters.py) writes with: a template must define them (Word's built-in names).
REQUIRED_STYLES = [
    "Title",
    "Subtitle",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Heading 4",
    "Heading 5",
    "List Bullet",
    "Caption",
    "Quote",
    "Header",
    "Footer",
    "Table Grid",
]
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MAX_TEMPLATE_BYTES = 5 * 1024 * 1024


def open_template(content: bytes):
    """The template as a python-docx Document; a .dotx differs from a .docx by one content type."""
    if TEMPLATE_TYPE in _content_types(content):
        source, target = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    data = data.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
                copy.writestr(item, data)
        content = target.getvalue()
    return Document(io.BytesIO(content))


def _content_types(content: bytes) -> bytes:
    try:
        return zipfile.ZipFile(io.BytesIO(content)).read("[Content_Types].xml")
    except (KeyError, zipfile.BadZipFile):
        return b""


def missing_styles(document) -> list[str]:
    names = {style.name for style in document.styles}
    return [name for name in REQUIRED_STYLES if name not in names]


def check_template(upload) -> None:
    """Refuse, with a clear message, anything that is not a usable Word template."""
    if upload.size > MAX_TEMPLATE_BYTES:
        raise ValidationError(_("A Word template may be at most 5 MB."))
    extension, _content_type = check_upload(upload)
    if extension != "docx":
        raise ValidationError(_("%(name)s is not a Word document or template (.docx, .dotx).") % {"name": upload.name})
    content = upload.read()
    upload.seek(0)
    try:
        document = open_template(content)
    except Exception as error:  # python-docx raises many kinds on a damaged package: say so
        raise ValidationError(
            _("%(name)s cannot be opened as a Word template: %(reason)s") % {"name": upload.name, "reason": error}
        ) from error
    missing = missing_styles(document)
    if missing:
        raise ValidationError(
            _(
                "The template lacks these styles, which the draft uses: %(styles)s. "
                "Add them in Word and upload it again."
            )
            % {"styles": ", ".join(missing)}
        )


def emptied(document):
    """The template with its body emptied (its page setup, styles, headers and footers kept)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document

"""Checking evidence files by their content, not by their name."""

import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_SIZE = 20 * 1024 * 1024
# Extension -> MIME type, for the kinds of file an input may carry.
ALLOWED = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpg": "image/jpeg",
}
ODF_TYPES = {ALLOWED["odt"]: "odt", ALLOWED["ods"]: "ods"}


def _office_kind(upload) -> str | None:
    """Tell DOCX, XLSX, ODT and ODS apart by what the ZIP container holds."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                return ODF_TYPES.get(archive.read("mimetype").decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    return None


def check_upload(upload) -> tuple[str, str]:
    """Return (extension, MIME type) of an acceptable upload, or raise ValidationError with a clear message."""
    if upload.size == 0:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": upload.name})
    if upload.size > MAX_SIZE:
        raise ValidationError(_("The file %(name)s is larger than 20 MB.") % {"name": upload.name})
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    extension = None
    if kind and kind.mime == "application/pdf":
        extension = "pdf"
    elif kind and kind.mime == "image/png":
        extension = "png"
    elif kind and kind.mime == "image/jpeg":
        extension = "jpg"
    elif head[:4] == b"PK\x03\x04":
        extension = _office_kind(upload)
    if extension is None:
        raise ValidationError(
            _("%(name)s is not a PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG file (judging by its content).")
            % {"name": upload.name}
        )
    return extension, ALLOWED[extension]

"""Checking evidence files by their content, not by their name, reading bounded amounts only.

An upload comes from any focal point or agency account, so the checker must cost little whatever the
file holds: it never decompresses more than a few kilobytes, refuses archives with too many entries or
an implausible declared size (zip bombs) and images with too many pixels (decompression bombs), and
reads image headers by seeking instead of decoding pixels.
"""

import struct
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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

# Bounds of the office containers (ZIP). Real documents stay far below them: a 300-page report
# with images has a few hundred entries and unpacks to some tens of megabytes.
MAX_ENTRIES = 5000
MAX_UNPACKED = 500 * 1024 * 1024
MAX_SMALL_PART = 64 * 1024  # the one part read to identify a file: an ODF document's mimetype
# Images: decoded by whoever opens them, so their pixel count is bounded too (60 megapixels: a 9000 x 6600 scan).
MAX_PIXELS = 60_000_000
MAX_JPEG_SEGMENTS = 256

EOCD = b"PK\x05\x06"
ZIP64_LOCATOR = b"PK\x06\x07"
ZIP64_EOCD = b"PK\x06\x06"


class _Refused(Exception):
    """The file is of an accepted kind but exceeds a bound; the message says which."""


def _zip_entry_count(upload) -> int | None:
    """The number of entries the archive's end record declares, read from its last 64 KB; None if unreadable."""
    size = upload.size
    tail_size = min(size, 65536 + 22)
    upload.seek(size - tail_size)
    tail = upload.read(tail_size)
    at = tail.rfind(EOCD)
    if at < 0 or len(tail) < at + 22:
        return None
    entries = struct.unpack("<H", tail[at + 10 : at + 12])[0]
    if entries != 0xFFFF:
        return entries
    # ZIP64: the locator, 20 bytes before the end record, points at the ZIP64 end record.
    locator = tail[at - 20 : at] if at >= 20 else b""
    if not locator.startswith(ZIP64_LOCATOR):
        return None
    offset = struct.unpack("<Q", locator[8:16])[0]
    if offset > size - 56:
        return None
    upload.seek(offset)
    record = upload.read(56)
    if not record.startswith(ZIP64_EOCD):
        return None
    return struct.unpack("<Q", record[32:40])[0]


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """One small part of the archive, decompressed as a stream and cut off past MAX_SMALL_PART."""
    if archive.getinfo(name).file_size > MAX_SMALL_PART:
        raise _Refused(_("it holds a part that is far larger than a document of this kind has"))
    with archive.open(name) as part:
        content = part.read(MAX_SMALL_PART + 1)
    if len(content) > MAX_SMALL_PART:
        raise _Refused(_("it holds a part that is far larger than a document of this kind has"))
    return content


def _office_kind(upload) -> str | None:
    """Tell DOCX, XLSX, ODT and ODS apart by what the ZIP container holds, within the bounds above."""
    entries = _zip_entry_count(upload)
    if entries is None:
        return None
    if entries > MAX_ENTRIES:
        raise _Refused(_("it holds more than %(count)s files") % {"count": MAX_ENTRIES})
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
            if unpacked > MAX_UNPACKED:
                raise _Refused(_("it would unpack to %(size)s MB") % {"size": unpacked // (1024 * 1024)})
            names = {info.filename for info in infos}
            if "mimetype" in names:
                return ODF_TYPES.get(_read_part(archive, "mimetype").decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    return None


def _png_pixels(upload) -> int:
    upload.seek(16)
    width, height = struct.unpack(">II", upload.read(8))
    return width * height


def _jpeg_pixels(upload) -> int:
    """Walk the JPEG markers by their lengths (seeking, never decoding) to the frame header."""
    upload.seek(2)
    for _segment in range(MAX_JPEG_SEGMENTS):
        marker = upload.read(2)
        while marker[:1] == b"\xff" and marker[1:] == b"\xff":  # fill bytes
            marker = marker[1:] + upload.read(1)
        if len(marker) < 2 or marker[0] != 0xFF:
            return 0
        code = marker[1]
        if code in (0xD8, 0x01) or 0xD0 <= code <= 0xD7:
            continue
        if code in (0xD9, 0xDA):  # end of image or start of scan before any frame header
            return 0
        (length,) = struct.unpack(">H", upload.read(2))
        if 0xC0 <= code <= 0xCF and code not in (0xC4, 0xC8, 0xCC):
            _precision, height, width = struct.unpack(">BHH", upload.read(5))
            return width * height
        upload.seek(length - 2, 1)
    return 0


def _check_pixels(upload, extension: str) -> None:
    try:
        pixels = _png_pixels(upload) if extension == "png" else _jpeg_pixels(upload)
    except struct.error:
        pixels = 0
    if pixels == 0:
        raise _Refused(_("its image header cannot be read"))
    if pixels > MAX_PIXELS:
        raise _Refused(_("the image has more than %(count)s million pixels") % {"count": MAX_PIXELS // 1_000_000})


def _kind(upload) -> str | None:
    upload.seek(0)
    head = upload.read(8192)
    kind = filetype.guess(head)
    if kind and kind.mime == "application/pdf":
        return "pdf"
    if kind and kind.mime in ("image/png", "image/jpeg"):
        extension = "png" if kind.mime == "image/png" else "jpg"
        _check_pixels(upload, extension)
        return extension
    if head[:4] == b"PK\x03\x04":
        return _office_kind(upload)
    return None


def check_upload(upload) -> tuple[str, str]:
    """Return (extension, MIME type) of an acceptable upload, or raise ValidationError with a clear message."""
    if upload.size == 0:
        raise ValidationError(_("The file %(name)s is empty.") % {"name": upload.name})
    if upload.size > settings.UPLOAD_MAX_FILE_BYTES:  # the upload handler stops such files already
        raise ValidationError(
            _("The file %(name)s is larger than %(size)s.")
            % {"name": upload.name, "size": filesizeformat(settings.UPLOAD_MAX_FILE_BYTES)}
        )
    try:
        extension = _kind(upload)
    except _Refused as refusal:
        raise ValidationError(
            _("%(name)s cannot be accepted: %(reason)s.") % {"name": upload.name, "reason": refusal}
        ) from None
    finally:
        upload.seek(0)
    if extension is None:
        raise ValidationError(
            _("%(name)s is not a PDF, DOCX, XLSX, ODT, ODS, PNG or JPEG file (judging by its content).")
            % {"name": upload.name}
        )
    return extension, ALLOWED[extension]

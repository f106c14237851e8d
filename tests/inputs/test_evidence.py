"""Evidence checks read bounded amounts: real bombs of every accepted format cost under a second and 100 MB."""

import io
import struct
import time
import tracemalloc
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from inputs.evidence import MAX_ENTRIES, check_upload
from inputs.models import Evidence, Input
from tests.factories import AssignmentFactory

GIB = 1024**3
ODT = b"application/vnd.oasis.opendocument.text"
ODS = b"application/vnd.oasis.opendocument.spreadsheet"


def zip_with(entries: dict[str, bytes | int]) -> bytes:
    """A ZIP archive; an entry given as a number is that many zero bytes, deflated as they stream in."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            if isinstance(content, bytes):
                archive.writestr(name, content)
                continue
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as part:
                chunk = bytes(1 << 20)
                for _ in range(content // len(chunk)):
                    part.write(chunk)
    return buffer.getvalue()


def png_bomb() -> bytes:
    """A valid 1-bit PNG of 30000 x 30000 pixels (900 megapixels) in a few hundred kilobytes."""
    width = height = 30000
    row = b"\x00" + bytes((width + 7) // 8)
    pixels = zlib.compress(row * height, 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def jpeg_bomb() -> bytes:
    """A real JPEG whose frame header claims 65000 x 65000 pixels: decoders allocate 4 GB for it."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(buffer, "JPEG", exif=b"Exif\x00\x00" + bytes(20000))
    data = bytearray(buffer.getvalue())
    at = data.find(b"\xff\xc0")
    data[at + 5 : at + 9] = struct.pack(">HH", 65000, 65000)
    return bytes(data)


def pdf_bomb() -> bytes:
    """A PDF with a content stream that inflates to 1 GiB."""
    stream = zlib.compressobj(9)
    packed = b"".join(stream.compress(bytes(1 << 20)) for _ in range(1024)) + stream.flush()
    return (
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /Contents 4 0 R >> endobj\n"
        + f"4 0 obj << /Length {len(packed)} /Filter /FlateDecode >> stream\n".encode()
        + packed
        + b"\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


@pytest.fixture(scope="session")
def bombs() -> dict[str, bytes]:
    return {
        "mimetype.odt": zip_with({"mimetype": GIB}),
        "content.ods": zip_with({"mimetype": ODS, "content.xml": GIB}),
        "document.docx": zip_with({"[Content_Types].xml": b"<Types/>", "word/document.xml": GIB}),
        "sheet.xlsx": zip_with({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": GIB}),
        "entries.odt": zip_with({"mimetype": ODT, **{f"p/{i}.xml": b"" for i in range(MAX_ENTRIES * 4)}}),
        "pixels.png": png_bomb(),
        "pixels.jpg": jpeg_bomb(),
        "stream.pdf": pdf_bomb(),
    }


def measured_check(name: str, content: bytes):
    """Run the check on an upload; return (outcome, seconds, peak MB of memory allocated meanwhile)."""
    upload = SimpleUploadedFile(name, content)
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcome = check_upload(upload)
    except ValidationError as error:
        outcome = error.messages[0]
    seconds = time.monotonic() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return outcome, seconds, (peak - len(content)) / 1024**2


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("mimetype.odt", "it would unpack to 1024 MB"),
        ("content.ods", "it would unpack to 1024 MB"),
        ("document.docx", "it would unpack to 1024 MB"),
        ("sheet.xlsx", "it would unpack to 1024 MB"),
        ("entries.odt", f"it holds more than {MAX_ENTRIES} files"),
        ("pixels.png", "the image has more than 60 million pixels"),
        ("pixels.jpg", "the image has more than 60 million pixels"),
    ],
)
def test_bombs_are_refused_fast_and_within_memory(bombs, name, message):
    outcome, seconds, megabytes = measured_check(name, bombs[name])
    assert outcome == f"{name} cannot be accepted: {message}."
    assert seconds < 1 and megabytes < 100, (seconds, megabytes)


def test_pdf_bomb_costs_nothing_to_check(bombs):
    # The portal never inflates a PDF's streams: it stores and serves the file as it came.
    outcome, seconds, megabytes = measured_check("stream.pdf", bombs["stream.pdf"])
    assert outcome == ("pdf", "application/pdf")
    assert seconds < 1 and megabytes < 100


def test_an_odf_mimetype_larger_than_a_mimetype_is_refused():
    content = zip_with({"mimetype": ODT + b" " * 100_000})
    outcome, _seconds, _megabytes = measured_check("padded.odt", content)
    assert "holds a part that is far larger than a document of this kind has" in outcome


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("report.odt", zip_with({"mimetype": ODT, "content.xml": b"<office:document-content/>"}), "odt"),
        ("table.ods", zip_with({"mimetype": ODS, "content.xml": 4 * 1024 * 1024}), "ods"),
        ("photo.png", None, "png"),
        ("scan.jpg", None, "jpg"),
    ],
)
def test_real_documents_and_images_pass(name, content, kind):
    if content is None:
        buffer = io.BytesIO()
        Image.new("RGB", (3000, 2000), "white").save(buffer, "PNG" if kind == "png" else "JPEG")
        content = buffer.getvalue()
    assert check_upload(SimpleUploadedFile(name, content))[0] == kind


@pytest.mark.django_db
def test_a_bomb_uploaded_with_an_input_is_refused_and_loses_nothing(bombs, organisation_a, focal_point_a, login):
    assignment = AssignmentFactory(organisation=organisation_a, focal_point=focal_point_a)
    upload = SimpleUploadedFile("report.odt", bombs["mimetype.odt"])
    started = time.monotonic()
    response = login(focal_point_a).post(
        assignment.input.get_absolute_url(),
        {"measures": "Typed just now", "evidence": [upload], "actions": []},
    )
    assert time.monotonic() - started < 2
    html = response.content.decode()
    assert response.status_code == 400
    assert "report.odt cannot be accepted: it would unpack to 1024 MB." in html
    assert "Typed just now" in html
    assert Input.objects.get().measures == "" and not Evidence.objects.exists()

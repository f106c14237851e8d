"""A translator's round trip for a cycle's texts: the assessments' narratives, the outline's section
texts and the consultations' key messages.

`units()` lists the written texts whose translation into one language is missing or outdated;
`workbook()` and `xliff()` give them to a translator (XLSX, or XLIFF 1.2 as translation tools read
it), each unit carrying its key and the fingerprint of the source text it is to be made from.
`read()` takes the filled file back: every unit is checked (a key of this cycle, a language other
than the source's, a source unchanged since the export) and compared with what is saved, so that
the secretariat sees a preview; `apply()` saves the new and changed translations in one transaction.
A bad file changes nothing.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree.ElementTree import Element, SubElement, tostring  # writing only; reading goes through defusedxml

from defusedxml import ElementTree as SafeElementTree
from defusedxml.common import DefusedXmlException
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from drafts.models import ReportSection
from inputs.models import Consultation
from reviews.models import NarrativeTranslation, ObjectiveAssessment, ReviewCycle, fingerprint

KEY = re.compile(r"^(assessment|section|consultation)-(\d+)/([a-z_]+)$")
XLIFF_NS = "urn:oasis:names:tc:xliff:document:1.2"
# XLIFF 1.2 target states: what the portal writes (a missing translation, an outdated one to review) and
# those by which a translator says a target is done, also when they kept its words.
STATE_MISSING, STATE_OUTDATED = "new", "needs-review-translation"
STATES_DONE = {"translated", "signed-off", "final"}
COLUMNS = ["key", "part", "text", "source_language", "fingerprint", "source", "translation"]
MAX_UNITS = 5_000


@dataclass(frozen=True)
class Unit:
    key: str
    part: str  # what the text belongs to: an objective, a section, a consultation
    field_label: str
    source_language: str
    source: str
    fingerprint: str
    target: str  # the outdated translation, to start from; "" when missing
    previous_source: str = ""  # the source the outdated translation was made from, where history has it


@dataclass(frozen=True)
class Change:
    key: str
    part: str  # what the text belongs to: an objective, a section, a consultation
    field_label: str
    kind_of_record: str  # "assessment", "section" or "consultation"
    record_id: int
    field: str
    text: str
    fingerprint: str
    kind: str  # "new", "changed", "unchanged", or "outdated": an outdated translation sent back untouched
    before: str


@dataclass
class Reading:
    changes: list[Change]
    problems: list[str]
    blank: int  # units left empty: skipped

    @property
    def to_apply(self) -> list[Change]:
        return [change for change in self.changes if change.kind in ("new", "changed")]


def _label(field: str) -> str:
    return str(ObjectiveAssessment._meta.get_field(field).verbose_name)


def _assessments(cycle: ReviewCycle):
    return ObjectiveAssessment.objects.filter(cycle=cycle).select_related("objective").prefetch_related("translations")


def units(cycle: ReviewCycle, language: str) -> list[Unit]:
    """The cycle's written narratives whose `language` translation is missing or outdated, by objective."""
    found = []
    assessments = list(_assessments(cycle).order_by("objective__number"))
    earlier = _earlier_sources(
        {
            assessment.pk
            for assessment in assessments
            for t in assessment.translations.all()
            if t.language == language and not t.is_current(getattr(assessment, t.field))
        }
    )
    for assessment in assessments:
        if assessment.source_language == language:
            continue
        saved = {t.field: t for t in assessment.translations.all() if t.language == language}
        for field in ObjectiveAssessment.NARRATIVE_FIELDS:
            source = getattr(assessment, field)
            translation = saved.get(field)
            if not source.strip() or (translation and translation.is_current(source)):
                continue
            found.append(
                Unit(
                    key=f"assessment-{assessment.pk}/{field}",
                    part=str(assessment.objective),
                    field_label=_label(field),
                    source_language=assessment.source_language,
                    source=source,
                    fingerprint=fingerprint(source),
                    target=translation.text if translation else "",
                    previous_source=earlier.get((assessment.pk, field, translation.source_fingerprint), "")
                    if translation
                    else "",
                )
            )
    for kind, records in _translated_texts(cycle).items():
        for record in records.values():
            if record.text_state(language) not in ("missing", "outdated"):
                continue
            found.append(
                Unit(
                    key=f"{kind}-{record.pk}/{record.TRANSLATED}",
                    part=str(record),
                    field_label=_text_label(record),
                    source_language=record.source_language,
                    source=record.source_text,
                    fingerprint=fingerprint(record.source_text),
                    target=record.texts()[language],
                )
            )
    return found


def _earlier_sources(assessment_ids: set[int]) -> dict[tuple[int, str, str], str]:
    """{(assessment id, field, fingerprint): the text} of the narratives these assessments had before, from
    their history: what an outdated translation was made from, for the translator to compare. Only the
    assessments with an outdated translation are read: one query, none when nothing is outdated."""
    if not assessment_ids:
        return {}
    earlier = {}
    history = ObjectiveAssessment.history.filter(id__in=assessment_ids).order_by("history_date")
    for record in history.only("id", "history_date", *ObjectiveAssessment.NARRATIVE_FIELDS):
        for field in ObjectiveAssessment.NARRATIVE_FIELDS:
            text = getattr(record, field)
            if text.strip():
                earlier[(record.id, field, fingerprint(text))] = text
    return earlier


def _translated_texts(cycle: ReviewCycle) -> dict:
    """The cycle's other translated texts (reviews.models.translations.TranslatedText), by kind and id."""
    return {
        "section": ReportSection.objects.for_cycle(cycle).filter(enabled=True).in_bulk(),
        "consultation": Consultation.objects.filter(cycle=cycle).order_by("held_on", "pk").in_bulk(),
    }


def _text_label(record) -> str:
    return str(type(record)._meta.get_field(f"{record.TRANSLATED}_{settings.LANGUAGE_CODE}").verbose_name)


def _text_cell(sheet, value: str, *, bold: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # text as it is, never a formula: the round trip gives back exactly what was sent
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = Font(bold=True)
    return cell


def workbook(cycle: ReviewCycle, language: str, found: list[Unit]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title="translations")
    for letter, width in zip("ABCDEFG", (22, 30, 22, 10, 12, 70, 70), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.column_dimensions["E"].hidden = True
    sheet.append([_text_cell(sheet, name, bold=True) for name in COLUMNS])
    for unit in found:
        values = [unit.key, unit.part, unit.field_label, unit.source_language, unit.fingerprint, unit.source]
        sheet.append([_text_cell(sheet, value) for value in [*values, unit.target]])
    guide = book.create_sheet(title="guide")
    for line in (
        _("Translate the text of the “source” column into the “translation” column; change no other column."),
        _("Rows left empty are skipped. Markdown marks (**, *, -, #, links) stay as they are."),
        _("Cycle: %(cycle)s. Target language: %(language)s.") % {"cycle": cycle.name, "language": language},
    ):
        guide.append([_text_cell(guide, line)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xliff(cycle: ReviewCycle, language: str, found: list[Unit]) -> bytes:
    """XLIFF 1.2: one <file> per source language, a <trans-unit> per narrative; the key is the unit's
    id and resname, the source's fingerprint its extradata."""
    root = Element("xliff", {"version": "1.2", "xmlns": XLIFF_NS})
    for source_language in sorted({unit.source_language for unit in found}) or ["en"]:
        file = SubElement(
            root,
            "file",
            {
                "original": f"cycle-{cycle.pk}",
                "source-language": source_language,
                "target-language": language,
                "datatype": "x-markdown",
            },
        )
        body = SubElement(file, "body")
        for unit in (u for u in found if u.source_language == source_language):
            element = SubElement(
                body,
                "trans-unit",
                {"id": unit.key, "resname": unit.key, "extradata": unit.fingerprint, "xml:space": "preserve"},
            )
            SubElement(element, "source").text = unit.source
            state = STATE_OUTDATED if unit.target else STATE_MISSING
            SubElement(element, "target", {"state": state}).text = unit.target
            SubElement(element, "note").text = f"{unit.part} · {unit.field_label}"
            if unit.previous_source:  # what changed in the source since the translation was made
                alternative = SubElement(element, "alt-trans", {"alttranstype": "previous-version"})
                SubElement(alternative, "source").text = unit.previous_source
                SubElement(alternative, "target").text = unit.target
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="unicode").encode()


def _rows_from_workbook(data: bytes) -> list["Row"]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    if "translations" not in book.sheetnames:
        raise ValueError(_("The workbook has no “translations” sheet: use the file the portal exported."))
    rows = book["translations"].iter_rows(values_only=True)
    header = [str(value or "").strip() for value in next(rows, ())]
    if header[: len(COLUMNS)] != COLUMNS:
        raise ValueError(_("The “translations” sheet's columns were changed: use the file the portal exported."))
    index = {name: COLUMNS.index(name) for name in ("key", "fingerprint", "translation")}
    found = []
    for row in rows:
        cells = ["" if value is None else str(value) for value in (*row, *[None] * len(COLUMNS))]
        if not any(cell.strip() for cell in cells):
            continue
        found.append(
            (cells[index["key"]].strip(), cells[index["fingerprint"]].strip(), cells[index["translation"]], "")
        )
    return found


def _rows_from_xliff(data: bytes) -> list["Row"]:
    try:
        root = SafeElementTree.fromstring(data, forbid_dtd=True)
    except (SafeElementTree.ParseError, DefusedXmlException, ValueError) as error:
        raise ValueError(_("The XLIFF file cannot be read: %(error)s") % {"error": error}) from error
    ns = {"x": XLIFF_NS}
    if root.tag != f"{{{XLIFF_NS}}}xliff":
        raise ValueError(_("This is not an XLIFF 1.2 file: use the file the portal exported."))
    found = []
    for unit in root.iterfind(".//x:trans-unit", ns):
        target = unit.find("x:target", ns)
        text = "".join(target.itertext()) if target is not None else ""
        state = (target.get("state") or "").strip() if target is not None else ""
        found.append((unit.get("id", "").strip(), unit.get("extradata", "").strip(), text, state))
    return found


def _fields_of(record) -> tuple[str, ...]:
    return ObjectiveAssessment.NARRATIVE_FIELDS if isinstance(record, ObjectiveAssessment) else (record.TRANSLATED,)


def _saved(record, field: str, language: str) -> tuple[str, bool]:
    """(the saved translation, whether it is current)."""
    if isinstance(record, ObjectiveAssessment):
        saved = next((t for t in record.translations.all() if t.field == field and t.language == language), None)
        return (saved.text, saved.is_current(getattr(record, field))) if saved else ("", False)
    return record.texts()[language], record.text_state(language) == "current"


# (key, fingerprint of the source it was made from, translation, XLIFF state: "" in a workbook)
Row = tuple[str, str, str, str]


def parse(data: bytes) -> list[Row]:
    """The units of an XLSX or XLIFF file; ValueError with the reader's message when it is neither."""
    try:
        if zipfile.is_zipfile(io.BytesIO(data)):
            rows = _rows_from_workbook(data)
        elif data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
            rows = _rows_from_xliff(data)
        else:
            raise ValueError(_("Upload the XLSX or XLIFF file the portal exported."))
    except ValueError:
        raise
    except Exception as error:  # a damaged workbook raises whatever openpyxl meets
        raise ValueError(_("The file cannot be read: upload the XLSX or XLIFF file the portal exported.")) from error
    if len(rows) > MAX_UNITS:
        raise ValueError(_("The file has more than %(n)s units.") % {"n": MAX_UNITS})
    return rows


def check(cycle: ReviewCycle, language: str, rows: list[Row]) -> Reading:
    """The units checked against the cycle as it is now: what would change, and what is wrong."""

    records = {"assessment": {a.pk: a for a in _assessments(cycle)}, **_translated_texts(cycle)}
    changes, problems, blank, seen = [], [], 0, set()
    for number, (key, made_from, text, state) in enumerate(rows, start=1):
        where = _("Unit %(n)s (%(key)s)") % {"n": number, "key": key or "–"}
        match = KEY.match(key)
        record = records[match[1]].get(int(match[2])) if match else None
        if record is None or match[3] not in _fields_of(record):
            problems.append(_("%(where)s: not a text of this cycle.") % {"where": where})
            continue
        if key in seen:
            problems.append(_("%(where)s: the same text appears twice in the file.") % {"where": where})
            continue
        seen.add(key)
        if not text.strip():
            blank += 1
            continue
        field = match[3]
        source = getattr(record, field) if match[1] == "assessment" else record.source_text
        if record.source_language == language:
            problems.append(
                _("%(where)s: %(language)s is this text's source language.") % {"where": where, "language": language}
            )
            continue
        if made_from != fingerprint(source):
            problems.append(
                _("%(where)s: the source text changed after the export; export again and translate the new text.")
                % {"where": where}
            )
            continue
        before, current = _saved(record, field, language)
        kind = _kind(before, current, text, state)
        changes.append(
            Change(
                key=key,
                part=str(record.objective) if match[1] == "assessment" else str(record),
                field_label=_label(field) if match[1] == "assessment" else _text_label(record),
                kind_of_record=match[1],
                record_id=record.pk,
                field=field,
                text=text,
                fingerprint=made_from,
                kind=kind,
                before=before,
            )
        )
    return Reading(changes, problems, blank)


def _kind(before: str, current: bool, text: str, state: str) -> str:
    """An outdated translation comes back with its words unchanged: it stays outdated, unless the translator
    marked it done (an XLIFF state of STATES_DONE: the old words still fit the new source)."""
    if not before:
        return "new"
    if before != text:
        return "changed"
    if current:
        return "unchanged"
    return "changed" if state in STATES_DONE else "outdated"


@transaction.atomic
def apply(cycle: ReviewCycle, language: str, reading: Reading, *, by) -> int:
    """Save the new and changed translations of a reading without problems; returns how many."""
    assert not reading.problems, "a reading with problems is never applied"
    models = {"section": ReportSection, "consultation": Consultation}
    for change in reading.to_apply:
        if change.kind_of_record == "assessment":
            NarrativeTranslation.objects.update_or_create(
                assessment_id=change.record_id,
                field=change.field,
                language=language,
                defaults={"text": change.text, "source_fingerprint": change.fingerprint, "updated_by": by},
            )
            continue
        record = models[change.kind_of_record].objects.select_for_update().get(pk=change.record_id)
        setattr(record, f"{change.field}_{language}", change.text)
        record.made_from[language] = change.fingerprint  # also when the text stays: it is now current
        record.version += 1  # an editor open on the record meets the conflict page, not a silent overwrite
        record.save()
    return len(reading.to_apply)

"""The indicator observations in SDMX (https://sdmx.org): SDMX-CSV 2.0 data for a published cycle and the
structure they follow (dataflow, data structure definition, concepts and code lists) as SDMX-ML 2.1, at one
stable address for every cycle, so that sdmx1, .Stat Suite or a statistics office read the data with it.

Codes are language-independent SDMX IDs (`[A-Za-z0-9_@$-]+`): an indicator's code, a unit's English name
and a breakdown made into IDs; their words in each language are the names in the code lists.
"""

import csv
import hashlib
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from modeltranslation.utils import build_localized_fieldname

from drafts.models import Publication, public_indicators, public_observations
from objectives.models import Indicator

from .columns import plain_number
from .tables import TOTAL, observations

AGENCY = "UNCNM"
VERSION = "1.0"
DATAFLOW = "GCM_INDICATORS"
DSD = "DSD_GCM_INDICATORS"
STRUCTURE_ID = f"{AGENCY}:{DATAFLOW}({VERSION})"
NOT_APPLICABLE = "_Z"  # SDMX's code for "not applicable": an indicator without a unit

DIMENSIONS = ["FREQ", "REF_AREA", "INDICATOR", "DISAGGREGATION"]
CSV_COLUMNS = ["STRUCTURE", "STRUCTURE_ID", "ACTION", *DIMENSIONS, "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE", "SOURCE"]
CONCEPTS = {
    "FREQ": gettext_lazy("Frequency"),
    "REF_AREA": gettext_lazy("Reference area"),
    "INDICATOR": gettext_lazy("Indicator"),
    "DISAGGREGATION": gettext_lazy("Breakdown"),
    "TIME_PERIOD": gettext_lazy("Year"),
    "OBS_VALUE": gettext_lazy("Value"),
    "UNIT_MEASURE": gettext_lazy("Unit of measure"),
    "SOURCE": gettext_lazy("Source of this value"),
}
CODELISTS = {  # dimension or attribute -> its code list
    "FREQ": "CL_FREQ",
    "REF_AREA": "CL_AREA",
    "INDICATOR": "CL_INDICATOR",
    "DISAGGREGATION": "CL_DISAGGREGATION",
    "UNIT_MEASURE": "CL_UNIT_MEASURE",
}
NOT_AN_ID = re.compile(r"[^A-Za-z0-9_@$-]+")

NS = {
    "mes": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message",
    "str": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/structure",
    "com": "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


def sdmx_id(text: str) -> str:
    """An SDMX ID made of the text: anything but letters, digits, _ @ $ - becomes one underscore."""
    return NOT_AN_ID.sub("_", text.strip()).strip("_")


def indicator_id(indicator: Indicator) -> str:
    return sdmx_id(indicator.code) or f"I{indicator.pk}"


def unit_id(indicator: Indicator) -> str:
    """The unit as a code, from its English name (the same in every file): "%" is PT, SDMX's percent."""
    english = getattr(indicator, build_localized_fieldname("unit", "en"), "") or indicator.unit
    code = sdmx_id(english.replace("%", " PT ")).upper()
    return code or NOT_APPLICABLE


def disaggregation_id(text: str) -> str:
    """_T for the total; a breakdown written in Latin letters as its ID, any other by a hash of its words."""
    if not text:
        return TOTAL
    code = sdmx_id(text).upper()
    if text.isascii() and code:
        return code
    return "D" + hashlib.sha256(text.encode()).hexdigest()[:10].upper()


def data_csv(publication: Publication) -> str:
    """SDMX-CSV 2.0 of the cycle's observations; values as they are (no spreadsheet escaping: data)."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    area = settings.OPEN_DATA_REF_AREA
    for o in observations(publication):
        source = o.source or o.indicator.source
        writer.writerow(
            [
                "dataflow",
                STRUCTURE_ID,
                "I",
                "A",
                area,
                indicator_id(o.indicator),
                disaggregation_id(o.disaggregation),
                o.year,
                plain_number(o.value),
                unit_id(o.indicator),
                source,
            ]
        )
    return text.getvalue()


@dataclass
class _Code:
    id: str
    names: dict[str, str]  # language -> name


def _translated(make) -> dict[str, str]:
    names = {}
    for language in settings.LANGUAGE_CODES:
        with translation.override(language):
            names[language] = str(make())
    return names


def _localised(instance, field: str) -> dict[str, str]:
    names = {code: getattr(instance, build_localized_fieldname(field, code), "") for code in settings.LANGUAGE_CODES}
    return {code: name for code, name in names.items() if name} or {settings.LANGUAGE_CODE: getattr(instance, field)}


def _codelists() -> dict[str, list[_Code]]:
    indicators = list(public_indicators().order_by("code"))
    units: dict[str, _Code] = {}
    for indicator in indicators:
        code = unit_id(indicator)
        names = _localised(indicator, "unit") if indicator.unit else _translated(lambda: gettext_lazy("no unit"))
        units.setdefault(code, _Code(code, names))
    breakdowns = {
        disaggregation_id(text): _Code(disaggregation_id(text), {settings.LANGUAGE_CODE: text})
        for text in public_observations().exclude(disaggregation="").values_list("disaggregation", flat=True)
    }
    return {
        "CL_FREQ": [_Code("A", _translated(lambda: gettext_lazy("Annual")))],
        "CL_AREA": [_Code(settings.OPEN_DATA_REF_AREA, _translated(lambda: settings.OPEN_DATA_REF_AREA_NAME))],
        "CL_INDICATOR": [_Code(indicator_id(i), _localised(i, "name")) for i in indicators],
        "CL_DISAGGREGATION": [
            _Code(TOTAL, _translated(lambda: gettext_lazy("Total"))),
            *sorted(breakdowns.values(), key=lambda c: c.id),
        ],
        "CL_UNIT_MEASURE": sorted(units.values(), key=lambda c: c.id),
    }


def _el(parent, tag: str, text: str | None = None, **attributes) -> ET.Element:
    prefix, name = tag.split(":")
    element = ET.SubElement(parent, f"{{{NS[prefix]}}}{name}", {k: str(v) for k, v in attributes.items()})
    if text is not None:
        element.text = text
    return element


def _names(parent, names: dict[str, str]) -> None:
    for language, name in names.items():
        _el(parent, "com:Name", name).set(XML_LANG, language)


def _ref(parent, tag: str, **attributes) -> None:
    holder = _el(parent, tag)
    ET.SubElement(holder, "Ref", {k: str(v) for k, v in attributes.items()})


def _maintainable(parent, tag: str, identifier: str, names: dict[str, str]) -> ET.Element:
    element = _el(parent, tag, id=identifier, agencyID=AGENCY, version=VERSION, isFinal="false")
    _names(element, names)
    return element


def _concept(parent, tag: str, concept: str, **attributes) -> ET.Element:
    component = _el(parent, tag, id=concept, **attributes)
    _ref(
        component,
        "str:ConceptIdentity",
        id=concept,
        maintainableParentID="CS_GCM",
        maintainableParentVersion=VERSION,
        agencyID=AGENCY,
        package="conceptscheme",
        **{"class": "Concept"},
    )
    return component


def _enumerated(component: ET.Element, concept: str) -> None:
    representation = _el(component, "str:LocalRepresentation")
    _ref(
        representation,
        "str:Enumeration",
        id=CODELISTS[concept],
        version=VERSION,
        agencyID=AGENCY,
        package="codelist",
        **{"class": "Codelist"},
    )


def _text_format(component: ET.Element, text_type: str) -> None:
    _el(_el(component, "str:LocalRepresentation"), "str:TextFormat", textType=text_type)


def structure_xml() -> bytes:
    """The SDMX-ML 2.1 structure message of the dataflow, names in every language of the portal."""
    root = ET.Element(f"{{{NS['mes']}}}Structure")
    header = _el(root, "mes:Header")
    _el(header, "mes:ID", "UNCNM_GCM_STRUCTURE")
    _el(header, "mes:Test", "false")
    _el(header, "mes:Prepared", timezone.now().isoformat(timespec="seconds"))
    _el(header, "mes:Sender", id=AGENCY)
    structures = _el(root, "mes:Structures")

    flows = _el(structures, "str:Dataflows")
    flow = _maintainable(
        flows, "str:Dataflow", DATAFLOW, _translated(lambda: gettext_lazy("Indicators of the GCM reviews"))
    )
    _ref(
        flow,
        "str:Structure",
        id=DSD,
        version=VERSION,
        agencyID=AGENCY,
        package="datastructure",
        **{"class": "DataStructure"},
    )

    lists = _el(structures, "str:Codelists")
    for identifier, codes in _codelists().items():
        codelist = _maintainable(lists, "str:Codelist", identifier, {"en": identifier})
        for code in codes:
            _names(_el(codelist, "str:Code", id=code.id), code.names)

    schemes = _el(structures, "str:Concepts")
    scheme = _maintainable(schemes, "str:ConceptScheme", "CS_GCM", _translated(lambda: gettext_lazy("Concepts")))
    for concept, label in CONCEPTS.items():
        _names(_el(scheme, "str:Concept", id=concept), _translated(lambda label=label: label))

    structures_el = _el(structures, "str:DataStructures")
    dsd = _maintainable(
        structures_el, "str:DataStructure", DSD, _translated(lambda: gettext_lazy("Indicators of the GCM reviews"))
    )
    components = _el(dsd, "str:DataStructureComponents")
    dimensions = _el(components, "str:DimensionList", id="DimensionDescriptor")
    for position, concept in enumerate(DIMENSIONS, start=1):
        _enumerated(_concept(dimensions, "str:Dimension", concept, position=position), concept)
    time = _concept(dimensions, "str:TimeDimension", "TIME_PERIOD", position=len(DIMENSIONS) + 1)
    _text_format(time, "ObservationalTimePeriod")
    attributes = _el(components, "str:AttributeList", id="AttributeDescriptor")
    unit = _concept(attributes, "str:Attribute", "UNIT_MEASURE", assignmentStatus="Mandatory")
    _enumerated(unit, "UNIT_MEASURE")
    _ref(_el(unit, "str:AttributeRelationship"), "str:PrimaryMeasure", id="OBS_VALUE")
    source = _concept(attributes, "str:Attribute", "SOURCE", assignmentStatus="Conditional")
    _text_format(source, "String")
    _ref(_el(source, "str:AttributeRelationship"), "str:PrimaryMeasure", id="OBS_VALUE")
    measures = _el(components, "str:MeasureList", id="MeasureDescriptor")
    measure = _concept(measures, "str:PrimaryMeasure", "OBS_VALUE")
    _text_format(measure, "Double")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)

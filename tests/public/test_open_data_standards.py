"""The open-data downloads read with the tools their users run: frictionless on the Data Package, sdmx1 (the
SDMX reference client) on the SDMX-CSV with its published structure, openpyxl on the typed workbook."""

import datetime
import io
import json
import re
import zipfile

import frictionless
import pytest
import sdmx
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from objectives.models import IndicatorObservation
from tests.factories import IndicatorFactory

pytestmark = pytest.mark.django_db

SDMX_ID = re.compile(r"^[A-Za-z0-9_@$-]+$")


def _download(world, fmt: str, lang: str = "en"):
    return Client().get(reverse("public:download", args=[world.published.pk, fmt]), {"lang": lang})


def _unpacked(world, tmp_path, lang: str = "en"):
    with zipfile.ZipFile(io.BytesIO(_download(world, "csv", lang).content)) as zipped:
        zipped.extractall(tmp_path)
    return tmp_path / "datapackage.json"


class TestDataPackage:
    @pytest.mark.parametrize("lang", ["en", "ru", "be"])
    def test_every_table_of_the_package_validates_with_frictionless(self, world, tmp_path, lang):
        report = frictionless.validate(_unpacked(world, tmp_path, lang))
        assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
        assert report.stats["tasks"] == 8  # seven tables and the dictionary

    def test_the_package_describes_its_tables_with_types_keys_and_the_licence(self, world, tmp_path):
        descriptor = json.loads(_unpacked(world, tmp_path).read_text())
        assert descriptor["licenses"] == [
            {"title": "CC BY 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
        ]
        resources = {r["name"]: r for r in descriptor["resources"]}
        fields = {f["name"]: f for f in resources["observations"]["schema"]["fields"]}
        assert (fields["year"]["type"], fields["value"]["type"]) == ("integer", "number")
        assert fields["value"]["description"] == "Value, in the indicator's unit"
        statuses = {f["name"]: f for f in resources["objective_statuses"]["schema"]["fields"]}
        assert statuses["status"]["constraints"]["enum"][0] == "not_assessed"
        assert resources["observations"]["schema"]["primaryKey"] == ["indicator", "year", "disaggregation"]
        assert resources["observations"]["schema"]["foreignKeys"] == [
            {"fields": "indicator", "reference": {"resource": "indicators", "fields": "code"}}
        ]
        activities = {f["name"]: f["type"] for f in resources["activities"]["schema"]["fields"]}
        assert activities["start_date"] == "date" and activities["objectives"] == "list"

    def test_a_value_that_breaks_its_schema_is_found(self, world, tmp_path):
        """The schema is not decoration: a wrong type, an unknown status or a dangling key fails validation."""
        descriptor = _unpacked(world, tmp_path)
        observations = tmp_path / "observations.csv"
        observations.write_text(observations.read_text(encoding="utf-8-sig").replace(",40,", ",forty,"))
        statuses = tmp_path / "objective_statuses.csv"
        statuses.write_text(statuses.read_text(encoding="utf-8-sig").replace(",advanced,", ",excellent,"))
        report = frictionless.validate(descriptor)
        errors = {(task.name, error.type) for task in report.tasks for error in task.errors}
        assert {("observations", "type-error"), ("objective_statuses", "constraint-error")} <= errors

    def test_the_json_download_carries_the_same_schemas_and_typed_values(self, world, tmp_path):
        descriptor = json.loads(_unpacked(world, tmp_path).read_text())
        data = json.loads(_download(world, "json").content)
        assert data["schemas"] == {r["name"]: r["schema"] for r in descriptor["resources"] if r["name"] != "dictionary"}
        assert [o["value"] for o in data["tables"]["observations"]] == [40, 45.5, -1.5]
        assert data["tables"]["observations"][0]["disaggregation"] == "_T"
        activity = data["tables"]["activities"][0]
        assert activity["start_date"] == "2028-03-01" and activity["end_date"] is None
        assert isinstance(data["tables"]["indicators"][0]["objectives"], list)


class TestWorkbook:
    def test_dates_are_dates_numbers_are_numbers_and_every_sheet_has_a_header(self, world):
        workbook = load_workbook(io.BytesIO(_download(world, "xlsx").content))
        activities = workbook["activities"]
        header = [c.value for c in activities[1]]
        start = activities.cell(row=2, column=header.index("start_date") + 1)
        assert start.value == datetime.datetime(2028, 3, 1) and start.number_format == "yyyy-mm-dd"
        objectives = activities.cell(row=2, column=header.index("objectives") + 1).value
        assert isinstance(objectives, int)  # a single objective is a number, not "number stored as text"
        years = [row[1] for row in workbook["observations"].iter_rows(min_row=2, values_only=True)]
        assert years == [2027, 2028, 2029]
        for sheet in workbook.worksheets:
            first = [c.value for c in sheet[1]]
            assert first and all(isinstance(v, str) and v for v in first), sheet.title
            assert sheet["A1"].font.bold, sheet.title
        assert [c.value for c in workbook["licence"][1]] == ["field", "value"]
        licence = {row[0]: row[1] for row in workbook["licence"].iter_rows(min_row=2, values_only=True)}
        assert licence["licence"] == "CC BY 4.0"


class TestSdmx:
    def test_sdmx1_reads_the_data_with_the_published_structure(self, world):
        structure = Client().get(reverse("public:sdmx-structure"))
        assert structure.status_code == 200
        assert structure["Content-Type"].startswith("application/vnd.sdmx.structure+xml")
        message = sdmx.read_sdmx(io.BytesIO(structure.content), format="XML")
        flow = message.dataflow["GCM_INDICATORS"]
        dsd = message.structure["DSD_GCM_INDICATORS"]
        assert [d.id for d in dsd.dimensions] == ["FREQ", "REF_AREA", "INDICATOR", "DISAGGREGATION", "TIME_PERIOD"]
        indicators = message.codelist["CL_INDICATOR"]
        assert [str(code.name) for code in indicators] == ["Share of migrants with a work permit"]

        response = _download(world, "sdmx")
        assert (
            response["Content-Disposition"] == f'attachment; filename="uncnm-regional-{world.published.year}.sdmx.csv"'
        )
        data = sdmx.read_sdmx(io.BytesIO(response.content), format="CSV", structure=flow)
        observations = [o for dataset in data.data for o in dataset.obs]
        assert sorted(float(o.value) for o in observations) == [-1.5, 40.0, 45.5]  # not the one after the cut-off
        for o in observations:
            key = o.key.order()
            assert key["FREQ"].value == "A" and key["REF_AREA"].value == "BY" and key["DISAGGREGATION"].value == "_T"
            assert key["INDICATOR"].value in indicators
            assert o.attrib["UNIT_MEASURE"].value in message.codelist["CL_UNIT_MEASURE"]

    def test_codes_are_sdmx_ids_the_same_in_every_language_and_values_are_not_escaped(self, world):
        indicator = IndicatorFactory(
            code="SDG 10.7.1", name="Recruitment cost", name_ru="Расходы на наём", unit="permits", unit_ru="разрешений"
        )
        IndicatorObservation.objects.create(indicator=indicator, year=2029, value=5, source="=Ministry, -2 revised")
        files = {lang: _download(world, "sdmx", lang).content for lang in ("en", "ru", "be")}
        assert files["en"] == files["ru"] == files["be"]
        rows = [line.split(",") for line in files["en"].decode().splitlines()]
        header = rows[0]
        for row in rows[1:]:
            for column in ("INDICATOR", "DISAGGREGATION", "UNIT_MEASURE", "REF_AREA", "FREQ"):
                assert SDMX_ID.match(row[header.index(column)]), (column, row)
        sdg = next(row for row in rows[1:] if row[header.index("INDICATOR")] == "SDG_10_7_1")
        assert sdg[header.index("UNIT_MEASURE")] == "PERMITS"
        assert files["en"].decode().count('"=Ministry, -2 revised"') == 1  # as written: no leading apostrophe
        structure = sdmx.read_sdmx(io.BytesIO(Client().get(reverse("public:sdmx-structure")).content), format="XML")
        unit = structure.codelist["CL_UNIT_MEASURE"]["PERMITS"]
        assert (str(unit.name.localizations["en"]), str(unit.name.localizations["ru"])) == ("permits", "разрешений")
        assert structure.codelist["CL_UNIT_MEASURE"]["PT"]  # "%" is SDMX's percent
        names = structure.codelist["CL_INDICATOR"]["SDG_10_7_1"].name.localizations
        assert (names["en"], names["ru"]) == ("Recruitment cost", "Расходы на наём")

    def test_the_structure_is_valid_sdmx_ml_of_one_stable_address(self, world):
        assert reverse("public:sdmx-structure") == "/public/sdmx/structure.xml"
        page = Client().get(reverse("public:cycle", args=[world.published.pk])).content.decode()
        assert 'href="/public/sdmx/structure.xml"' in page

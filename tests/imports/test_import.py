"""Importing earlier reviews: template, check with problems by sheet, row and column, preview, apply in one
transaction, the same file again changes nothing, the history says where changes came from."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from imports.models import ImportJob
from imports.sheets import SHEET_NAMES
from inputs.models import Consultation
from objectives.models import Activity, Indicator, IndicatorObservation
from pledges.models import Pledge
from reviews.models import ActionProgress, ObjectiveAssessment, ReviewCycle

pytestmark = pytest.mark.django_db

ROWS = {
    "cycles": [
        [
            "level",
            "year",
            "name",
            "forum",
            "forum_starts",
            "forum_ends",
            "input_opens",
            "input_closes",
            "submission_deadline",
            "status",
        ],
        [
            "regional",
            2028,
            "Third UNECE regional review (2028)",
            "UNECE, Geneva",
            "2028-03-10",
            "2028-03-10",
            "2027-09-01",
            "2027-12-15",
            "2028-01-31",
            "closed",
        ],
    ],
    "indicators": [
        [
            "code",
            "name",
            "unit",
            "source",
            "scope",
            "objectives",
            "sdg_targets",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
        ],
        ["BY-IMP-1", "Work permits issued", "permits", "MIA", "national", "5; 6", "10.7", "4000", 2019, "", ""],
    ],
    "observations": [
        ["indicator", "year", "value", "disaggregation", "source"],
        ["BY-IMP-1", 2026, 4500, "", "MIA"],
        ["BY-IMP-1", 2027, "-1.5", "women", ""],
    ],
    "activities": [
        [
            "title",
            "lead_organisation",
            "start_date",
            "end_date",
            "status",
            "objectives",
            "actions",
            "partners",
            "budget",
            "currency",
            "location",
            "description",
        ],
        ["Border training (imported)", "Org A", "2026-02-01", "", "ongoing", "11", "11(a)", "", "1000", "USD", "", ""],
    ],
    "assessments": [
        [
            "cycle",
            "objective",
            "status",
            "achievements",
            "policy_changes",
            "challenges",
            "good_practices",
            "next_steps",
            "source_language",
            "narratives_public",
            "principles",
            "lead_organisations",
            "contributing_organisations",
        ],
        ["regional 2028", 6, "advanced", "Online work permits.", "", "", "", "", "en", "yes", "a; c", "Org A", ""],
    ],
    "action_statuses": [
        ["cycle", "action", "status", "note"],
        ["regional 2028", "6(a)", "completed", "Done in 2027."],
    ],
    "pledges": [
        [
            "title",
            "organisation",
            "description",
            "kind",
            "nature",
            "objectives",
            "status",
            "network_id",
            "starts",
            "due",
        ],
        [
            "Digital permits (imported)",
            "Org A",
            "Online applications.",
            "individual",
            "process",
            "6",
            "validated",
            "P-9",
            "2026-01-01",
            "2028-12-31",
        ],
    ],
    "consultations": [
        ["cycle", "title", "held_on", "format", "organiser", "objectives", "key_messages", "women", "men"],
        [
            "regional 2028",
            "Hearing with migrants",
            "2027-11-05",
            "hearing",
            "Org A",
            "6; 11",
            "More information.",
            12,
            9,
        ],
    ],
}


def workbook(rows: dict | None = None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, table in {**ROWS, **(rows or {})}.items():
        sheet = book.create_sheet(name)
        for line in table:
            sheet.append(line)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def org_a(organisation_a):
    organisation_a.acronym = "Org A"
    organisation_a.save()
    return organisation_a


def upload(client, run_jobs, content: bytes, name: str = "reviews-2028.xlsx") -> ImportJob:
    response = run_jobs(
        lambda: client.post(reverse("imports:import-list"), {"file": SimpleUploadedFile(name, content)})
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return ImportJob.objects.latest("pk")


def counts() -> tuple:
    return (
        *tuple(
            m.objects.count()
            for m in (
                ReviewCycle,
                Indicator,
                IndicatorObservation,
                Activity,
                ObjectiveAssessment,
                ActionProgress,
                Pledge,
            )
        ),
        Consultation.objects.count(),
    )


def test_the_templates_hold_every_sheet_and_a_guide(secretariat, login):
    client = login(secretariat)
    book = load_workbook(io.BytesIO(client.get(reverse("imports:template-download", args=["template.xlsx"])).content))
    assert book.sheetnames == ["guide", *SHEET_NAMES]
    assert [c.value for c in book["assessments"][1]][:3] == ["cycle", "objective", "status"]
    guide = [row for row in book["guide"].iter_rows(values_only=True)]
    assert guide[[r[:2] for r in guide].index(("assessments", "status"))][:3] == ("assessments", "status", "yes")
    csv_text = client.get(reverse("imports:template-download", args=["observations.csv"])).content.decode("utf-8-sig")
    assert csv_text.strip() == "indicator,year,value,disaggregation,source"
    assert client.get(reverse("imports:template-download", args=["secrets.csv"])).status_code == 404


def test_a_workbook_is_checked_previewed_applied_and_recorded(secretariat, org_a, login, run_jobs):
    client = login(secretariat)
    before = counts()
    job = upload(client, run_jobs, workbook())
    assert job.status == "checked", job.problems
    assert counts() == before  # checking writes nothing
    assert job.summary["assessments"] == {"create": 1, "update": 0, "unchanged": 0}
    page = client.get(job.get_absolute_url()).content.decode()
    assert "Apply the import" in page and "regional 2028 · 6" in page
    run_jobs(lambda: client.post(reverse("imports:import-apply", args=[job.pk])))
    job.refresh_from_db()
    assert job.status == "applied", job.error
    cycle = ReviewCycle.objects.get(level="regional", year=2028)
    assessment = ObjectiveAssessment.objects.get(cycle=cycle, objective__number=6)
    assert assessment.status == "advanced" and assessment.narratives_public
    assert {p.letter for p in assessment.principles.all()} == {"a", "c"}
    assert list(assessment.lead_organisations.all()) == [org_a]
    assert assessment.history.latest().history_change_reason == "Imported from reviews-2028.xlsx"
    assert assessment.history.latest().history_user == secretariat
    assert (
        ActionProgress.objects.get(cycle=cycle, action__objective__number=6, action__letter="a").status == "completed"
    )
    observations = IndicatorObservation.objects.filter(indicator__code="BY-IMP-1").order_by("year")
    assert [(o.year, str(o.value.normalize()), o.disaggregation) for o in observations] == [
        (2026, "4.5E+3", ""),
        (2027, "-1.5", "women"),
    ]
    assert Pledge.objects.get(network_id="P-9").status == "validated"
    assert Consultation.objects.get(title_en="Hearing with migrants").women == 12
    assert Activity.objects.get(title="Border training (imported)").actions.get().code == "11(a)"
    # The same file again: everything unchanged, nothing to apply.
    again = upload(client, run_jobs, workbook())
    assert again.status == "checked" and not again.changes_something
    assert all(c["create"] == c["update"] == 0 for c in again.summary.values())
    assert "Nothing to change" in client.get(again.get_absolute_url()).content.decode()


def test_a_changed_cell_is_an_update_in_the_preview(secretariat, org_a, login, run_jobs):
    client = login(secretariat)
    job = upload(client, run_jobs, workbook())
    run_jobs(lambda: client.post(reverse("imports:import-apply", args=[job.pk])))
    changed = [ROWS["assessments"][0], [*ROWS["assessments"][1][:2], "achieved", *ROWS["assessments"][1][3:]]]
    job = upload(client, run_jobs, workbook({"assessments": changed}))
    assert job.summary["assessments"] == {"create": 0, "update": 1, "unchanged": 0}
    assert job.preview == [
        {"sheet": "assessments", "row": 2, "action": "update", "label": "regional 2028 · 6", "changes": ["status"]}
    ]


def replaced(sheet: str, column: str, value, row: int = 1) -> dict:
    table = [list(line) for line in ROWS[sheet]]
    table[row][table[0].index(column)] = value
    return {sheet: table}


@pytest.mark.parametrize(
    ("rows", "sheet", "row", "column", "message"),
    [
        (replaced("assessments", "status", "great"), "assessments", 2, "status", "is not one of"),
        (replaced("assessments", "objective", 24), "assessments", 2, "objective", "outside 1–23"),
        (replaced("action_statuses", "action", "6(z)"), "action_statuses", 2, "action", "is not an action of the GCM"),
        (
            replaced("activities", "lead_organisation", "Nobody"),
            "activities",
            2,
            "lead_organisation",
            "No organisation",
        ),
        (replaced("cycles", "input_opens", "12/09/2027"), "cycles", 2, "input_opens", "is not a date"),
        (
            replaced("cycles", "input_closes", "2027-01-01"),
            "cycles",
            2,
            "",
            "The input window must close after it opens.",
        ),
        (replaced("observations", "value", "=SUM(A1:A3)"), "observations", 2, "value", "is a formula"),
        (replaced("assessments", "cycle", "regional 2099"), "assessments", 2, "cycle", "No review cycle"),
        (replaced("pledges", "objectives", "1; 2; 3; 4"), "pledges", 2, "objectives", "one to three"),
        (
            {"observations": [*ROWS["observations"], ROWS["observations"][1]]},
            "observations",
            4,
            "",
            "The same record as row 2",
        ),
        ({"assessments": [ROWS["assessments"][0][:-1], ROWS["assessments"][1]]}, "assessments", 1, "", "Missing"),
    ],
)
def test_a_bad_file_says_where_each_problem_is_and_changes_nothing(
    secretariat, org_a, login, run_jobs, rows, sheet, row, column, message
):
    client = login(secretariat)
    before = counts()
    job = upload(client, run_jobs, workbook(rows))
    assert job.status == "invalid"
    found = [p for p in job.problems if p["sheet"] == sheet and p["row"] == row]
    assert found and any(message in p["message"] and (not column or p["column"] == column) for p in found), job.problems
    assert client.post(reverse("imports:import-apply", args=[job.pk])).status_code == 302
    job.refresh_from_db()
    assert job.status == "invalid" and counts() == before


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"not a spreadsheet", "reviews.xlsx", "could not be read"),
        (b"a,b\n1,2\n", "unknown.csv", "No sheet of the file is named"),
        (b"\xff\xfe\x00bad", "assessments.csv", "UTF-8"),
    ],
)
def test_a_file_that_is_not_an_import_file_is_refused(secretariat, login, run_jobs, content, name, message):
    job = upload(login(secretariat), run_jobs, content, name)
    assert job.status == "invalid" and message in job.problems[0]["message"]


def test_the_upload_form_refuses_other_files(secretariat, login):
    response = login(secretariat).post(
        reverse("imports:import-list"), {"file": SimpleUploadedFile("notes.docx", b"PK\x03\x04")}
    )
    assert response.status_code == 400 and "is not an XLSX workbook" in response.content.decode()


def test_problems_are_written_in_the_uploaders_language(secretariat, org_a, login, run_jobs):
    client = login(secretariat)
    client.cookies["django_language"] = "ru"
    job = upload(client, run_jobs, workbook(replaced("assessments", "status", "great")))
    assert job.language == "ru"
    assert any("не" in p["message"] for p in job.problems), job.problems


def test_an_error_while_applying_leaves_nothing_applied(secretariat, org_a, login, run_jobs, monkeypatch):
    client = login(secretariat)
    job = upload(client, run_jobs, workbook())
    before = counts()

    def broken(self, *args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Pledge, "save", broken)  # pledges come after cycles, assessments, ...
    run_jobs(lambda: client.post(reverse("imports:import-apply", args=[job.pk])))
    job.refresh_from_db()
    assert job.status == "failed" and "disk full" in job.error
    assert counts() == before


def test_ten_thousand_rows_are_checked_and_applied(secretariat, org_a, login, run_jobs):
    observations = [ROWS["observations"][0]] + [
        ["BY-IMP-1", 1990 + i % 40, i, f"group {i // 40}", ""] for i in range(10_000)
    ]
    client = login(secretariat)
    job = upload(client, run_jobs, workbook({"observations": observations}))
    assert job.status == "checked", job.problems[:3]
    assert job.summary["observations"]["create"] == 10_000
    run_jobs(lambda: client.post(reverse("imports:import-apply", args=[job.pk])))
    job.refresh_from_db()
    assert job.status == "applied", job.error
    assert IndicatorObservation.objects.filter(indicator__code="BY-IMP-1").count() == 10_000


def test_the_command_checks_and_applies_a_folder_of_csv_files(org_a, tmp_path, capsys):
    folder = tmp_path / "reviews"
    folder.mkdir()
    for name in ("cycles", "assessments", "action_statuses"):
        import csv

        with (folder / f"{name}.csv").open("w", newline="") as handle:
            csv.writer(handle).writerows(ROWS[name])
    call_command("import_reviews", str(folder))
    assert "assessments: 1 to create" in capsys.readouterr().out
    assert not ReviewCycle.objects.filter(year=2028).exists()
    call_command("import_reviews", str(folder), "--apply")
    assert ObjectiveAssessment.objects.filter(cycle__year=2028).count() == 1
    call_command("import_reviews", str(folder))
    assert "assessments: 0 to create, 0 to change, 1 unchanged" in capsys.readouterr().out


def test_a_zip_of_csv_files_imports_as_the_workbook(secretariat, org_a, login, run_jobs):
    import csv

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in ("cycles", "assessments"):
            text = io.StringIO()
            csv.writer(text).writerows(ROWS[name])
            archive.writestr(f"{name}.csv", text.getvalue())
    job = upload(login(secretariat), run_jobs, buffer.getvalue(), "reviews.zip")
    assert job.status == "checked" and job.summary["assessments"]["create"] == 1

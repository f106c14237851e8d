import datetime
import io
import re
import zipfile

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from inputs.models import Assignment, Evidence, Input, Reminder
from inputs.tasks import send_deadline_reminders_task
from tests.factories import AssignmentFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf(name: str = "plan.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def data(**overrides) -> dict:
    values = {
        "measures": "A new migration law.",
        "results": "",
        "challenges": "",
        "good_practices": "",
        "data_sources": "",
        "actions": [],
    }
    values.update(overrides)
    return values


@pytest.fixture
def assignment(organisation_a, focal_point_a):
    return AssignmentFactory(organisation=organisation_a, focal_point=focal_point_a)


def test_focal_point_saves_a_draft_with_evidence(assignment, focal_point_a, focal_point_b, login):
    client = login(focal_point_a)
    url = assignment.input.get_absolute_url()
    response = client.post(url, {**data(), "evidence": [pdf(), SimpleUploadedFile("table.docx", docx_bytes())]})
    assert response.status_code == 302
    input_ = Input.objects.get()
    assert input_.measures == "A new migration law." and input_.status == "draft"
    files = list(input_.evidence.order_by("extension"))
    assert [(f.original_name, f.extension) for f in files] == [("table.docx", "docx"), ("plan.pdf", "pdf")]
    assert re.fullmatch(rf"evidence/{input_.pk}/[0-9a-f]{{32}}\.pdf", files[1].file.name)
    download = client.get(reverse("inputs:evidence-download", args=[input_.pk, files[1].pk]))
    assert b"".join(download.streaming_content) == PDF
    assert 'filename="plan.pdf"' in download["Content-Disposition"]
    assert (
        login(focal_point_b).get(reverse("inputs:evidence-download", args=[input_.pk, files[1].pk])).status_code == 404
    )


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("empty.pdf", b""), "is empty"),
        (SimpleUploadedFile("page.pdf", b"<html><script>alert(1)</script></html>"), "is not a PDF, DOCX"),
        (SimpleUploadedFile("program.png", b"MZ\x90\x00" + b"\x00" * 100), "is not a PDF, DOCX"),
        (SimpleUploadedFile("archive.docx", b"PK\x03\x04" + b"\x00" * 100), "is not a PDF, DOCX"),
        (SimpleUploadedFile("huge.pdf", PDF + b"0" * (20 * 1024 * 1024)), "larger than 20.0\xa0MB"),
    ],
)
def test_bad_files_get_a_clear_error_and_lose_nothing(assignment, focal_point_a, login, upload, message):
    Input.objects.filter(pk=assignment.input.pk).update(results="Saved earlier")
    client = login(focal_point_a)
    response = client.post(
        assignment.input.get_absolute_url(),
        {**data(measures="Typed just now", results="Saved earlier"), "evidence": [upload]},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html
    assert "Typed just now" in html  # what the user typed is still in the form
    input_ = Input.objects.get()
    assert input_.results == "Saved earlier" and input_.measures == "" and not Evidence.objects.exists()


def test_a_file_name_with_a_path_is_stored_safely(assignment, focal_point_a, login):
    login(focal_point_a).post(
        assignment.input.get_absolute_url(), {**data(), "evidence": [pdf("../../etc/passwd.pdf")]}
    )
    evidence = Evidence.objects.get()
    assert evidence.original_name == "passwd.pdf"
    assert ".." not in evidence.file.name and evidence.file.name.startswith("evidence/")


def test_too_long_text_is_refused(assignment, focal_point_a, login):
    response = login(focal_point_a).post(assignment.input.get_absolute_url(), data(challenges="x" * 10_001))
    assert response.status_code == 400
    assert "Ensure this value has at most 10000 characters" in response.content.decode()


def test_script_in_text_is_rendered_harmless(assignment, focal_point_a, secretariat, login):
    login(focal_point_a).post(
        assignment.input.get_absolute_url(), {**data(measures="<script>alert(1)</script> **done**"), "submit": "1"}
    )
    html = login(secretariat).get(assignment.input.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "<strong>done</strong>" in html


def test_submission_after_the_deadline_is_refused_unless_extended(assignment, focal_point_a, login):
    Assignment.objects.filter(pk=assignment.pk).update(deadline=datetime.date.today() - datetime.timedelta(days=1))
    client = login(focal_point_a)
    response = client.post(assignment.input.get_absolute_url(), {**data(), "submit": "1"}, follow=True)
    assert "The deadline" in response.content.decode() and "has passed" in response.content.decode()
    assert Input.objects.get().status == "draft" and Input.objects.get().measures == "A new migration law."
    Assignment.objects.filter(pk=assignment.pk).update(
        extended_deadline=datetime.date.today() + datetime.timedelta(days=3)
    )
    client.post(assignment.input.get_absolute_url(), {**data(), "submit": "1"})
    assert Input.objects.get().status == "submitted"


def test_an_empty_input_cannot_be_submitted(assignment, focal_point_a, login):
    response = login(focal_point_a).post(
        assignment.input.get_absolute_url(), {**data(measures=""), "submit": "1"}, follow=True
    )
    assert "Write at least one section" in response.content.decode()


def test_the_full_loop_return_resubmit_accept(assignment, focal_point_a, secretariat, login, send_now):
    focal_point_a.language = "ru"
    focal_point_a.save()
    focal = login(focal_point_a)
    focal.post(assignment.input.get_absolute_url(), {**data(), "submit": "1"})
    late = focal.post(assignment.input.get_absolute_url(), data(measures="Late edit"), follow=True)
    assert "already submitted; nothing was changed" in late.content.decode()  # read-only now
    assert Input.objects.get().measures != "Late edit"

    staff = login(secretariat)
    queue = staff.get(reverse("inputs:input-queue", args=[assignment.cycle_id])).content.decode()
    assert str(assignment.objective) in queue
    assert staff.post(reverse("inputs:input-return", args=[assignment.input.pk]), {"comment": ""}).status_code == 302
    assert Input.objects.get().status == "submitted"  # a return needs a comment
    with send_now():
        staff.post(reverse("inputs:input-return", args=[assignment.input.pk]), {"comment": "Add figures for 2025."})
    assert Input.objects.get().status == "returned"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [focal_point_a.email]
    assert "Add figures for 2025." in mail.outbox[0].body
    assert "возвращены" in mail.outbox[0].subject  # in the recipient's language
    assert mail.outbox[0].alternatives and "<blockquote>" in mail.outbox[0].alternatives[0][0]

    focal.post(assignment.input.get_absolute_url(), {**data(results="2025: 1,200 permits"), "submit": "1"})
    assert Input.objects.get().status == "submitted"
    staff.post(reverse("inputs:input-accept", args=[assignment.input.pk]))
    assert Input.objects.get().status == "accepted"
    editor = staff.get(reverse("reviews:assessment-update", args=[assignment.objective.number, assignment.cycle_id]))
    assert "2025: 1,200 permits" in editor.content.decode() and "Copy to" in editor.content.decode()


def test_call_for_inputs_creates_assignments_and_notifies(secretariat, focal_point_a, organisation_a, login, send_now):
    cycle = ReviewCycleFactory()
    with send_now():
        response = login(secretariat).post(
            reverse("inputs:call-for-inputs", args=[cycle.pk]),
            {
                "objectives": [5, 6],
                "organisation": organisation_a.pk,
                "role": "lead",
                "focal_point": focal_point_a.pk,
                "deadline": "2031-01-15",
            },
        )
    assert response.status_code == 302
    assert Assignment.objects.filter(cycle=cycle).count() == 2 and Input.objects.count() == 2
    (message,) = mail.outbox  # one e-mail for the two objectives
    assert message.subject == "Request for input on 2 objectives"
    assert (
        "Objective 5: Regular pathways" in message.body and "Objective 6: Recruitment and decent work" in message.body
    )
    assert message.body.count("/inputs/") == 2


def test_the_secretariat_is_told_in_its_language_when_an_input_arrives(
    assignment, focal_point_a, secretariat, login, send_now
):
    from tests.factories import UserFactory

    UserFactory(role="Secretariat", language="ru", email="olga@iom.example")
    with send_now():
        login(focal_point_a).post(assignment.input.get_absolute_url(), {**data(), "submit": "1"})
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {secretariat.email, "olga@iom.example"}
    english, in_russian = by_recipient[secretariat.email], by_recipient["olga@iom.example"]
    assert english.subject.startswith("Input received: ") and f"/inputs/{assignment.input.pk}/" in english.body
    assert in_russian.subject.startswith("Получены материалы: ")
    with translation.override("ru"):
        assert str(assignment.objective) in in_russian.subject  # the objective named in Russian too


def test_call_for_inputs_refuses_a_focal_point_of_another_organisation(
    secretariat, focal_point_b, organisation_a, login
):
    response = login(secretariat).post(
        reverse("inputs:call-for-inputs", args=[ReviewCycleFactory().pk]),
        {
            "objectives": [5],
            "organisation": organisation_a.pk,
            "role": "lead",
            "focal_point": focal_point_b.pk,
            "deadline": "2031-01-15",
        },
    )
    assert response.status_code == 400 and "must belong to the organisation" in response.content.decode()


def test_observers_read_accepted_inputs_only(assignment, observer, login):
    client = login(observer)
    assert client.get(assignment.input.get_absolute_url()).status_code == 404
    Input.objects.filter(pk=assignment.input.pk).update(status="accepted")
    assert client.get(assignment.input.get_absolute_url()).status_code == 200


def test_agency_staff_read_accepted_government_inputs_as_observers_do(assignment, agency_staff, focal_point_b, login):
    client = login(agency_staff)
    assert client.get(assignment.input.get_absolute_url()).status_code == 404  # a ministry's draft
    Input.objects.filter(pk=assignment.input.pk).update(status="accepted", measures="A new migration law.")
    page = client.get(assignment.input.get_absolute_url())
    assert page.status_code == 200 and "A new migration law." in page.text and "Save draft" not in page.text
    assert login(focal_point_b).get(assignment.input.get_absolute_url()).status_code == 404  # other ministries: no


def test_inbox_lists_open_and_earlier_inputs(assignment, focal_point_a, login):
    AssignmentFactory(
        organisation=assignment.organisation,
        with_input={"status": "accepted"},
        cycle=ReviewCycleFactory(year=2020, name="Old cycle"),
    )
    html = login(focal_point_a).get(reverse("inputs:input-inbox")).content.decode()
    assert str(assignment.objective) in html and "Old cycle" in html


def test_tracker_shows_who_is_late_and_exports(secretariat, organisation_a, organisation_b, login):
    cycle = ReviewCycleFactory()
    AssignmentFactory(cycle=cycle, organisation=organisation_a, with_input={"status": "submitted"})
    AssignmentFactory(cycle=cycle, organisation=organisation_b, deadline=datetime.date(2020, 1, 1))
    client = login(secretariat)
    html = client.get(reverse("inputs:input-tracker", args=[cycle.pk])).content.decode()
    assert "late" in html and "1 / 1" in html
    csv = client.get(reverse("inputs:input-tracker", args=[cycle.pk]), {"format": "csv"}).content.decode("utf-8-sig")
    assert "Ministry B" in csv and "yes" in csv


def test_reminders_are_sent_once_each(focal_point_a, organisation_a, send_now):
    today = datetime.date(2031, 3, 1)
    AssignmentFactory(
        organisation=organisation_a, focal_point=focal_point_a, deadline=today + datetime.timedelta(days=7)
    )
    with time_machine.travel(datetime.datetime(2031, 3, 1, 9, tzinfo=datetime.UTC)):
        with send_now():
            assert send_deadline_reminders_task() == 1
        with send_now():
            assert send_deadline_reminders_task() == 0  # running twice sends nothing new
    assert len(mail.outbox) == 1
    with time_machine.travel(datetime.datetime(2031, 3, 7, 9, tzinfo=datetime.UTC)), send_now():
        assert send_deadline_reminders_task() == 1
    with time_machine.travel(datetime.datetime(2031, 3, 9, 9, tzinfo=datetime.UTC)), send_now():
        assert send_deadline_reminders_task() == 1
        assert send_deadline_reminders_task() == 0
    assert [r.kind for r in Reminder.objects.order_by("sent_at")] == ["7d", "1d", "overdue"]
    assert "Overdue" in mail.outbox[-1].subject


def test_no_reminder_for_submitted_inputs(organisation_a, focal_point_a, send_now):
    AssignmentFactory(
        organisation=organisation_a,
        focal_point=focal_point_a,
        deadline=datetime.date.today(),
        with_input={"status": "submitted"},
    )
    with send_now():
        assert send_deadline_reminders_task() == 0


def test_inbox_tables_show_the_deadline_of_open_requests_and_the_time_of_submitted_ones(focal_point_a, login):
    AssignmentFactory(organisation=focal_point_a.organisation, deadline=datetime.date(2020, 1, 1))
    html = login(focal_point_a).get(reverse("inputs:input-inbox")).content.decode()
    open_table, other_table = html.split("<table", 2)[1:]
    assert ">Deadline<" in open_table and "overdue" in open_table and "Lead" in open_table
    assert ">Submitted at<" in other_table and "No input yet." in other_table


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("report.html", "report.pdf"),
        ("macros.docm", "macros.pdf"),
        (".hidden.html", "hidden.pdf"),
        ("", "evidence.pdf"),
    ],
)
def test_evidence_is_named_and_served_as_what_it_really_is(assignment, focal_point_a, login, name, stored):
    client = login(focal_point_a)
    response = client.post(assignment.input.get_absolute_url(), {**data(), "evidence": [pdf(name or "x")]})
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    if name == "":
        Evidence.objects.filter(pk=evidence.pk).update(original_name="")  # a name lost on the way
    download = client.get(reverse("inputs:evidence-download", args=[assignment.input.pk, evidence.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert f'filename="{stored}"' in download["Content-Disposition"]


def test_plain_text_e_mails_carry_no_html_entities(secretariat, organisation_a, login, send_now):
    with send_now():
        login(secretariat).post(
            reverse("accounts:user-invite"),
            {
                "full_name": "Ann O'Brien & Sons",
                "email": "ann@example.org",
                "organisation": organisation_a.pk,
                "role": "Observer",
                "language": "en",
            },
        )
    message = mail.outbox[0]
    assert "Ann O'Brien & Sons" in message.body and "&amp;" not in message.body and "&#x27;" not in message.body
    html = message.alternatives[0][0]
    assert "O&#x27;Brien &amp; Sons" in html  # the HTML part stays escaped


def test_a_draft_saved_in_another_tab_after_submitting_does_not_undo_the_submission(assignment, focal_point_a, login):
    tab_a, tab_b = login(focal_point_a), login(focal_point_a)
    tab_a.post(assignment.input.get_absolute_url(), {**data(), "submit": "1"})
    response = tab_b.post(assignment.input.get_absolute_url(), {**data(measures="Older text")}, follow=True)
    assert "This input was already submitted; nothing was changed." in response.content.decode()
    input_ = Input.objects.get()
    assert input_.status == "submitted" and input_.measures == "A new migration law."


def test_the_same_file_attached_twice_is_stored_once(assignment, focal_point_a, login):
    client = login(focal_point_a)
    client.post(assignment.input.get_absolute_url(), {**data(), "evidence": [pdf("plan.pdf")]})
    client.post(assignment.input.get_absolute_url(), {**data(), "evidence": [pdf("plan-copy.pdf")]})
    assert Evidence.objects.count() == 1


def test_a_save_on_top_of_an_older_version_is_a_conflict_that_keeps_the_text_and_the_files(
    assignment, focal_point_a, login
):
    url = assignment.input.get_absolute_url()
    tab_a, tab_b = login(focal_point_a), login(focal_point_a)
    assert 'name="version" value="1"' in tab_b.get(url).text  # both tabs opened version 1
    assert tab_a.post(url, data(measures="Text of tab A", version=1)).status_code == 302

    response = tab_b.post(url, {**data(measures="Text of tab B", version=1), "evidence": [pdf()]})
    assert response.status_code == 409
    page = response.text
    assert "saved this input after you opened it" in page and "Text of tab B" in page
    assert 'name="version" value="2"' in page  # saving the kept text again replaces tab A's, knowingly
    input_ = Input.objects.get()
    assert input_.measures == "Text of tab A" and input_.version == 2
    assert Evidence.objects.count() == 1  # the chosen file is not lost

    response = tab_b.post(url, {**data(measures="Text of tab B", version=2), "submit": "1"})
    input_.refresh_from_db()
    assert response.status_code == 302 and input_.measures == "Text of tab B" and input_.status == "submitted"


def test_submitting_from_an_older_version_submits_nothing(assignment, focal_point_a, login):
    url = assignment.input.get_absolute_url()
    login(focal_point_a).post(url, data(measures="Newer text", version=1))
    response = login(focal_point_a).post(url, {**data(measures="Older text", version=1), "submit": "1"})
    input_ = Input.objects.get()
    assert response.status_code == 409 and input_.status == "draft" and input_.measures == "Newer text"

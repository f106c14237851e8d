"""The draft reads as the Government's review: its process, the State bodies' inputs and the consultations."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from drafts.draft_data import collect
from drafts.models import ReportSection
from inputs.models import Consultation, ConsultationParticipants, Evidence, Input, WrittenContribution
from objectives.models import Action, Objective
from policies.models import Instrument, PlanMeasure
from reviews.models import MeasureProgress
from stakeholders.models import Organisation
from tests.drafts.test_drafts import docx_text, pdf_text
from tests.factories import (
    AssignmentFactory,
    ExportJobFactory,
    OrganisationFactory,
    ReviewCycleFactory,
    finished_export,
)

pytestmark = pytest.mark.django_db

SECRETARIAT_SPEAK = ["secretariat has not written", "assessments of the network's secretariat", "Consultations held"]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def cycle():
    ministry = OrganisationFactory(name="Ministry of Internal Affairs", kind=Organisation.Kind.GOVERNMENT)
    cycle = ReviewCycleFactory(
        year=2030,
        level="global",
        name="Third International Migration Review Forum",
        notes="Internal: chase the Ministry of Labour before Friday.",
        lead_organisation=ministry,
        coordination_mechanism="the Inter-agency Working Group on Migration",
        validating_body="the Council of Ministers",
        data_cutoff=datetime.date(2029, 12, 31),
    )
    cycle.mechanism_members.set([ministry, OrganisationFactory(name="Ministry of Labour and Social Protection")])
    return cycle


def accepted_input(cycle, number: int, organisation_name: str, **texts) -> Input:
    organisation = Organisation.objects.filter(name=organisation_name).first() or OrganisationFactory(
        name=organisation_name
    )
    assignment = AssignmentFactory(
        cycle=cycle, objective=Objective.objects.get(number=number), organisation=organisation
    )
    input_ = assignment.input
    for name, value in texts.items():
        setattr(input_, name, value)
    input_.status = Input.Status.ACCEPTED
    input_.submitted_at = datetime.datetime(2029, 11, 2, tzinfo=datetime.UTC)
    input_.save()
    return input_


def consultation(cycle, **kwargs) -> Consultation:
    counts = kwargs.pop("counts", {"migrants": 12, "civil_society": 20, "government": 8})
    objectives = kwargs.pop("objectives", [])
    values = {"title": "National consultation on the GCM review", "held_on": datetime.date(2029, 10, 14)}
    values.update(kwargs)
    record = Consultation.objects.create(cycle=cycle, format=Consultation.Format.WORKSHOP, **values)
    record.objectives.set(objectives)
    for kind, count in counts.items():
        ConsultationParticipants.objects.create(consultation=record, kind=kind, count=count)
    return record


def test_the_draft_is_the_government_s_with_inputs_and_consultations_and_no_internal_note(cycle):
    labour = accepted_input(
        cycle,
        6,
        "Ministry of Labour and Social Protection",
        measures="Labour inspections now cover **recruitment agencies**.",
        results="Licences of 14 agencies were withdrawn.",
        data_sources="Ministry of Labour, annual inspection report 2029.",
    )
    labour.actions.set(Action.objects.filter(objective__number=6, letter__in="ad"))
    Evidence.attach(
        input_=labour,
        upload=SimpleUploadedFile("inspections-2029.pdf", b"%PDF-1.4 demo"),
        extension="pdf",
        content_type="application/pdf",
        by=None,
    )
    consultation(cycle, key_messages="Migrants asked for information in Russian and English.", women=22, men=18)
    ReportSection.ensure_outline(cycle)
    job = finished_export(cycle=cycle)
    for text in (flat(pdf_text(job)), flat(docx_text(job))):
        assert (
            "Prepared by: Ministry of Internal Affairs, with the support of the UN Country Network on Migration" in text
        )
        assert "Lead State body: Ministry of Internal Affairs." in text
        assert "coordinated by the Inter-agency Working Group on Migration" in text
        assert "validated by the Council of Ministers" in text
        assert "Contributions received" in text
        assert "Labour inspections now cover recruitment agencies." in text
        assert "Licences of 14 agencies were withdrawn." in text
        assert "6(a), 6(d)" in text  # the actions concerned
        assert "inspections-2029.pdf" in text
        assert "One consultation was held, with 40 participants from 3 kinds of stakeholders." in text
        assert "22 were women and 18 men" in text
        assert "Migrants asked for information in Russian and English." in text
        assert "[To be drafted by the lead ministry]" in text  # the empty opening statement
        assert "Internal: chase" not in text
        for phrase in SECRETARIAT_SPEAK:
            assert phrase not in text
    pdf = flat(pdf_text(job))
    chapter = pdf[pdf.find("Contributions received") : pdf.find("Annex 1.")]
    assert "Ministry of Labour, annual inspection report 2029." not in chapter  # the sources go to the annex
    assert "Ministry of Labour, annual inspection report 2029." in pdf[pdf.find("Annex 3.") :]
    assert "Reporting period: 31 December 2029" not in pdf


def test_the_secretariat_decides_what_the_draft_quotes(cycle):
    quoted = accepted_input(cycle, 10, "State Border Committee", measures="Screening at the border was improved.")
    left_out = accepted_input(cycle, 11, "Customs Committee", measures="A sentence the secretariat leaves out.")
    left_out.draft_use = {"measures": Input.DraftUse.OMIT}
    left_out.save()
    annexed = accepted_input(cycle, 12, "Ministry of Health", measures="Health screening text for the annex.")
    annexed.draft_use = {"measures": Input.DraftUse.ANNEX}
    annexed.save()
    waiting = AssignmentFactory(cycle=cycle, objective=Objective.objects.get(number=10)).input
    waiting.measures, waiting.status = "Not yet accepted: never in the draft.", Input.Status.SUBMITTED
    waiting.save()
    text = flat(pdf_text(finished_export(cycle=cycle, objectives=Objective.objects.filter(number__in=[10, 11, 12]))))
    annex = text[text.find("Annex 3.") :]
    assert "Screening at the border was improved." in text[: text.find("Annex 3.")]
    assert "A sentence the secretariat leaves out." not in text
    assert "Health screening text for the annex." in annex
    assert "Health screening text for the annex." not in text[: text.find("Annex 3.")]
    assert "Not yet accepted" not in text
    assert quoted.use_of("data_sources") == Input.DraftUse.ANNEX  # the visible default


def test_an_unrecorded_process_gives_neutral_wording():
    cycle = ReviewCycleFactory(year=2034, notes="Do not print me.")
    text = flat(pdf_text(finished_export(cycle=cycle, objectives=[Objective.objects.get(number=1)])))
    assert "Prepared by: Government of the Republic of Belarus, with the support" in text
    assert "Do not print me." not in text
    consultations = text[text.find("Consultations", text.find("Methodology", 2000)) :]
    assert consultations.split()[1:7] == ["[To", "be", "drafted", "by", "the", "lead"]


def test_the_draft_s_data_collection_stays_flat_with_ten_times_the_inputs_consultations_and_policies(cycle):
    def add(n: int) -> None:
        for i in range(n):
            record = accepted_input(cycle, 1 + i % 23, f"Body {i}-{n}", measures="Text", data_sources="Source")
            record.actions.set(Action.objects.filter(objective=record.assignment.objective)[:2])
            Evidence.objects.create(
                input=record, file=f"evidence/{record.pk}/x.pdf", original_name="x.pdf", extension="pdf", size=1
            )
            consultation(cycle, organiser=record.assignment.organisation, objectives=[record.assignment.objective])
            plan = Instrument.objects.create(kind="action_plan", title=f"Plan {i}-{n}", adopted_on=cycle.input_opens)
            plan.objectives.set([record.assignment.objective])
            measure = PlanMeasure.objects.create(plan=plan, number="1", title="Measure")
            MeasureProgress.objects.create(cycle=cycle, measure=measure, status="implemented")
            society = WrittenContribution.objects.create(
                cycle=cycle,
                organisation=record.assignment.organisation,
                contact_name="C",
                contact_email="c@example.org",
                open_until=cycle.input_closes,
                status="accepted",
                consent_to_cite=True,
                consent_to_publish=True,
                in_annex=True,
                text="T",
            )
            society.objectives.set([record.assignment.objective])

    ReportSection.ensure_outline(cycle)
    job = ExportJobFactory(cycle=cycle)
    add(3)
    with CaptureQueriesContext(connection) as small:
        collect(job)
    add(27)
    with CaptureQueriesContext(connection) as large:
        data = collect(job)
    assert len(data.inputs) == 30 and len(data.consultations) == 30 and len(data.annex_contributions) == 30
    assert data.plan_implementation and len(data.policy_groups[0][1]) == 30
    assert len(large) == len(small)


def test_figures_have_numbers_captions_sources_and_tables_and_a_chart_that_tells_nothing_is_left_out(cycle):
    from objectives.models import GuidingPrinciple
    from tests.factories import AssessmentFactory

    # Objective 1 (round table 4) assessed, the others not: the round tables differ, figure 2 is drawn.
    first = AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=1), status="advanced")
    first.principles.set(GuidingPrinciple.objects.filter(letter__in="fj"))
    second = AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=2), status="early")
    second.principles.set(GuidingPrinciple.objects.filter(letter="j"))
    job = finished_export(cycle=cycle, objectives=Objective.objects.filter(number__in=[1, 2]))
    for text in (flat(pdf_text(job)), flat(docx_text(job))):
        assert "Figure 1. Objectives by progress status in each review" in text
        assert "Source: assessments recorded for each review; 23 objectives." in text
        assert "Figure 2. Share of objectives assessed per round table" in text
        assert "Cross-cutting: the guiding principles" in text
        assert "The assessments link 2 objectives to the principle most often addressed, Whole-of-society" in text
    # Every objective assessed: every round table at 100 %, so figure 2 would tell nothing.
    for number in range(3, 24):
        AssessmentFactory(cycle=cycle, objective=Objective.objects.get(number=number), status="early")
    text = flat(pdf_text(finished_export(cycle=cycle, objectives=Objective.objects.filter(number=1))))
    assert "Figure 1." in text and "Figure 2." not in text


def test_each_objective_says_where_it_stood_at_the_last_review_of_the_same_level(cycle):
    from tests.factories import AssessmentFactory

    imrf = ReviewCycleFactory(year=2026, level="global", name="Second IMRF")
    regional = ReviewCycleFactory(year=2028, level="regional", name="Third regional review")
    objective = Objective.objects.get(number=3)
    AssessmentFactory(cycle=imrf, objective=objective, status="early")
    AssessmentFactory(cycle=regional, objective=objective, status="achieved")
    AssessmentFactory(cycle=cycle, objective=objective, status="advanced", achievements="Done.")
    job = finished_export(cycle=cycle, objectives=[objective])
    for text in (flat(pdf_text(job)), flat(docx_text(job))):
        assert "Since the last review (Second IMRF): Improved (status then: Early stage)." in text
        assert "Third regional review" not in text

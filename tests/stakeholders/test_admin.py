"""The admin manages every model of the portal, with search and list filters."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import (
    ActionProgressFactory,
    ActivityFactory,
    AssessmentFactory,
    AssignmentFactory,
    ContactFactory,
    ExportJobFactory,
    ObservationFactory,
    ReviewCycleFactory,
)

pytestmark = pytest.mark.django_db

PORTAL_APPS = {"stakeholders", "objectives", "policies", "pledges", "reviews", "imports"}


def portal_models():
    return [model for model in admin.site._registry if model._meta.app_label in PORTAL_APPS]


def test_every_portal_model_is_registered_with_search_and_filters():
    from django.apps import apps

    registered = set(portal_models())
    for label in PORTAL_APPS:
        for model in apps.get_app_config(label).get_models():
            if model._meta.auto_created or model.__name__.startswith("Historical"):
                continue
            assert model in registered, model
            model_admin = admin.site._registry[model]
            assert model_admin.search_fields and model_admin.list_filter, model


@pytest.mark.parametrize("user_fixture", ["superuser", "secretariat"])
def test_changelists_search_and_change_pages_load(request, user_fixture, login):
    ContactFactory()
    ReviewCycleFactory()
    AssessmentFactory()
    ActionProgressFactory()
    ObservationFactory()
    ActivityFactory()
    ExportJobFactory()
    from django.core.files.base import ContentFile

    from inputs.models import Evidence, Reminder
    from stakeholders.models import OutgoingEmail

    assignment = AssignmentFactory()
    OutgoingEmail.objects.create(recipient=request.getfixturevalue(user_fixture), template="invitation")
    Reminder.objects.create(assignment=assignment, kind="7d", deadline=assignment.deadline)
    Evidence.objects.create(
        input=assignment.input,
        file=ContentFile(b"%PDF-1.4", name="x.pdf"),
        original_name="x.pdf",
        extension="pdf",
        content_type="application/pdf",
        size=8,
    )
    from drafts.models import ReportSection

    ReportSection.ensure_outline(ReviewCycleFactory())
    from inputs.models import Consultation, ConsultationParticipants

    consultation = Consultation.objects.create(
        cycle=assignment.cycle, title="Hearing", held_on=assignment.deadline, format="hearing"
    )
    ConsultationParticipants.objects.create(consultation=consultation, kind="migrants", count=4)
    from drafts.models import DraftComment, DraftVersion
    from policies.models import Instrument, PlanMeasure
    from reviews.models import MeasureProgress

    plan = Instrument.objects.create(kind="action_plan", title="Plan")
    measure = PlanMeasure.objects.create(plan=plan, number="1", title="Measure")
    MeasureProgress.objects.create(cycle=assignment.cycle, measure=measure, status="implemented")
    version = DraftVersion.mark(ExportJobFactory(cycle=assignment.cycle, status="done"), by=None)
    DraftComment.objects.create(version=version, body="A comment")
    from drafts.models import Publication
    from inputs.models import WrittenContribution
    from reviews.models import NarrativeTranslation, ObjectiveAssessment

    Publication.objects.create(cycle=assignment.cycle, is_published=True)
    from pledges.models import Pledge
    from reviews.models import PledgeProgress

    pledge = Pledge.objects.create(
        title="A pledge", description="x", organisation=assignment.organisation, nature="policy", status="validated"
    )
    PledgeProgress.objects.create(cycle=assignment.cycle, pledge=pledge, status="on_track")
    from imports.models import ImportJob

    ImportJob.objects.create(file=ContentFile(b"x", name="a.csv"), filename="a.csv", sha256="0" * 64)
    from stakeholders.models import Notification

    Notification.objects.create(
        user=request.getfixturevalue(user_fixture), kind="input_submitted", subject="x", link="/"
    )

    NarrativeTranslation.objects.create(
        assessment=ObjectiveAssessment.objects.first(),
        field="achievements",
        language="ru",
        text="Текст",
        source_fingerprint="x",
    )
    from inputs.models import InputTranslation

    InputTranslation.objects.create(
        input=assignment.input, field="measures", language="ru", text="Текст", source_fingerprint="x"
    )

    WrittenContribution.objects.create(
        cycle=assignment.cycle,
        organisation=assignment.organisation,
        contact_name="Olga",
        contact_email="olga@example.org",
        open_until=assignment.deadline,
    )
    client = login(request.getfixturevalue(user_fixture))
    for model in portal_models():
        opts = model._meta
        # Accounts are managed by superusers in the admin (tests/stakeholders/test_escalation.py).
        expected = 403 if user_fixture == "secretariat" and opts.model_name == "user" else 200
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert client.get(changelist, {"q": "a"}).status_code == expected, opts.label
        first = model.objects.first()
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[first.pk])
        assert client.get(change).status_code == expected, opts.label


def test_secretariat_edits_an_action_summary_in_the_admin_in_each_language(secretariat, login):
    from django.utils import translation

    from objectives.models import Action

    action = Action.objects.get(objective__number=5, letter="c")
    url = reverse("admin:objectives_action_change", args=[action.pk])
    data = {"summary_en": "Labour mobility schemes", "summary_ru": "Программы трудовой мобильности", "summary_be": ""}
    response = login(secretariat).post(url, data)
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.summary == "Labour mobility schemes"
    with translation.override("ru"):
        assert action.summary == "Программы трудовой мобильности"
    with translation.override("be"):
        assert action.summary == "Labour mobility schemes"  # no Belarusian text yet: the English one

import io

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command

from inputs.models import Assignment, Consultation, ConsultationParticipants, Input, WrittenContribution
from objectives.models import Activity, Indicator, IndicatorObservation
from policies.models import Instrument, PlanMeasure
from reviews.models import ActionProgress, MeasureProgress, ObjectiveAssessment, ReviewCycle
from stakeholders.models import Contact, Organisation, Role, User

pytestmark = pytest.mark.django_db
MODELS = [
    Organisation,
    Contact,
    User,
    ReviewCycle,
    ObjectiveAssessment,
    ActionProgress,
    Activity,
    Indicator,
    IndicatorObservation,
    Assignment,
    Input,
    Consultation,
    ConsultationParticipants,
    WrittenContribution,
    Instrument,
    PlanMeasure,
    MeasureProgress,
]


def snapshot() -> tuple[str, list[int]]:
    rows = [obj for model in MODELS for obj in model.objects.order_by("pk")]
    history = [model.history.count() for model in MODELS if hasattr(model, "history")]
    return serializers.serialize("json", rows), history


def test_seed_demo_builds_the_belarus_network_and_prints_credentials():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    coordinator = Organisation.objects.get(is_coordinator=True)
    assert coordinator.acronym == "IOM"
    for acronym in ["UNHCR", "UNICEF", "UNDP", "UNFPA", "WHO", "ILO", "OHCHR", "UN Women", "UNODC"]:
        assert Organisation.objects.get(acronym=acronym).kind == Organisation.Kind.UN_AGENCY
    dcm = Organisation.objects.get(name="Department of Citizenship and Migration")
    assert dcm.parent.name == "Ministry of Internal Affairs"
    assert Organisation.objects.filter(kind=Organisation.Kind.CIVIL_SOCIETY).exists()
    cycles = ReviewCycle.objects.order_by("year")
    assert [(c.year, c.level) for c in cycles] == [
        (2020, "regional"),
        (2022, "global"),
        (2024, "regional"),
        (2026, "global"),
    ]
    assert cycles.get(year=2024).forum_starts.isoformat() == "2024-03-11"
    assert cycles.get(year=2026).forum_ends.isoformat() == "2026-05-08"
    printed = out.getvalue()
    for role in Role:
        user = User.objects.get(groups__name=role)
        assert user.username in printed
        assert user.check_password("demo-portal-2026")
    assert "demo-portal-2026" in printed
    assert ObjectiveAssessment.objects.count() == 4 * 23
    assert ActionProgress.objects.count() == 4 * 187
    assert Activity.objects.count() == 150
    assert Indicator.objects.count() == 40
    assert ObjectiveAssessment.objects.filter(cycle__year=2026).exclude(status="not_assessed").count() == 23
    assert Input.objects.filter(status="accepted").count() == 3
    assert Input.objects.filter(status="draft", assignment__focal_point__username="focalpoint").exists()


def test_the_demo_has_outdated_translations_to_try_the_round_trip_with():
    """Two narratives of the latest review were revised after their translation: the translations page
    offers them, with the source they were made from."""
    from translations.files import units

    call_command("seed_demo", stdout=io.StringIO())
    for language in ("ru", "be"):
        outdated = [unit for unit in units(ReviewCycle.objects.latest("year"), language) if unit.target]
        assert len(outdated) == 2
        assert all(unit.previous_source and unit.source.startswith(unit.previous_source) for unit in outdated)


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo", stdout=io.StringIO())
    before = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_seed_demo_restores_edited_demo_rows_but_keeps_passwords():
    call_command("seed_demo", stdout=io.StringIO())
    user = User.objects.get(username="observer")
    user.set_password("a-password-the-user-chose")
    user.save()
    Organisation.objects.filter(acronym="UNHCR").update(website="")
    call_command("seed_demo", stdout=io.StringIO())
    assert Organisation.objects.get(acronym="UNHCR").website == "https://www.unhcr.org"
    assert User.objects.get(username="observer").check_password("a-password-the-user-chose")


def test_seed_demo_refuses_to_run_in_production(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", stdout=io.StringIO())


def test_demo_values_are_plausible():
    """Shares stay within 0-100, counts are whole numbers; the demo shows consultations, policies,
    plan measures and contributions, and the inputs the draft quotes."""
    call_command("seed_demo", stdout=io.StringIO())
    for indicator in Indicator.objects.prefetch_related("observations"):
        values = [indicator.baseline_value, indicator.target_value, *(o.value for o in indicator.observations.all())]
        if indicator.unit.startswith("%") or indicator.unit in ("score", "index"):
            assert all(0 <= v <= 100 for v in values), indicator
        elif not indicator.unit.startswith("per "):
            assert all(v == v.to_integral_value() for v in values), indicator
    latest = ReviewCycle.objects.order_by("year").last()
    assert latest.lead_organisation and latest.coordination_mechanism and latest.consultations.count() == 3
    assert Instrument.objects.count() >= 4 and MeasureProgress.objects.filter(cycle=latest).count() == 6
    assert WrittenContribution.objects.filter(in_annex=True, consent_to_publish=True).exists()
    assert all(i.quoted_parts() and i.actions.exists() for i in Input.objects.filter(status="accepted"))
    from demo.progress import REVISED_AFTER_TRANSLATION
    from reviews.models import narrative_in

    # Every narrative is translated; the two revised after their translation are outdated.
    revised = {(number, field) for number, (field, _sentence) in REVISED_AFTER_TRANSLATION.items()}
    assessments = ObjectiveAssessment.objects.filter(cycle=latest).select_related("objective")
    for assessment in assessments.prefetch_related("translations"):
        for name in ObjectiveAssessment.NARRATIVE_FIELDS:
            if getattr(assessment, name):
                expected = "outdated" if (assessment.objective.number, name) in revised else "current"
                for language in ("ru", "be"):
                    assert narrative_in(assessment, name, language)[1] == expected, (assessment, name, language)

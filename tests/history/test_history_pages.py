import pytest
from django.urls import reverse

from objectives.models import GuidingPrinciple
from reviews.models import ObjectiveAssessment
from tests.factories import (
    ActionProgressFactory,
    ActivityFactory,
    AssessmentFactory,
    IndicatorFactory,
    ReviewCycleFactory,
)

pytestmark = pytest.mark.django_db


def test_history_page_shows_who_changed_what(secretariat, observer, login):
    assessment = AssessmentFactory(cycle=ReviewCycleFactory(), challenges="Funding is short")
    url = reverse("reviews:assessment-update", args=[1, assessment.cycle_id])
    login(secretariat).post(
        url,
        {
            "version": 1,
            "status": "advanced",
            "challenges": "Funding is secured",
            "principles": [GuidingPrinciple.objects.get(letter="h").pk],
        },
    )
    html = login(observer).get(reverse("history:list", args=["assessment", assessment.pk])).content.decode()
    assert "Test Person" in html or secretariat.username in html
    assert "<del>short</del>" in html and "<ins>secured</ins>" in html
    assert "In progress" in html and "Advanced" in html
    assert "(h) Child-sensitive" in html
    assert "Restore this version" not in html  # observers read, they do not restore


def test_restore_brings_back_the_earlier_text_as_a_new_change(secretariat, login):
    assessment = AssessmentFactory(cycle=ReviewCycleFactory(), achievements="Earlier text")
    assessment.principles.set(GuidingPrinciple.objects.filter(letter__in="ab"))
    earlier = assessment.history.order_by("-history_id").first()
    assessment.achievements = "Later text"
    assessment.save_edits(expected_version=1, by=secretariat, m2m={"principles": []})
    count = assessment.history.count()

    client = login(secretariat)
    url = reverse("history:restore", args=["assessment", assessment.pk, earlier.history_id])
    # First a confirmation page: the differing fields, all ticked, today's value beside that version's.
    page = client.get(url).content.decode()
    assert 'value="achievements"' in page and 'value="principles"' in page
    assert 'value="status"' not in page  # unchanged fields are not offered
    assert assessment.achievements == "Later text"  # looking restores nothing
    response = client.post(url, {"fields": ["achievements", "principles"]})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.achievements == "Earlier text"
    assert set(assessment.principles.values_list("letter", flat=True)) == {"a", "b"}
    assert assessment.version == 3  # an open editor on version 2 now meets the conflict page
    assert assessment.history.count() > count
    assert assessment.history.latest().history_change_reason == f"restore {earlier.history_id}"
    # The history says so in the reader's language and time zone.
    history = client.get(reverse("history:list", args=["assessment", assessment.pk]), HTTP_ACCEPT_LANGUAGE="ru")
    assert "Восстановлено из версии от" in history.content.decode()


def test_restore_brings_back_only_the_fields_ticked(secretariat, login):
    assessment = AssessmentFactory(cycle=ReviewCycleFactory(), status="early", achievements="Earlier text")
    earlier = assessment.history.order_by("-history_id").first()
    assessment.achievements, assessment.status = "Later text", "advanced"
    assessment.save_edits(expected_version=1, by=secretariat, m2m={})
    client = login(secretariat)
    url = reverse("history:restore", args=["assessment", assessment.pk, earlier.history_id])
    response = client.post(url, {"fields": ["status"]})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.status, assessment.achievements) == ("early", "Later text")
    assert "1 field was restored" in client.get(response["Location"]).content.decode()


def test_restore_with_nothing_ticked_says_so_and_changes_nothing(secretariat, login):
    assessment = AssessmentFactory(cycle=ReviewCycleFactory(), achievements="Earlier text")
    earlier = assessment.history.order_by("-history_id").first()
    assessment.achievements = "Later text"
    assessment.save_edits(expected_version=1, by=secretariat, m2m={})
    url = reverse("history:restore", args=["assessment", assessment.pk, earlier.history_id])
    for data in ({}, {"fields": ["no_such_field"]}):
        response = login(secretariat).post(url, data)
        assert response.status_code == 400
        assessment.refresh_from_db()
        assert assessment.achievements == "Later text" and assessment.version == 2
    assert "Choose at least one field to restore." in login(secretariat).post(url, {}).content.decode()


def test_history_shows_narratives_as_rendered_markdown_with_the_changes_marked(secretariat, login):
    assessment = AssessmentFactory(cycle=ReviewCycleFactory(), achievements="A **monthly** report.\n\n- one")
    assessment.achievements = "A **weekly** report.\n\n- one\n- two"
    assessment.save_edits(expected_version=1, by=secretariat, m2m={})
    html = login(secretariat).get(reverse("history:list", args=["assessment", assessment.pk])).content.decode()
    assert "<del><strong>monthly</strong></del>" in html and "<ins><strong>weekly</strong></ins>" in html
    assert "<li><ins>two</ins></li>" in html
    assert "**" not in html


def test_restore_of_action_status_and_indicator(secretariat, login):
    progress = ActionProgressFactory(status="planned")
    first = progress.history.get()
    progress.status = "completed"
    progress.save()
    indicator = IndicatorFactory(name="Old name")
    first_indicator = indicator.history.order_by("history_id").first()
    indicator.name = "New name"
    indicator.save()
    client = login(secretariat)
    client.post(reverse("history:restore", args=["action-status", progress.pk, first.history_id]), {"fields": "status"})
    client.post(
        reverse("history:restore", args=["indicator", indicator.pk, first_indicator.history_id]), {"fields": "name"}
    )
    progress.refresh_from_db()
    indicator.refresh_from_db()
    assert progress.status == "planned" and indicator.name == "Old name"


def test_restore_with_a_record_of_another_object_is_404(secretariat, login):
    one, other = ActivityFactory(), ActivityFactory()
    record = other.history.first()
    response = login(secretariat).post(reverse("history:restore", args=["activity", one.pk, record.history_id]))
    assert response.status_code == 404


def test_history_of_an_activity(observer, login):
    activity = ActivityFactory(title="Support to returnees")
    activity.title = "Support to returnees and their families"
    activity.save()
    html = login(observer).get(reverse("history:list", args=["activity", activity.pk])).content.decode()
    assert "<ins>and their families</ins>" in html


def test_assessment_history_survives_conflicting_edits(secretariat):
    assessment = AssessmentFactory(cycle=ReviewCycleFactory())
    assessment.save_edits(expected_version=1, by=secretariat)
    assert ObjectiveAssessment.history.filter(id=assessment.pk).count() == 2


def test_restoring_an_activity_moves_its_version_on_so_open_editors_meet_a_conflict(secretariat, login):
    from objectives.models import Activity
    from tests.factories import ActivityFactory

    activity = ActivityFactory(title="First")
    Activity.objects.filter(pk=activity.pk).update(title="Second")
    first = activity.history.earliest()
    response = login(secretariat).post(
        reverse("history:restore", args=["activity", activity.pk, first.history_id]), {"fields": "title"}
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "First" and activity.version == 2

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from objectives.models import Action, GuidingPrinciple, Objective
from reviews.models import (
    GCM_ENDORSED,
    ActionProgress,
    EditConflict,
    ObjectiveAssessment,
    ProgressStatus,
    Trend,
    gap_actions,
    status_timeline,
)
from tests.drafts.test_drafts import pdf_text
from tests.factories import (
    ActionProgressFactory,
    ActivityFactory,
    AssessmentFactory,
    OrganisationFactory,
    ReviewCycleFactory,
    UserFactory,
    finished_export,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycles():
    return ReviewCycleFactory(year=2030, name="Third IMRF"), ReviewCycleFactory(year=2032, name="Fourth regional")


def edit_url(assessment_or_cycle, number: int = 1) -> str:
    cycle = getattr(assessment_or_cycle, "cycle", assessment_or_cycle)
    return reverse("reviews:assessment-update", args=[number, cycle.pk])


def form_data(**overrides) -> dict:
    data = {
        "version": 1,
        "status": "advanced",
        "achievements": "A migration data hub was set up.",
        "policy_changes": "",
        "challenges": "",
        "good_practices": "",
        "next_steps": "",
        "principles": [],
        "lead_organisations": [],
        "contributing_organisations": [],
    }
    data.update(overrides)
    return data


# --- Domain rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("previous", "current", "trend"),
    [
        (None, "early", Trend.NEW),
        ("not_assessed", "early", Trend.NEW),
        ("early", "advanced", Trend.IMPROVED),
        ("advanced", "advanced", Trend.UNCHANGED),
        ("achieved", "in_progress", Trend.DECLINED),
        ("advanced", "not_assessed", Trend.NONE),
    ],
)
def test_trend_is_computed_from_the_previous_cycle(previous, current, trend):
    assert Trend.between(previous, current) == trend


def test_assessment_trend_looks_at_the_previous_cycle(cycles):
    AssessmentFactory(cycle=cycles[0], status="early")
    later = AssessmentFactory(cycle=cycles[1], status="advanced")
    assert later.previous().cycle == cycles[0]
    assert later.trend() == Trend.IMPROVED


def test_save_edits_refuses_a_stale_version(cycles, secretariat):
    assessment = AssessmentFactory(cycle=cycles[0])
    assessment.achievements = "First edit"
    assessment.save_edits(expected_version=1, by=secretariat)
    stale = ObjectiveAssessment.objects.get(pk=assessment.pk)
    stale.version = 1
    stale.achievements = "Second edit on top of the old version"
    with pytest.raises(EditConflict) as conflict:
        stale.save_edits(expected_version=1, by=secretariat)
    assert conflict.value.current.achievements == "First edit"
    assessment.refresh_from_db()
    assert assessment.achievements == "First edit" and assessment.version == 2


def test_copy_from_previous_fills_an_empty_assessment(cycles, secretariat):
    previous = AssessmentFactory(cycle=cycles[0], status="advanced", challenges="Funding")
    previous.principles.set(GuidingPrinciple.objects.filter(letter__in="ab"))
    previous.lead_organisations.set([OrganisationFactory()])
    empty = ObjectiveAssessment.objects.create(cycle=cycles[1], objective=previous.objective)
    assert empty.is_empty
    empty.copy_from(previous, by=secretariat)
    empty.refresh_from_db()
    assert empty.status == "advanced" and empty.challenges == "Funding"
    assert set(empty.principles.values_list("letter", flat=True)) == {"a", "b"}
    assert empty.lead_organisations.count() == 1
    assert not empty.is_empty and empty.version == 2


def test_reporting_period_runs_from_the_previous_review(cycles):
    first, second = cycles
    assert second.reporting_period() == (
        first.submission_deadline + datetime.timedelta(days=1),
        second.submission_deadline,
    )
    second.data_cutoff = datetime.date(2031, 12, 31)
    assert second.reporting_period()[1] == datetime.date(2031, 12, 31)


def test_reporting_periods_and_trends_follow_the_level():
    """An IMRF reports from the previous IMRF, a regional review from the previous regional one."""
    imrf_2022 = ReviewCycleFactory(year=2042, level="global", data_cutoff=datetime.date(2042, 1, 15))
    regional_2024 = ReviewCycleFactory(year=2044, level="regional")
    imrf_2026 = ReviewCycleFactory(year=2046, level="global")
    assert imrf_2026.previous() == imrf_2022
    assert imrf_2026.reporting_period() == (datetime.date(2042, 1, 16), imrf_2026.submission_deadline)
    assert regional_2024.previous() is None
    assert regional_2024.reporting_period()[0] == GCM_ENDORSED
    objective = Objective.objects.get(number=5)
    AssessmentFactory(cycle=imrf_2022, objective=objective, status="early")
    AssessmentFactory(cycle=regional_2024, objective=objective, status="achieved")
    latest = AssessmentFactory(cycle=imrf_2026, objective=objective, status="advanced")
    assert latest.trend() == Trend.IMPROVED  # against the 2042 IMRF, not the regional review in between
    timeline = status_timeline(
        [imrf_2022, regional_2024, imrf_2026],
        {imrf_2022.pk: "early", regional_2024.pk: "achieved", imrf_2026.pk: "advanced"},
    )
    assert [trend for _cycle, _status, trend in timeline] == [Trend.NEW, Trend.NEW, Trend.IMPROVED]


def test_cutoff_and_validation_fall_before_the_submission_deadline():
    cycle = ReviewCycleFactory.build(
        year=2048, data_cutoff=datetime.date(2048, 2, 1), validation_due=datetime.date(2048, 2, 2)
    )
    with pytest.raises(ValidationError) as error:
        cycle.clean()
    assert set(error.value.message_dict) == {"data_cutoff", "validation_due"}


def test_gap_actions_are_those_without_status_or_activity(cycles):
    _, cycle = cycles
    action_a = Action.objects.get(objective__number=3, letter="a")
    action_b = Action.objects.get(objective__number=3, letter="b")
    action_c = Action.objects.get(objective__number=3, letter="c")
    ActionProgressFactory(cycle=cycle, action=action_a, status="ongoing")
    ActionProgressFactory(cycle=cycle, action=action_c, status="none")
    start, _end = cycle.reporting_period()
    ActivityFactory(objectives=[action_b.objective], actions=[action_b], start_date=start)
    ActivityFactory(objectives=[action_c.objective], actions=[action_c], start_date=start, status="cancelled")
    gaps = set(gap_actions(cycle).filter(objective__number=3).values_list("letter", flat=True))
    assert gaps == {"c", "d", "e"}
    assert gap_actions(cycle).count() == 187 - 2


# --- Pages ------------------------------------------------------------------------------------------


def test_secretariat_edits_an_assessment(cycles, secretariat, login):
    organisation = OrganisationFactory()
    client = login(secretariat)
    url = edit_url(cycles[0])
    assert client.get(url).status_code == 200
    data = form_data(
        version=1, principles=[GuidingPrinciple.objects.get(letter="f").pk], lead_organisations=[organisation.pk]
    )
    response = client.post(url, data)
    assert response.status_code == 302
    assessment = ObjectiveAssessment.objects.get(cycle=cycles[0], objective__number=1)
    assert assessment.status == "advanced" and assessment.updated_by == secretariat
    assert list(assessment.lead_organisations.all()) == [organisation]
    page = client.get(response["Location"]).content.decode()
    assert "A migration data hub was set up." in page and "Advanced" in page


def test_invalid_form_keeps_what_was_typed_and_says_why(cycles, secretariat, login):
    organisation = OrganisationFactory()
    data = form_data(
        status="brilliant",
        challenges="Typed text that must survive",
        lead_organisations=[organisation.pk],
        contributing_organisations=[organisation.pk],
    )
    response = login(secretariat).post(edit_url(cycles[0]), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Typed text that must survive" in html
    assert "Select a valid choice" in html
    assert "cannot both lead and contribute" in html
    assert not ObjectiveAssessment.objects.filter(status="advanced").exists()


def test_too_long_narrative_is_refused_with_a_message(cycles, secretariat, login):
    response = login(secretariat).post(edit_url(cycles[0]), form_data(next_steps="x" * 20_001))
    assert response.status_code == 400
    assert "Ensure this value has at most 20000 characters" in response.content.decode()


def test_stale_save_shows_the_conflict_page_and_overwrites_nothing(cycles, secretariat, login):
    assessment = AssessmentFactory(cycle=cycles[0], achievements="Saved by a colleague")
    ObjectiveAssessment.objects.filter(pk=assessment.pk).update(version=2)
    client = login(secretariat)
    response = client.post(edit_url(assessment), form_data(version=1, achievements="My own text"))
    html = response.content.decode()
    assert response.status_code == 409
    assert "Someone else saved this assessment" in html
    assert "Saved by a colleague" in html and "My own text" in html
    assert 'name="version" value="2"' in html
    assessment.refresh_from_db()
    assert assessment.achievements == "Saved by a colleague"
    # The merge form carries the current version: saving it now works.
    response = client.post(edit_url(assessment), form_data(version=2, achievements="Merged text"))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.achievements == "Merged text" and assessment.version == 3


def test_start_from_previous_cycle(cycles, secretariat, login):
    AssessmentFactory(cycle=cycles[0], status="in_progress", next_steps="Open a migrant resource centre")
    client = login(secretariat)
    url = reverse("reviews:assessment-copy-previous", args=[1, cycles[1].pk])
    client.post(url)
    copied = ObjectiveAssessment.objects.get(cycle=cycles[1], objective__number=1)
    assert copied.next_steps == "Open a migrant resource centre"
    # A second copy never overwrites what is there now.
    copied.next_steps = "Edited since"
    copied.save()
    response = client.post(url, follow=True)
    assert "already has content" in response.content.decode()
    copied.refresh_from_db()
    assert copied.next_steps == "Edited since"


def test_start_from_previous_cycle_without_a_previous_one(cycles, secretariat, login):
    response = login(secretariat).post(reverse("reviews:assessment-copy-previous", args=[1, cycles[0].pk]), follow=True)
    assert "no earlier assessment" in response.content.decode()


def test_secretariat_sets_action_statuses(cycles, secretariat, login):
    cycle = cycles[1]
    url = reverse("reviews:action-progress-update", args=[22, cycle.pk])
    client = login(secretariat)
    assert client.get(url).status_code == 200
    actions = list(Action.objects.filter(objective__number=22).order_by("letter"))
    data = {"actions-TOTAL_FORMS": 3, "actions-INITIAL_FORMS": 3}
    for i, action in enumerate(actions):
        data[f"actions-{i}-action"] = action.pk
        data[f"actions-{i}-status"] = ["completed", "none", "planned"][i]
        data[f"actions-{i}-note"] = ["Agreement with Russia in force", "", ""][i]
    assert client.post(url, data).status_code == 302
    saved = dict(ActionProgress.objects.filter(cycle=cycle).values_list("action__letter", "status"))
    assert saved == {"a": "completed", "c": "planned"}  # unchanged rows are not written


def test_action_statuses_with_a_bad_value_keep_the_input(cycles, secretariat, login):
    action = Action.objects.get(objective__number=22, letter="a")
    data = {
        "actions-TOTAL_FORMS": 1,
        "actions-INITIAL_FORMS": 1,
        "actions-0-action": action.pk,
        "actions-0-status": "wonderful",
        "actions-0-note": "Kept note",
    }
    response = login(secretariat).post(reverse("reviews:action-progress-update", args=[22, cycles[0].pk]), data)
    assert response.status_code == 400
    assert "Kept note" in response.content.decode()
    assert not ActionProgress.objects.exists()


def test_action_statuses_ignore_actions_of_other_objectives(cycles, secretariat, login):
    foreign = Action.objects.get(objective__number=5, letter="a")
    data = {
        "actions-TOTAL_FORMS": 1,
        "actions-INITIAL_FORMS": 1,
        "actions-0-action": foreign.pk,
        "actions-0-status": "completed",
        "actions-0-note": "",
    }
    login(secretariat).post(reverse("reviews:action-progress-update", args=[22, cycles[0].pk]), data)
    assert not ActionProgress.objects.filter(action=foreign).exists()


def test_compare_highlights_text_differences(cycles, observer, login):
    AssessmentFactory(cycle=cycles[0], challenges="Data are scarce in the regions")
    AssessmentFactory(cycle=cycles[1], challenges="Data are improving in the regions")
    url = reverse("reviews:assessment-compare", args=[1])
    html = login(observer).get(url, {"a": cycles[0].pk, "b": cycles[1].pk}).content.decode()
    assert "<del>scarce</del>" in html and "<ins>improving</ins>" in html


def test_compare_shows_narratives_as_they_read(cycles, observer, login):
    AssessmentFactory(cycle=cycles[0], achievements="Figures are published **yearly**.\n\n- by region")
    AssessmentFactory(cycle=cycles[1], achievements="Figures are published **monthly**.\n\n- by region\n- by sex")
    url = reverse("reviews:assessment-compare", args=[1])
    html = login(observer).get(url, {"a": cycles[0].pk, "b": cycles[1].pk}).content.decode()
    assert "<del><strong>yearly</strong>.</del>" in html and "<ins><strong>monthly</strong>.</ins>" in html
    assert "<li><ins>by sex</ins></li>" in html and "**" not in html


def test_compare_escapes_html(cycles, observer, login):
    AssessmentFactory(cycle=cycles[0], challenges="<script>alert(1)</script>")
    AssessmentFactory(cycle=cycles[1], challenges="")
    html = login(observer).get(reverse("reviews:assessment-compare", args=[1])).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_detail_renders_sanitised_markdown(cycles, observer, login):
    AssessmentFactory(
        cycle=cycles[0],
        achievements="**Bold** <img src=http://10.0.0.1/x.png> [bad](javascript:alert(1)) <script>x()</script>",
    )
    html = login(observer).get(reverse("reviews:assessment-detail", args=[1, cycles[0].pk])).content.decode()
    assert "<strong>Bold</strong>" in html
    assert "<img" not in html and "javascript:" not in html and "<script>x()" not in html


def test_detail_of_an_unassessed_cycle_creates_nothing(cycles, observer, login):
    response = login(observer).get(reverse("reviews:assessment-detail", args=[4, cycles[0].pk]))
    assert response.status_code == 200 and "Not assessed" in response.content.decode()
    assert not ObjectiveAssessment.objects.exists()


def test_gap_list_page(cycles, observer, login):
    html = login(observer).get(reverse("reviews:gap-list", args=[cycles[0].pk])).content.decode()
    assert "187 of 187 actions are gaps" in html
    assert Objective.objects.get(number=22).short_name in html


def test_status_scale_has_five_steps():
    assert [s.value for s in ProgressStatus] == ["not_assessed", "early", "in_progress", "advanced", "achieved"]


def test_opening_the_editor_writes_nothing_and_the_first_save_creates_the_assessment(secretariat, login):
    cycle = ReviewCycleFactory(year=2034)
    url = reverse("reviews:assessment-update", args=[9, cycle.pk])
    client = login(secretariat)
    assert client.get(url).status_code == 200
    assert not ObjectiveAssessment.objects.filter(cycle=cycle).exists()
    response = client.post(url, {"version": 1, "status": "early", "achievements": "A first text."})
    assert response.status_code == 302
    assert ObjectiveAssessment.objects.get(cycle=cycle, objective__number=9).achievements == "A first text."


def _action_rows(number: int, changes: dict[str, tuple[str, str]], started: dict[str, tuple[str, str]]) -> dict:
    """The action status form as a browser posts it: every row, with the values the page started from."""
    actions = list(Action.objects.filter(objective__number=number).order_by("letter"))
    data = {"actions-TOTAL_FORMS": len(actions), "actions-INITIAL_FORMS": len(actions)}
    for i, action in enumerate(actions):
        before = started.get(action.letter, ("none", ""))
        status, note = changes.get(action.letter, before)
        data.update(
            {
                f"actions-{i}-action": action.pk,
                f"actions-{i}-status": status,
                f"actions-{i}-note": note,
                f"actions-{i}-started_status": before[0],
                f"actions-{i}-started_note": before[1],
            }
        )
    return data


def test_two_editors_changing_different_action_statuses_both_keep_their_change(cycles, secretariat, login):
    cycle = cycles[1]
    url = reverse("reviews:action-progress-update", args=[22, cycle.pk])
    anna, boris = login(secretariat), login(UserFactory(username="boris", role="Secretariat"))
    # Both opened the page when nothing was recorded; Boris saves first, then Anna, who never touched (b).
    assert boris.post(url, _action_rows(22, {"b": ("ongoing", "Talks")}, {})).status_code == 302
    assert anna.post(url, _action_rows(22, {"c": ("completed", "Signed")}, {})).status_code == 302
    saved = dict(ActionProgress.objects.filter(cycle=cycle).values_list("action__letter", "status"))
    assert saved == {"b": "ongoing", "c": "completed"}


def test_the_second_editor_of_the_same_action_status_gets_a_conflict_not_an_overwrite(cycles, secretariat, login):
    cycle = cycles[1]
    url = reverse("reviews:action-progress-update", args=[22, cycle.pk])
    anna, boris = login(secretariat), login(UserFactory(username="boris", role="Secretariat"))
    boris.post(url, _action_rows(22, {"b": ("ongoing", "Talks")}, {}))
    response = anna.post(url, _action_rows(22, {"b": ("planned", "Later"), "a": ("planned", "")}, {}), follow=True)
    assert "someone changed them after you opened the page: 22(b)" in response.content.decode()
    saved = dict(ActionProgress.objects.filter(cycle=cycle).values_list("action__letter", "status"))
    assert saved == {"b": "ongoing", "a": "planned"}  # Boris's (b) kept; Anna's (a), untouched by others, saved


def test_a_status_note_is_written_in_the_page_s_language_and_the_draft_prints_its_language(cycles, secretariat, login):
    cycle = cycles[1]
    url = reverse("reviews:action-progress-update", args=[22, cycle.pk])
    client = login(secretariat)
    client.post(url, _action_rows(22, {"a": ("ongoing", "Agreement with Russia in force")}, {}))
    client.cookies["django_language"] = "ru"
    page = client.get(url).content.decode()
    # No Russian note yet: the field is empty, the English note offered as a hint.
    assert 'value="" placeholder="Agreement with Russia in force"' in page
    russian = {"a": ("ongoing", "Соглашение с Россией вступило в силу")}
    assert client.post(url, _action_rows(22, russian, {"a": ("ongoing", "")})).status_code == 302
    progress = ActionProgress.objects.get(cycle=cycle, action__letter="a", action__objective__number=22)
    assert (progress.note_en, progress.note_ru, progress.note_be) == (
        "Agreement with Russia in force",
        "Соглашение с Россией вступило в силу",
        None,
    )
    assert progress.history.count() == 2 and progress.history.earliest().note_en == "Agreement with Russia in force"

    objective = Objective.objects.get(number=22)
    for language, shown, hidden in (
        ("ru", "Соглашение с Россией вступило в силу", "Agreement with Russia"),
        ("en", "Agreement with Russia in force", "Соглашение"),
        ("be", "Agreement with Russia in force", "Соглашение"),  # no Belarusian note: the English one
    ):
        text = " ".join(pdf_text(finished_export(cycle=cycle, language=language, objectives=[objective])).split())
        assert shown in text and hidden not in text

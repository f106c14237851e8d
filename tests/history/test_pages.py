"""The history pages know no app by name: each app names its historied models on its AppConfig."""

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

from history import pages
from objectives.models import Activity, Indicator
from pledges.models import Pledge
from reviews.models import ActionProgress, ObjectiveAssessment


def test_every_app_s_historied_models_have_history_pages():
    assert {kind: tracked.model for kind, tracked in pages.TRACKED.items()} == {
        "activity": Activity,
        "indicator": Indicator,
        "pledge": Pledge,
        "assessment": ObjectiveAssessment,
        "action-status": ActionProgress,
    }


@pytest.fixture
def restore_pages(monkeypatch):
    yield
    monkeypatch.undo()
    pages.collect()  # as the apps name them


def test_two_apps_naming_one_kind_is_refused_when_the_portal_starts(monkeypatch, restore_pages):
    monkeypatch.setattr(
        apps.get_app_config("policies"),
        "history_pages",
        {"pledge": ("pledges.Pledge", "pledges.permissions.can_edit_pledge")},
        raising=False,
    )
    with pytest.raises(ImproperlyConfigured, match="Two apps name history pages 'pledge'"):
        pages.collect()


def test_a_model_without_history_is_refused_when_the_portal_starts(monkeypatch, restore_pages):
    monkeypatch.setattr(
        apps.get_app_config("policies"),
        "history_pages",
        {"measure": ("policies.PlanMeasure", "pledges.permissions.can_edit_pledge")},
        raising=False,
    )
    with pytest.raises(ImproperlyConfigured, match=r"policies\.PlanMeasure has history pages but no HistoricalRecords"):
        pages.collect()


@pytest.mark.django_db
def test_an_unknown_kind_is_404(secretariat, login):
    assert login(secretariat).get("/history/policy/1/").status_code == 404

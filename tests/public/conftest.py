"""A review world with one published cycle and one that is not, and secrets that must never show."""

import datetime
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile

from drafts.models import DraftVersion, Publication
from objectives.models import IndicatorObservation, Objective
from reviews.models import ReviewCycle
from tests.factories import (
    ActionProgressFactory,
    ActivityFactory,
    AssessmentFactory,
    AssignmentFactory,
    ExportJobFactory,
    IndicatorFactory,
    OrganisationFactory,
    ReviewCycleFactory,
)

# Strings that exist in the portal but must never reach an anonymous visitor.
SECRETS = {
    "input": "SECRET-INPUT-TEXT",
    "internal note": "SECRET-INTERNAL-NOTE",
    "unpublished narrative": "SECRET-UNPUBLISHED-NARRATIVE",
    "narrative not marked public": "SECRET-NOT-PUBLIC-NARRATIVE",
    "unpublished cycle": "Secret future review",
    "activity outside any published period": "SECRET-OLD-ACTIVITY",
}


@dataclass
class World:
    published: ReviewCycle
    unpublished: ReviewCycle
    publication: Publication


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db) -> World:
    published = ReviewCycleFactory(
        name="Regional review 2030", year=2030, notes=SECRETS["internal note"], data_cutoff=datetime.date(2029, 12, 31)
    )
    unpublished = ReviewCycleFactory(name=SECRETS["unpublished cycle"], year=2034)
    objective = Objective.objects.get(number=1)
    AssessmentFactory(
        cycle=published,
        objective=objective,
        status="advanced",
        achievements="Public achievement",
        narratives_public=True,
    )
    AssessmentFactory(
        cycle=published,
        objective=Objective.objects.get(number=2),
        status="early",
        achievements=SECRETS["narrative not marked public"],
    )
    AssessmentFactory(cycle=unpublished, objective=objective, achievements=SECRETS["unpublished narrative"])
    ActionProgressFactory(cycle=published)
    AssignmentFactory(
        cycle=published, objective=objective, with_input={"status": "accepted", "measures": SECRETS["input"]}
    )
    indicator = IndicatorFactory(name="Share of migrants with a work permit", target_value=60, target_year=2030)
    for year, value in ((2027, 40), (2028, "45.5"), (2029, "-1.5")):
        IndicatorObservation.objects.create(indicator=indicator, year=year, value=value, source="Belstat")
    IndicatorObservation.objects.create(indicator=indicator, year=2033, value=70)  # after the cut-off
    ActivityFactory(
        title="Training of border officials",
        start_date=datetime.date(2028, 3, 1),
        lead_organisation=OrganisationFactory(name='=HYPERLINK("http://evil.example")', acronym=""),
    )
    ActivityFactory(
        title=SECRETS["activity outside any published period"],
        start_date=datetime.date(2015, 1, 1),
        end_date=datetime.date(2016, 1, 1),
    )
    publication = Publication.objects.create(
        cycle=published, is_published=True, published_at=datetime.datetime.now(datetime.UTC)
    )
    return World(published=published, unpublished=unpublished, publication=publication)


def submit_a_draft(cycle: ReviewCycle, content: bytes = b"%PDF-1.4 submitted") -> DraftVersion:
    export = ExportJobFactory(cycle=cycle, status="done", pdf=ContentFile(content, name="draft.pdf"))
    version = DraftVersion.mark(export, by=None)
    version.status = DraftVersion.Status.SUBMITTED
    version.save()
    return version

"""The crosswalk answers "which SDG targets does objective 6 serve, with which indicators and which national
measures" for every objective; the draft prints each objective's verified SDG targets."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from objectives.models import Objective, SDGAlignment, SDGTarget
from policies.models import Instrument, PlanMeasure
from tests.drafts.test_drafts import pdf_text
from tests.factories import IndicatorFactory, ReviewCycleFactory, finished_export

pytestmark = pytest.mark.django_db


def table(response) -> str:
    """The crosswalk's table (not the filter's lists of objectives and targets)."""
    page = response.content.decode()
    return page[page.index("<tbody>") : page.index("</tbody>")]


@pytest.fixture
def frame():
    six = Objective.objects.get(number=6)
    indicator = IndicatorFactory(code="SDG-8.8.2", name="Compliance with labour rights", objectives=[six])
    indicator.sdg_targets.set([SDGTarget.objects.get(code="8.8")])
    plan = Instrument.objects.create(kind="action_plan", title="National action plan on migration")
    plan.objectives.set([six])
    measure = PlanMeasure.objects.create(plan=plan, number="2.1", title="Inspect recruitment agencies")
    measure.objectives.set([six])
    return six


def test_every_objective_has_its_sdg_targets_and_objective_6_its_indicators_and_measures(frame, observer, login):
    client = login(observer)
    page = table(client.get(reverse("policies:crosswalk")))
    assert all(f"{o}" in page for o in Objective.objects.all())
    assert set(SDGAlignment.objects.values_list("objective__number", flat=True)) == set(range(1, 24))
    six = table(client.get(reverse("policies:crosswalk"), {"objective": 6}))
    for expected in ("8.8", "10.7", "SDG-8.8.2", "National action plan on migration", "Inspect recruitment agencies"):
        assert expected in six, expected
    assert "Objective 20" not in six


def test_verified_links_come_from_the_reference_and_filters_narrow_the_table(frame, observer, login):
    assert SDGAlignment.objects.get(objective__number=20, sdg_target__code="10.c").verified
    assert not SDGAlignment.objects.get(objective__number=6, sdg_target__code="8.8").verified
    client = login(observer)
    verified = table(client.get(reverse("policies:crosswalk"), {"objective": 6, "verified": "1"}))
    assert "8.8 Labour rights" not in verified
    by_target = table(client.get(reverse("policies:crosswalk"), {"target": "10.c"}))
    assert "Objective 20" in by_target and "Objective 6:" not in by_target
    assert client.get(reverse("policies:crosswalk"), {"target": "99.9", "objective": "x"}).status_code == 200


def test_the_crosswalk_downloads_one_row_per_link(frame, observer, login):
    response = login(observer).get(reverse("policies:crosswalk"), {"objective": 6, "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_target = {row[1].split()[0]: row for row in rows[1:]}
    assert set(by_target) == {"8.8", "10.7"}
    assert by_target["8.8"][2] == "proposed" and by_target["8.8"][3] == "SDG-8.8.2"
    assert "Inspect recruitment agencies" not in by_target["8.8"][4] and "2.1" in by_target["8.8"][5]


def test_the_crosswalk_keeps_its_query_count(frame, observer, login):
    client = login(observer)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("policies:crosswalk"))
        return len(queries)

    small = count()
    for n in range(15):
        indicator = IndicatorFactory(objectives=[Objective.objects.get(number=1 + n)])
        indicator.sdg_targets.set(SDGTarget.objects.all()[:2])
        Instrument.objects.create(kind="law", title=f"Law {n}").objectives.set([Objective.objects.get(number=1 + n)])
    assert count() == small


def test_the_draft_prints_the_verified_sdg_targets_of_each_objective():
    cycle = ReviewCycleFactory(year=2030)
    job = finished_export(cycle=cycle, objectives=list(Objective.objects.filter(number__in=[6, 20])))
    text = " ".join(pdf_text(job).split())
    assert "SDG targets served: 10.c" in text
    assert "8.8" not in text  # a proposed link is not the Government's word

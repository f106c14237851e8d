import pytest
from django.urls import reverse

from objectives.models import GuidingPrinciple, Objective
from reviews.dashboard import build_dashboard
from reviews.models import ProgressStatus
from stakeholders.models import Organisation
from tests.factories import ActivityFactory, AssessmentFactory, OrganisationFactory, ReviewCycleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cycles():
    first, second = ReviewCycleFactory(year=2030, level="global"), ReviewCycleFactory(year=2032, level="global")
    AssessmentFactory(cycle=first, objective=Objective.objects.get(number=1), status="early")
    latest = AssessmentFactory(cycle=second, objective=Objective.objects.get(number=1), status="advanced")
    AssessmentFactory(cycle=second, objective=Objective.objects.get(number=2), status="achieved")
    latest.principles.set(GuidingPrinciple.objects.filter(letter__in="fh"))
    latest.lead_organisations.set([OrganisationFactory(kind=Organisation.Kind.GOVERNMENT)])
    latest.contributing_organisations.set([OrganisationFactory(kind=Organisation.Kind.CIVIL_SOCIETY)])
    return first, second


def test_dashboard_figures(two_cycles):
    _first, second = two_cycles
    board = build_dashboard()
    assert board.cycle == second
    row = board.coverage[Objective.objects.get(number=1).pk]
    assert [(c.year, s.value, t.value) for c, s, t in row] == [(2030, "early", "new"), (2032, "advanced", "improved")]
    assert [(c.year, n) for c, n, _pct in board.completeness_by_cycle] == [(2030, 1), (2032, 2)]
    rt4 = next(entry for entry in board.completeness_by_round_table if entry[0].number == 4)
    assert rt4[1:3] == (1, 5)
    principle_letters = {
        GuidingPrinciple.objects.get(pk=pk).letter
        for pk in board.principle_matrix[row[0][0] and Objective.objects.get(number=1).pk]
    }
    assert principle_letters == {"f", "h"}
    assert board.kind_matrix[Objective.objects.get(number=1).pk] == {"government": 1, "civil_society": 1}
    assert board.status_counts[(second.pk, ProgressStatus.NOT_ASSESSED)] == 21


def test_activities_count_in_the_stakeholder_matrix(two_cycles):
    _first, second = two_cycles
    start, _end = second.reporting_period()
    ActivityFactory(
        lead_organisation=OrganisationFactory(kind=Organisation.Kind.ACADEMIA),
        start_date=start,
        objectives=[Objective.objects.get(number=5)],
    )
    board = build_dashboard(second)
    assert board.kind_matrix[Objective.objects.get(number=5).pk] == {"academia": 1}


def test_dashboard_page_has_charts_with_text_alternatives(two_cycles, observer, login):
    html = login(observer).get(reverse("reviews:dashboard")).content.decode()
    assert html.count("<svg") == 3
    assert "<script" not in html.split("<footer")[0].split("<main")[1]  # no chart script, no remote tooltip code
    assert "kozea" not in html and "http://" not in html.replace("http://www.w3.org", "")
    assert html.count("<figcaption") == 3
    assert "Completeness per cycle" in html and "<caption" in html


def test_dashboard_cycle_selection_and_bad_input(two_cycles, observer, login):
    first, _second = two_cycles
    client = login(observer)
    assert client.get(reverse("reviews:dashboard"), {"cycle": first.pk}).context["board"].cycle == first
    assert client.get(reverse("reviews:dashboard"), {"cycle": "drop table"}).status_code == 200


def test_dashboard_without_cycles(observer, login):
    assert "No review cycle yet." in login(observer).get(reverse("reviews:dashboard")).content.decode()

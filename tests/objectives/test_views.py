import pytest
from django.urls import reverse

from objectives.models import Action, Objective
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_home_lists_the_23_objectives_grouped_by_round_table(observer, login):
    response = login(observer).get(reverse("objectives:home"))
    html = response.content.decode()
    round_tables = response.context["round_tables"]
    assert [rt.number for rt in round_tables] == [1, 2, 3, 4]
    assert [o.number for o in round_tables[0].objectives.all()] == [2, 5, 6, 12, 18]
    for objective in Objective.objects.all():
        assert objective.short_name in html
        assert objective.get_absolute_url() in html
    assert html.index("Minimize adverse drivers") < html.index("Legal identity and documentation")


def test_home_query_count_does_not_grow_with_data(observer, login, django_assert_max_num_queries):
    client = login(observer)
    client.get(reverse("objectives:home"))  # warm the session
    with django_assert_max_num_queries(9):
        client.get(reverse("objectives:home"))
    Action.objects.filter(letter="a").update(summary="A summary")
    UserFactory.create_batch(20)
    with django_assert_max_num_queries(9):
        client.get(reverse("objectives:home"))


def test_objective_detail_shows_title_actions_principles_and_round_table(observer, login):
    Action.objects.filter(objective__number=22, letter="b").update(summary="Bilateral social security agreements")
    response = login(observer).get(reverse("reviews:objective-detail", args=[22]))
    html = response.content.decode()
    assert "Establish mechanisms for the portability of social security entitlements and earned benefits" in html
    assert "22(a)" in html and "22(c)" in html and "22(d)" not in html
    assert "Bilateral social security agreements" in html
    assert "Whole-of-society approach" in html
    assert "Round table 3" in html
    assert "38" in html  # GCM paragraph


def test_objective_detail_escapes_summaries(observer, login):
    Action.objects.filter(objective__number=1, letter="a").update(summary="<script>alert(1)</script>")
    html = login(observer).get(reverse("reviews:objective-detail", args=[1])).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_objective_detail_query_count_is_fixed(observer, login, django_assert_max_num_queries):
    client = login(observer)
    client.get(reverse("reviews:objective-detail", args=[6]))
    with django_assert_max_num_queries(14):
        client.get(reverse("reviews:objective-detail", args=[6]))


def test_objective_action_codes_follow_the_action_count():
    objective = Objective.objects.get(number=3)
    assert objective.action_codes == ["3(a)", "3(b)", "3(c)", "3(d)", "3(e)"]
    assert str(objective) == "Objective 3: Information provision"

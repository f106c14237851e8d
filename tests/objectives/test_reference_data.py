"""The GCM frame in the database equals the project's reference file, fact for fact."""

import re
import string
from pathlib import Path

import pytest

from objectives.models import Action, GuidingPrinciple, Objective, RoundTable

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "gcm.md"
SHARED_REFERENCE = ROOT.parent / "shared" / "reference" / "gcm.md"

pytestmark = pytest.mark.django_db


def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def reference_objectives() -> list[tuple[int, str, str, int, int, int]]:
    rows = re.findall(r"^\| (\d+) \| (.+?) \| (.+?) \| (\d+) \| (\d+) \| (\d) \|$", reference_text(), re.M)
    return [(int(n), title, short, int(para), int(actions), int(rt)) for n, title, short, para, actions, rt in rows]


def test_docs_copy_matches_shared_reference():
    if not SHARED_REFERENCE.exists():
        pytest.skip("the shared reference folder is not beside this checkout")
    assert REFERENCE.read_text(encoding="utf-8") == SHARED_REFERENCE.read_text(encoding="utf-8")


def test_reference_file_lists_23_objectives():
    assert [row[0] for row in reference_objectives()] == list(range(1, 24))


def test_objectives_match_reference_exactly():
    in_db = [
        (o.number, o.title, o.short_name, o.paragraph, o.action_count, o.round_table.number)
        for o in Objective.objects.select_related("round_table").order_by("number")
    ]
    assert in_db == reference_objectives()


def test_actions_are_lettered_per_objective_187_in_all():
    assert Action.objects.count() == 187
    for objective in Objective.objects.prefetch_related("actions"):
        letters = sorted(action.letter for action in objective.actions.all())
        assert letters == list(string.ascii_lowercase[: objective.action_count]), objective.number
    codes = [a.code for a in Action.objects.select_related("objective").filter(objective__number__in=[1, 22])]
    assert codes[0] == "1(a)" and "1(k)" in codes and codes[-1] == "22(c)"


def test_round_table_groupings_and_totals_match_reference():
    text = reference_text()
    groupings = dict(re.findall(r"RT(\d): (?:objectives )?([\d, ]+)\.", text))
    for number, objectives in groupings.items():
        expected = sorted(int(n) for n in objectives.split(","))
        assert list(Objective.objects.for_round_table(int(number)).values_list("number", flat=True)) == expected
    assert len(groupings) == 4 == RoundTable.objects.count()
    totals = {
        int(rt): (int(objectives), int(actions))
        for rt, objectives, actions in re.findall(r"RT(\d) = (\d+)(?: objectives)? / (\d+)", text)
    }
    assert len(totals) == 4
    for round_table in RoundTable.objects.with_objectives():
        assert (len(round_table.objectives.all()), round_table.action_total) == totals[round_table.number]


def test_guiding_principles_match_reference():
    line = next(line for line in reference_text().splitlines() if line.startswith("(a) People-centred"))
    expected = re.findall(r"\(([a-j])\) ([^;.]+)", line)
    assert [(p.letter, p.name) for p in GuidingPrinciple.objects.all()] == expected
    assert len(expected) == 10

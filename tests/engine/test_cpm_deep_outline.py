"""Deep outlines: summaries nested thousands of levels deep schedule with the same rules as shallow ones.

The plan: Y (4 days) → S0; S0 → Z (1 day); S0 ⊃ S1 ⊃ ... ⊃ S(D-1), each S(i) holding a leaf
L(i) of 2 days, L(i) → L(i+1); X (3·D days) alone sets the project finish. By hand, from day 0:
L(i) runs [4+2i, 6+2i); every S(i) spans [4+2i, 4+2D); Z starts at 4+2D; the finish is 3D; Y, the
L chain, the summaries and Z all have D-5 days of total float; only X is critical.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ilrs_planner.domain import Link, PlannerError, Project, Task
from ilrs_planner.engine.cpm import schedule_with

START = date(2030, 1, 1)
DEPTH = 2500


def _day(n: int) -> date:
    return START + timedelta(days=n)


def _nested_plan(depth: int) -> Project:
    project = Project("deep outline", START)
    for key, duration in (("Y", 4), ("Z", 1), ("X", 3 * depth)):
        project.add_task(Task(key, key, duration, id=key))
    parent = None
    for i in range(depth):
        project.add_task(Task(f"S{i}", f"S{i}", 0, id=f"S{i}", parent_id=parent))
        project.add_task(Task(f"L{i}", f"L{i}", 2, id=f"L{i}", parent_id=f"S{i}"))
        if i:
            project.add_link(Link(f"L{i - 1}", f"L{i}", id=f"chain{i}"))
        parent = f"S{i}"
    project.add_link(Link("Y", "S0", id="into-top"))
    project.add_link(Link("S0", "Z", id="out-of-top"))
    return project


@pytest.mark.parametrize("vectorised", [True, False], ids=["level passes", "loops"])
def test_a_deep_outline_gets_the_hand_computed_dates(vectorised):
    result = schedule_with(_nested_plan(DEPTH), vectorised)
    rows = result.tasks
    slack = DEPTH - 5
    assert result.project_finish == _day(3 * DEPTH)
    for i in (0, 1, DEPTH // 2, DEPTH - 2, DEPTH - 1):
        leaf, summary = rows[f"L{i}"], rows[f"S{i}"]
        assert (leaf.early_start, leaf.early_finish) == (_day(4 + 2 * i), _day(6 + 2 * i))
        assert (leaf.total_float, leaf.free_float) == (slack, 0)
        assert (summary.early_start, summary.early_finish) == (_day(4 + 2 * i), _day(4 + 2 * DEPTH))
        assert summary.late_finish == _day(4 + 2 * DEPTH + slack)
        assert summary.total_float == slack and not summary.critical
    assert rows["Z"].early_start == _day(4 + 2 * DEPTH)
    assert (rows["Z"].total_float, rows["Z"].free_float) == (slack, slack)
    assert rows["Y"].total_float == slack
    assert result.critical_ids() == {"X"}


@pytest.mark.parametrize("pair", [("S1", f"L{DEPTH - 1}"), (f"L{DEPTH - 1}", "S0"), ("S3", f"S{DEPTH - 2}")])
def test_a_link_from_a_deep_summary_to_its_own_sub_task_is_refused(pair):
    project = _nested_plan(DEPTH)
    project.add_link(Link(*pair, id="self-binding"))
    with pytest.raises(PlannerError) as caught:
        schedule_with(project, None)
    assert caught.value.code == "link.summary_child"
    assert set(caught.value.subject_ids) == set(pair)


def test_a_link_between_deep_summaries_on_different_branches_is_kept():
    project = _nested_plan(DEPTH)
    project.add_task(Task("B", "branch", 0, id="B", parent_id="S10"))
    project.add_task(Task("B1", "leaf on the branch", 3, id="B1", parent_id="B"))
    project.add_link(Link("B", f"S{DEPTH - 1}", id="across"))  # S(D-1) is not under B: allowed
    rows = schedule_with(project, None).tasks
    assert rows["B1"].early_start == _day(4)  # under S0, so after Y
    assert rows[f"L{DEPTH - 1}"].early_start == _day(4 + 2 * (DEPTH - 1))

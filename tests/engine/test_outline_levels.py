"""A task added at the end of a plan keeps every other task at its level of the outline: the levels
the summaries' dates are gathered by (engine._tree) are carried over from the outline before, and
are the levels found afresh; a plan scheduled after an add gives the dates a fresh reading gives."""

from __future__ import annotations

from datetime import date

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.engine import _tree
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.kept_columns import ColumnKeeper


def _step(parent: list[int]) -> np.ndarray:
    """jumps[0] of this outline: each task's parent, n for the top level, and n past the end."""
    n = len(parent)
    return np.array([n if p < 0 else p for p in parent] + [n], dtype=np.int64)


@st.composite
def outlines(draw) -> list[int]:
    """Each task's parent's place (-1: top level), parents anywhere in the plan, no loops."""
    count = draw(st.integers(1, 14))
    order = draw(st.permutations(range(count)))  # the outline's tree, its tasks in any plan order
    place = {task: i for i, task in enumerate(order)}
    parent_of = {task: draw(st.sampled_from([-1, *range(task)])) for task in range(count)}
    return [place[parent_of[task]] if parent_of[task] >= 0 else -1 for task in order]


@settings(max_examples=400, deadline=None)
@given(outlines(), st.data())
def test_levels_with_a_task_added_at_the_end_are_the_levels_found_afresh(parent, data):
    _tree._LEVELS._entries = []
    _tree._levels_of(_step(parent))
    added = data.draw(st.sampled_from([-1, *range(len(parent))]))
    step = _step([*parent, added])
    carried = _tree._with_last_task(step)
    fresh = _tree._levels(step)
    if len(fresh) > len(_tree._levels(_step(parent))):  # a level deeper than any before: found afresh instead
        assert carried is None
        return
    assert carried is not None
    assert len(carried) == len(fresh)
    for mine, theirs in zip(carried, fresh):
        for a, b in zip(mine, theirs):
            assert np.array_equal(a, b)


def test_a_task_added_under_a_deep_summary_moves_its_phase_as_a_fresh_reading_does():
    # Phase P > work package W > tasks A (5 days) and B (3 days, after A). A task C of 10 days is
    # added under W, unlinked: it starts on the plan's start, 1 June, and runs to 10 June, so W and
    # P end on 10 June, not on B's 8 June (A 1-5 June, B 6-8 June).
    project = Project("levels", date(2031, 6, 1))
    project.add_task(Task("P", "Phase", 0, id="P"))
    project.add_task(Task("W", "Work package", 0, id="W", parent_id="P"))
    project.add_task(Task("A", "Assemble", 5, id="A", parent_id="W"))
    project.add_task(Task("B", "Bake-out", 3, id="B", parent_id="W"))
    project.add_link(Link("A", "B"))
    keeper = ColumnKeeper()
    before = schedule(project, keeper.columns(project))
    assert before.tasks["P"].shown_finish == date(2031, 6, 8)
    project.add_task(Task("C", "Calibrate", 10, id="C", parent_id="W"))
    after = schedule(project, keeper.columns(project, {"C"}, False))
    assert after.tasks["W"].shown_finish == after.tasks["P"].shown_finish == date(2031, 6, 10)
    _tree._LEVELS._entries = []
    assert dict(after.tasks) == dict(schedule(project).tasks)


@settings(max_examples=400, deadline=None)
@given(outlines(), st.data())
def test_levels_with_a_leaf_moved_under_another_parent_are_the_levels_found_afresh(parent, data):
    leaves = [task for task in range(len(parent)) if task not in parent]
    leaf = data.draw(st.sampled_from(leaves))
    moved_to = data.draw(st.sampled_from([-1, *(task for task in range(len(parent)) if task != leaf)]))
    moved = [moved_to if task == leaf else above for task, above in enumerate(parent)]
    _tree._LEVELS._entries = []
    before = _tree._levels_of(_step(parent))
    step = _step(moved)
    carried = _tree._with_leaf_moved(step)
    fresh = _tree._levels(step)
    if moved == parent:  # the same outline: nothing moved
        assert carried is None
        return
    if len(fresh) > len(before):  # a level deeper than any before: found afresh instead
        assert carried is None
        return
    assert carried is not None
    assert len(carried) == len(fresh)
    for mine, theirs in zip(carried, fresh):
        for a, b in zip(mine, theirs):
            assert np.array_equal(a, b)

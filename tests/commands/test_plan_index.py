"""The index of the window's plan (children by parent, tasks by key) follows every edit, its undo
and its redo: the commands give the kept plan the same outline as a plan with no index, and the
index always equals one read afresh from the plan."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.commands.merge_result import ApplyMergedPlan
from ilrs_planner.commands.outline import IndentTask, siblings
from ilrs_planner.commands.plan_index import PlanIndex, forget_index, index_of, keep_index
from ilrs_planner.commands.tasks import AddTask, DeleteTasks, SetTaskFields
from ilrs_planner.domain import PlannerError, Task

from .conftest import build_small_plan
from .strategies import draw_command


@pytest.fixture(autouse=True)
def _no_index_left():
    yield
    forget_index()


def _assert_index_is_the_plans(project):
    kept, fresh = index_of(project), PlanIndex(project)
    assert kept is not None
    assert kept.parents == fresh.parents and kept.keys == fresh.keys
    assert sorted(kept.order, key=kept.order.get) == list(project.tasks)  # the plan's order, ties go by it
    for parent, children in kept.children.items():  # those asked about, kept since
        assert children == {tid for tid, task in project.tasks.items() if task.parent_id == parent}
    for key in fresh.keys:
        bearers = [t for t in project.tasks.values() if t.key == key]
        assert kept.with_key(key) in (None, bearers)  # None: a stale answer, left to the plan
        # A fresh index answers for every key one task bears (the lookup that spares a sweep).
        assert fresh.with_key(key) == (bearers if len(bearers) == 1 else None)


def _outline(project):
    return {tid: (task.parent_id, task.position, task.key) for tid, task in project.tasks.items()}


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_random_edits_undone_and_redone_keep_the_index_and_give_the_outline_of_a_plan_without_one(data):
    kept, plain = build_small_plan(), build_small_plan()
    keep_index(kept)
    applied = []
    for serial in range(data.draw(st.integers(1, 25))):
        command = draw_command(data, kept, serial)
        twin = copy.deepcopy(command)
        try:
            command.apply(kept)
        except PlannerError:
            with pytest.raises(PlannerError):
                twin.apply(plain)
            continue
        twin.apply(plain)
        applied.append((command, twin))
        assert _outline(kept) == _outline(plain)
        _assert_index_is_the_plans(kept)
    for command, twin in reversed(applied):
        command.revert(kept)
        twin.revert(plain)
        assert _outline(kept) == _outline(plain)
        _assert_index_is_the_plans(kept)
    for command, _twin in applied:
        command.apply(kept)
    _assert_index_is_the_plans(kept)


def test_a_key_taken_is_refused_and_a_key_given_up_is_free_again():
    project = build_small_plan()
    keep_index(project)
    with pytest.raises(PlannerError) as refused:
        AddTask(Task(key="B", name="Second B", duration=3)).apply(project)
    assert refused.value.code == "task.duplicate_key"
    rename = SetTaskFields("b", key="B2")
    rename.apply(project)
    AddTask(Task(key="B", name="New B", duration=3, id="nb")).apply(project)  # "B" is free now
    with pytest.raises(PlannerError) as refused:
        SetTaskFields("nb", key="B2").apply(project)  # the key "b" took
    assert refused.value.code == "task.duplicate_key"


def test_tasks_added_by_other_code_or_a_merge_taken_are_read_again():
    project = build_small_plan()
    keep_index(project)
    assert siblings(project, "ph") == ["a", "b", "c"]
    project.add_task(Task(key="D", name="Added by other code", duration=1, id="d", parent_id="ph", position=3))
    assert siblings(project, "ph") == ["a", "b", "c", "d"]
    merged = build_small_plan()
    merged.add_task(Task(key="E", name="From the merge", duration=1, id="e", parent_id="ph", position=3))
    ApplyMergedPlan(merged).apply(project)
    IndentTask("e").apply(project)
    assert project.tasks["e"].parent_id == "c"
    _assert_index_is_the_plans(project)


def test_a_task_deleted_with_its_sub_tasks_and_brought_back_is_indexed_again():
    project = build_small_plan()
    keep_index(project)
    delete = DeleteTasks(["ph"])
    delete.apply(project)
    assert siblings(project, None) == ["m"]
    delete.revert(project)
    assert siblings(project, None) == ["ph", "m"] and siblings(project, "ph") == ["a", "b", "c"]
    _assert_index_is_the_plans(project)


def test_only_the_plan_shown_has_an_index():
    shown, other = build_small_plan(), build_small_plan()
    keep_index(shown)
    assert index_of(shown) is not None and index_of(other) is None
    keep_index(other)  # another plan opened in its place
    assert index_of(shown) is None and index_of(other) is not None

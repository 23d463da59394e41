"""A leaf indented or outdented (or either undone) renumbers the network's gate nodes when a
summary is made or unmade: the last shape patched for it (engine._shape_moved) is the shape built
afresh, edge for edge, and the plan schedules as a fresh reading does."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_kept_columns import Session, _following_at_most, _nothing_kept, assert_indexes_fresh, index_last_shape, plans
from test_kept_renumbered import _answers, assert_same_shape

from ilrs_planner.commands.base import ChangeSet
from ilrs_planner.commands.outline import IndentTask, OutdentTask
from ilrs_planner.commands.tasks import SetDuration
from ilrs_planner.domain import Link, LinkType, PlannerError, Project, Task
from ilrs_planner.engine import _edge_index, _passes, _shape
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.kept_columns import ColumnKeeper


def _shape_now(project: Project):
    try:
        schedule(project)
    except PlannerError:
        pass  # a loop is refused after the shape is made
    return _shape._SHAPES.latest()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(plans(), st.data())
def test_the_shape_patched_for_a_leaf_moved_is_the_shape_built_afresh(project, data):
    children = {task.parent_id for task in project.tasks.values()}
    leaves = [tid for tid in project.tasks if tid not in children]
    tid = data.draw(st.sampled_from(leaves))
    command = data.draw(st.sampled_from([IndentTask, OutdentTask]))(tid)
    with _nothing_kept():  # only this plan's shapes
        assume(_shape_now(project) is not None)
        index_last_shape()  # carried to the shape patched from it
        try:
            command.apply(project)
        except PlannerError:
            assume(False)  # nothing to go under, or already at the top
        for step in ("apply", "revert", "redo"):
            if step == "revert":
                command.revert(project)
            elif step == "redo":
                command.apply(project)
            with _answers(_shape, "with_leaf_moved") as moved:
                patched = _shape_now(project)
            if not getattr(command, "dropped", None):  # a link dropped with the indent: built afresh
                assert moved == [True] or (step != "apply" and moved == [])  # (or found again: kept)
            with _nothing_kept():
                fresh = _shape_now(project)
            assert_same_shape(patched, fresh)
            assert_indexes_fresh()


def _linked_pair() -> Project:
    """Phase S holds A (5 days) and B (3 days); X (2 days) follows A, Y (4 days) leads into S."""
    project = Project("pair", date(2030, 1, 1))
    for key, days, parent in (("Y", 4, None), ("S", 0, None), ("A", 5, "S"), ("B", 3, "S"), ("X", 2, None)):
        project.add_task(Task(key, key, days, id=key, parent_id=parent))
    project.add_link(Link("Y", "S", id="YS"))
    project.add_link(Link("A", "X", LinkType.FS, id="AX"))
    return project


def test_a_leaf_indented_under_a_linked_task_makes_it_a_summary_whose_successor_waits_for_both():
    session = Session(_linked_pair())
    session.check(ChangeSet())
    index_last_shape()
    with _answers(_shape, "with_leaf_moved") as moved, _answers(_passes, "regated") as carried:
        session.apply(IndentTask("B"))  # A becomes a summary over B: X follows B's finish
    assert True in moved and True in carried  # the shape patched, the kept passes carried over
    assert _edge_index.known(_shape._SHAPES.latest()[1].edges["dst"]) is not None  # and its index
    dates = schedule(session.project, session.keeper.columns(session.project, set())).tasks
    assert (dates["B"].early_start, dates["B"].shown_finish) == (date(2030, 1, 5), date(2030, 1, 7))
    assert (dates["A"].shown_finish, dates["X"].early_start) == (date(2030, 1, 7), date(2030, 1, 8))
    with _answers(_passes, "regated") as carried:
        session.undo()  # A a leaf of 5 days again: X follows its finish, on the 10th
    assert True in carried
    dates = schedule(session.project, session.keeper.columns(session.project, set())).tasks
    assert dates["X"].early_start == date(2030, 1, 10)


def test_a_duration_typed_under_an_indent_still_counts_once_the_task_is_outdented():
    """The outdent returns to the shape before the indent, whose edge weights were kept with the
    durations of then: the duration typed since is read in, not the one kept."""
    project, keeper = _linked_pair(), ColumnKeeper()
    with _nothing_kept():
        schedule(project, keeper.columns(project))
        for command in (IndentTask("B"), SetDuration("Y", 6)):  # A a summary over B; Y longer
            changes = command.apply(project)
            schedule(project, keeper.columns(project, changes.task_ids, changes.links))
        changes = OutdentTask("B").apply(project)  # A a leaf of 5 days again: the shape of before
        with _answers(_shape, "with_leaf_moved") as moved:
            dates = schedule(project, keeper.columns(project, changes.task_ids, changes.links)).tasks
    assert moved == []  # found again, with the weights kept for it
    # Y now runs 1-6 January; S (A, and B beside it) from the 7th; A's 5 days end on the 11th, X
    # follows on the 12th and works 2 days: 12-13 January.
    assert (dates["S"].early_start, dates["A"].shown_finish) == (date(2030, 1, 7), date(2030, 1, 11))
    assert (dates["X"].early_start, dates["X"].shown_finish) == (date(2030, 1, 12), date(2030, 1, 13))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_leaves_indented_and_outdented_schedule_as_a_fresh_reading(project, data):
    with _following_at_most(data.draw(st.sampled_from([3, 3000]))), _ranks_checked():
        session = Session(project)
        for _ in range(data.draw(st.integers(1, 10))):
            kind = data.draw(st.sampled_from(["indent", "indent", "outdent", "undo", "redo"]))
            if kind == "undo":
                session.undo()
            elif kind == "redo":
                session.redo()
            else:
                tid = data.draw(st.sampled_from(list(project.tasks)))
                session.apply(IndentTask(tid) if kind == "indent" else OutdentTask(tid))


@contextmanager
def _ranks_checked() -> Iterator[None]:
    """Passes carried over to new gates (_kept_moved.regated), or ranks raised over edges that no
    longer climb them (raised), order every edge of the new network: the passes then trust them
    without checking every edge again."""
    carry, raise_ = _passes.regated, _passes.raised

    def climbs(rank: np.ndarray, net) -> None:
        sources = net.edge_sources()
        assert bool((rank[sources] < rank[net.targets]).all())

    def carried(record, net):
        found = carry(record, net)
        if found is not None:
            assert found.ordered is net.targets
            climbs(found.rank, net)
        return found

    def raised(rank, net):
        found = raise_(rank, net)
        if found is not None:
            climbs(found, net)
        return found
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_passes, "regated", carried)
        patch.setattr(_passes, "raised", raised)
        yield

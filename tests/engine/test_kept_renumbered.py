"""A task added at the plan's end renumbers the network's gate nodes: the last shape patched for it
(engine._shape_grown) and the passes kept before it, carried over to the new numbering
(engine._kept_renumbered), schedule the plan exactly as a fresh reading does, through adds,
deletions, undos and redos, refusals and project finishes that move."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from test_kept_columns import Session, _following_at_most, _nothing_kept, assert_indexes_fresh, index_last_shape, plans

from ilrs_planner.commands.base import ChangeSet
from ilrs_planner.commands.links import AddLink
from ilrs_planner.commands.plan import SetPlanFields
from ilrs_planner.commands.tasks import AddTask, DeleteTasks, SetDuration
from ilrs_planner.domain import Link, PlannerError, Project, Task
from ilrs_planner.engine import _passes, _shape
from ilrs_planner.engine.cpm import schedule


@contextmanager
def _answers(module: Any, name: str) -> Iterator[list[bool]]:
    """Whether each call of `module.name` answered (returned something): the speed-up ran, rather
    than the full build the results are compared with."""
    answered: list[bool] = []
    original: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any) -> Any:
        result = original(*args)
        answered.append(result is not None)
        return result
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(module, name, counted)
        yield answered


def assert_same_shape(patched: Any, fresh: Any) -> None:
    """The shape a speed-up patched (the last of engine._shape's kept shapes) is the one built afresh:
    the same nodes, gates, edges, offsets and node-to-task map."""
    assert patched is not None and fresh is not None
    assert patched[1].n_nodes == fresh[1].n_nodes
    for kind, nodes in fresh[1].gates.items():
        assert np.array_equal(patched[1].gates[kind], nodes), kind
    for name, column in fresh[1].edges.items():
        assert np.array_equal(patched[1].edges[name], column), name
    assert np.array_equal(patched[1].offsets, fresh[1].offsets)
    assert np.array_equal(patched[1].node_task, fresh[1].node_task)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_tasks_added_and_removed_at_the_end_schedule_as_a_fresh_reading(project, data):
    with _following_at_most(data.draw(st.sampled_from([3, 3000]))):
        session = Session(project)
        for step in range(data.draw(st.integers(1, 10))):
            kind = data.draw(st.sampled_from(["add", "add", "delete last", "undo", "redo", "duration", "link",
                                              "far start"]))
            ids = list(project.tasks)
            if kind == "add":
                after = data.draw(st.sampled_from([None, *ids]))
                parent = project.tasks[after].parent_id if after else data.draw(st.sampled_from([None, *ids]))
                session.apply(AddTask(Task(f"N{step}", "New", data.draw(st.integers(0, 40)), id=f"N{step}",
                                           parent_id=parent), after))
            elif kind == "delete last" and ids:
                session.apply(DeleteTasks([ids[-1]]))
            elif kind == "undo":
                session.undo()
            elif kind == "redo":
                session.redo()
            elif kind == "duration" and ids:
                session.apply(SetDuration(data.draw(st.sampled_from(ids)), data.draw(st.integers(0, 60))))
            elif kind == "link" and len(ids) > 1:  # may close a loop: refused by the schedule as afresh
                session.apply(AddLink(ids[-1], data.draw(st.sampled_from(ids[:-1]))))
            elif kind == "far start":  # past the year 9999: refused, and the next edit schedules again
                # (from 1 December most plans fit in 9999 and, with a Must finish by of 2030, each
                # schedule laid out 8,000 years of calendar: seconds per step, a CI run's 20 minutes)
                session.apply(SetPlanFields(start=date(9999, 12, 31) - timedelta(data.draw(st.integers(0, 20)))))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_the_shape_patched_for_a_task_added_is_the_shape_built_afresh(project, data):
    with _nothing_kept():  # only this plan's shapes: an earlier plan's may be this one's with the task
        try:
            schedule(project)
        except PlannerError:
            assume(False)  # a plan refused (a summary linked to its own sub-task) has no shape
        index_last_shape()  # carried to the shape patched from it
        parent = data.draw(st.sampled_from([None, *{task.parent_id for task in project.tasks.values()}]))
        project.add_task(Task("N", "New", 3, id="N", parent_id=parent))
        with _answers(_shape, "with_task_added") as grown:
            schedule(project)
        assert grown == [True]  # the shape was patched, not built afresh
        patched = _shape._SHAPES.latest()
        with _nothing_kept():
            schedule(project)
            fresh = _shape._SHAPES.latest()
    assert_same_shape(patched, fresh)
    assert_indexes_fresh()


def _phase() -> Project:
    """X (3 days), then phase S of A (5 days) and B (3 days), then Y (2 days), on calendar days."""
    project = Project("phase", date(2030, 1, 1))
    for key, days, parent in (("X", 3, None), ("S", 0, None), ("A", 5, "S"), ("B", 3, "S"), ("Y", 2, None)):
        project.add_task(Task(key, key, days, id=key, parent_id=parent))
    project.add_link(Link("X", "S", id="XS"))
    project.add_link(Link("S", "Y", id="SY"))
    return project


def test_a_longer_task_added_to_a_phase_moves_what_follows_the_phase_and_its_undo_moves_it_back():
    session = Session(_phase())
    session.check(ChangeSet())  # scheduled once, as a plan opened is
    with _answers(_shape, "with_task_added") as grown, _answers(_passes, "renumbered") as carried:
        session.apply(AddTask(Task("N", "N", 10, id="N", parent_id="S"), "B"))
    assert True in grown and True in carried  # the shape patched, the kept passes carried over
    dates = schedule(session.project, session.keeper.columns(session.project, set())).tasks
    assert (dates["N"].early_start, dates["N"].shown_finish) == (date(2030, 1, 4), date(2030, 1, 13))
    assert (dates["S"].shown_finish, dates["Y"].early_start) == (date(2030, 1, 13), date(2030, 1, 14))
    assert dates["A"].total_float == 5  # A's 5 days end on the 8th: it may slip to the 13th
    with _answers(_passes, "renumbered") as carried:
        session.undo()
    assert True in carried  # the kept passes carried back down
    dates = schedule(session.project, session.keeper.columns(session.project, set())).tasks
    assert "N" not in dates and dates["Y"].early_start == date(2030, 1, 9)
    session.redo()
    session.check(ChangeSet())
    assert schedule(session.project).tasks["Y"].early_start == date(2030, 1, 14)

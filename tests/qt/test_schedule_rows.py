"""The task table reads each row's dates as the schedule gives them, across edits that keep, add,
delete or move tasks (the rows are read through an index kept from one schedule to the next)."""

from __future__ import annotations

from commands.conftest import build_small_plan
from commands.strategies import draw_command
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.commands.tasks import AddTask, DeleteTasks, IndentTask, SetDuration
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import PlannerError, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.qt.models.schedule_rows import ScheduleRows


def assert_rows_as_scheduled(rows: ScheduleRows, project) -> None:
    derived = schedule(project)
    for tid in project.tasks:
        assert rows.dates(derived, tid) == derived.tasks[tid]
    assert rows.dates(derived, "no such task") is None


def test_rows_read_across_edits_are_the_schedule_s():
    project = build_reference_project()
    rows = ScheduleRows()
    assert_rows_as_scheduled(rows, project)
    leaf = next(tid for tid in reversed(list(project.tasks)) if tid not in project.summary_ids())
    edits = [SetDuration(leaf, 400), AddTask(Task("NEW", "New task", 30), after_id=None),
             IndentTask(leaf), DeleteTasks([leaf])]
    for command in edits:
        command.apply(project)
        assert_rows_as_scheduled(rows, project)
    for command in reversed(edits):
        command.revert(project)
        assert_rows_as_scheduled(rows, project)


def test_without_a_schedule_there_are_no_dates():
    assert ScheduleRows().dates(None, "any") is None


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_rows_read_after_any_edits_and_undos_are_the_schedule_s(data):
    project = build_small_plan()
    rows, applied = ScheduleRows(), []
    for serial in range(data.draw(st.integers(1, 20))):
        if applied and data.draw(st.booleans()):
            applied.pop().revert(project)
        else:
            command = draw_command(data, project, serial)
            try:
                command.apply(project)
            except PlannerError:
                continue
            applied.append(command)
        try:
            derived = schedule(project)
        except PlannerError:
            continue
        for tid in project.tasks:
            assert rows.dates(derived, tid) == derived.tasks[tid]

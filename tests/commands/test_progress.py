"""Updating progress: the status date and every task's actuals are one command that undoes as one."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from ilrs_planner.commands.progress import Progress, update_progress
from ilrs_planner.domain import PlannerError, Project, Task

D = date


def _plan() -> Project:
    project = Project("Progress", D(2030, 1, 1), status_date=D(2030, 1, 5))
    project.add_task(Task("PH", "Phase", id="ph", position=0))
    project.add_task(Task("A", "Design", 10, id="a", parent_id="ph", position=0))
    project.add_task(Task("B", "Build", 20, id="b", parent_id="ph", position=1))
    project.add_task(Task("M", "Review", 0, id="m", position=1))
    return project


def _state(project: Project) -> tuple:
    return project.status_date, [(t.key, t.actual_start, t.actual_finish, t.percent_complete)
                                 for t in project.tasks.values()]


def test_one_command_records_everything_and_reverts_everything():
    project = _plan()
    original = _state(project)
    command = update_progress(project, D(2030, 1, 15), [
        Progress("a", finished=D(2030, 1, 12)), Progress("b", started=D(2030, 1, 13), percent=25),
        Progress("m", finished=D(2030, 1, 14))], planned_starts={"a": D(2030, 1, 1)})
    changes = command.apply(project)
    assert changes.dates and changes.plan
    assert _state(project) == (D(2030, 1, 15), [
        ("PH", None, None, 0), ("A", D(2030, 1, 1), D(2030, 1, 13), 100),  # the last day 01-12, stored exclusive
        ("B", D(2030, 1, 13), None, 25), ("M", D(2030, 1, 14), D(2030, 1, 14), 100)])  # a milestone: its day
    applied = copy.deepcopy(_state(project))
    command.revert(project)
    assert _state(project) == original
    command.apply(project)
    assert _state(project) == applied


def test_a_refused_record_leaves_the_plan_as_it_was():
    project = _plan()
    original = _state(project)
    command = update_progress(project, D(2030, 1, 15), [Progress("a", finished=D(2030, 1, 12))])
    command.parts[-1].fields["actual_start"] = D(2030, 1, 14)  # a finish before its start, found on apply
    with pytest.raises(PlannerError):
        command.apply(project)
    assert _state(project) == original


def test_a_summary_takes_its_progress_from_its_tasks():
    with pytest.raises(PlannerError) as caught:
        update_progress(_plan(), D(2030, 1, 15), [Progress("ph", started=D(2030, 1, 2))])
    assert caught.value.code == "status.summary"


def test_a_finish_on_the_last_day_of_2200_is_refused_naming_the_day_given():
    # A last day of work is kept as the day after (2201-01-01), which no plan file holds: taken, it
    # would make every later save fail. A milestone's day is kept as it is, so it may fall on it.
    project = Project("Late", D(2200, 12, 1), status_date=D(2200, 12, 5))
    project.add_task(Task("A", "Design", 10, id="a"))
    project.add_task(Task("M", "Review", 0, id="m"))
    original = _state(project)
    with pytest.raises(PlannerError) as caught:
        update_progress(project, D(2200, 12, 31), [Progress("a", started=D(2200, 12, 20), finished=D(2200, 12, 31))])
    assert "'A' cannot have finished on 2200-12-31" in caught.value.message and "2200-12-30" in caught.value.message
    assert "2201" not in caught.value.message and _state(project) == original
    update_progress(project, D(2200, 12, 31), [Progress("m", finished=D(2200, 12, 31))]).apply(project)
    assert project.tasks["m"].actual_finish == D(2200, 12, 31)

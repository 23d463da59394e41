"""Monte Carlo runs on plans mixing calendars: with durations that do not vary, every run gives the
schedule's dates and critical tasks, a phase held to a date and a phase's link to a task held earlier
included."""

from __future__ import annotations

from datetime import date

import pytest
from test_calendars import on_calendars
from test_risk import assert_runs_give_the_schedule, random_plan

from ilrs_planner.domain import Calendar, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.risk import run_risk

MONDAY_TO_FRIDAY = (True,) * 5 + (False,) * 2
MONDAY_TO_THURSDAY = (True,) * 4 + (False,) * 3


def _two_calendars(project: Project) -> str:
    """Monday to Friday for the plan; returns the id of a Monday-to-Thursday calendar beside it."""
    project.default_calendar_id = project.add_calendar(Calendar("Work week", MONDAY_TO_FRIDAY, id="week")).id
    return project.add_calendar(Calendar("Four days", MONDAY_TO_THURSDAY, id="four")).id


def _held_phases() -> Project:
    # From Monday 2030-01-07. Phase P (Monday to Friday) must start no later than Monday 01-14; its one
    # task A, on the four-day calendar, may not start before that Monday: P starts on its date, has no
    # room of its own and is critical. Phase Q (four-day calendar) likewise no later than Monday 01-14;
    # its task C (Monday to Friday) starts on Friday 01-11: Q starts a working day early and is not
    # critical. Phase R (four-day calendar), held likewise, starts on its date with D (four-day
    # calendar), E (Monday to Friday) a day later: critical. Long runs alone for 30 days, so the
    # sub-tasks have float of their own.
    # Positions on two calendars do not compare (each counts its own working days): the runs held P's
    # date against A's start on the other calendar and Q's likewise, and read Q critical and P not.
    project = Project("held phases", date(2030, 1, 7))
    four = _two_calendars(project)
    for key, duration, parent, calendar, constraint, day in [
            ("P", 0, None, None, "SNLT", 14), ("A", 3, "P", four, "SNET", 14),
            ("Q", 0, None, four, "SNLT", 14), ("C", 3, "Q", None, "SNET", 11),
            ("R", 0, None, four, "SNLT", 14), ("D", 3, "R", four, "SNET", 14), ("E", 3, "R", None, "SNET", 15),
            ("Long", 30, None, None, "ASAP", 0)]:
        project.add_task(Task(key, key, duration, id=key, parent_id=parent, position=len(project.tasks),
                              calendar_id=calendar, constraint=ConstraintType(constraint),
                              constraint_date=date(2030, 1, day) if day else None))
    return project


def test_a_phase_held_to_a_date_counts_it_on_each_sub_tasks_calendar():
    project = _held_phases()
    planned = schedule(project).tasks
    assert [planned[key].critical for key in "PQRACDE"] == [True, False, True] + [False] * 4
    result = run_risk(project, iterations=3, seed=1, use_defaults=False)
    assert [result.criticality[key] for key in "PQRACDE"] == [1.0, 0.0, 1.0] + [0.0] * 4


def test_a_phases_ss_link_to_a_task_held_earlier_gives_its_first_sub_task_negative_float():
    # From Monday 2030-01-07. Phase P (Monday to Friday) starts-to-starts Must Start On Wednesday 01-09;
    # its task A (four-day calendar) may not start before Monday 01-14: P starts two working days
    # later than B allows, so P and A have -2 days of float, both critical. The runs bound A by the
    # link only where A gives P's start, and read that with the link's offset as the backward pass
    # takes it across the calendars (a day apart here, a weekend between the two dates): A never
    # gave the start, the link bound nothing and P and A were critical in no run.
    project = Project("held link", date(2030, 1, 7))
    four = _two_calendars(project)
    for key, duration, parent, calendar, constraint, day in [
            ("P", 0, None, None, "ASAP", 0), ("A", 5, "P", four, "SNET", 14), ("B", 5, None, None, "MSO", 9),
            ("Long", 30, None, None, "ASAP", 0)]:
        project.add_task(Task(key, key, duration, id=key, parent_id=parent, position=len(project.tasks),
                              calendar_id=calendar, constraint=ConstraintType(constraint),
                              constraint_date=date(2030, 1, day) if day else None))
    project.add_link(Link("P", "B", LinkType.SS))
    planned = schedule(project).tasks
    assert [(planned[key].total_float, planned[key].critical) for key in "PAB"] == [(-2, True), (-2, True), (0, True)]
    result = run_risk(project, iterations=3, seed=1, use_defaults=False)
    assert [result.criticality[key] for key in "PAB"] == [1.0, 1.0, 1.0]


def mixed_calendar_plan(seed: int) -> Project:
    """random_plan on Monday to Friday, every third task (summaries too) on Monday to Thursday."""
    project = random_plan(seed)
    four = _two_calendars(project)
    for k, task in enumerate(project.tasks.values()):
        if k % 3 == 0:
            task.calendar_id = four
    return project


@pytest.mark.parametrize("seed", range(40))
def test_durations_that_do_not_vary_give_the_schedules_dates_and_criticality_on_mixed_calendars(seed):
    project = mixed_calendar_plan(seed)
    assert_runs_give_the_schedule(project)


@pytest.mark.parametrize("seed", range(25))
def test_durations_that_do_not_vary_give_the_schedules_criticality_with_holidays_and_elapsed_durations(seed):
    # Monday to Friday with a closure and a worked Saturday, a six-day calendar, elapsed durations and lags.
    project = on_calendars(random_plan(seed), seed)
    assert_runs_give_the_schedule(project)

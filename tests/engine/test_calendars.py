"""Working calendars in the scheduler: agreement of the two passes, the Monte Carlo and the 7-day case."""

from __future__ import annotations

import copy
import random
from datetime import date, timedelta

import numpy as np
import pytest
from test_risk import START, assert_runs_give_the_schedule, random_plan

from ilrs_planner.domain import Calendar, CalendarException, Link, PlannerError, Project, Task, continuous_calendar
from ilrs_planner.engine.cpm import schedule, schedule_with

WEEKDAYS = (True,) * 5 + (False, False)


def on_calendars(project: Project, seed: int) -> Project:
    """The plan on Mon-Fri with holidays; some tasks on a 6-day calendar, some lags and durations elapsed."""
    rng = random.Random(seed)
    standard = Calendar("Standard", WEEKDAYS, [CalendarException("New Year", date(2030, 1, 1), date(2030, 1, 1)),
                                                CalendarException("Closure", date(2030, 3, 4), date(2030, 3, 15)),
                                                CalendarException("Make-up Saturday", date(2030, 3, 16),
                                                              date(2030, 3, 16), working=True)], id="std")
    six = Calendar("Six days", (True,) * 6 + (False,), id="six")
    project.add_calendar(standard)
    project.add_calendar(six)
    project.default_calendar_id = "std"
    for task in project.tasks.values():
        roll = rng.random()
        task.calendar_id = "six" if roll < 0.2 else None
        task.elapsed = 0.2 <= roll < 0.25
    for link in project.links.values():
        link.elapsed = rng.random() < 0.2
    return project


@pytest.mark.parametrize("seed", range(20))
def test_level_passes_and_loops_agree_on_calendars(seed):
    project = on_calendars(random_plan(seed), seed)
    assert schedule_with(project, True) == schedule_with(project, False)


@pytest.mark.parametrize("seed", range(10))
def test_work_never_starts_or_ends_on_a_day_off(seed):
    project = on_calendars(random_plan(seed), seed)
    result = schedule(project)
    for tid, dates in result.tasks.items():
        task = project.tasks[tid]
        if project.is_summary(tid) or task.duration == 0 or task.elapsed or task.actual_start or task.actual_finish:
            continue
        calendar = project.task_calendar(task)
        last_day = dates.early_finish - timedelta(days=1)
        assert calendar.is_working(dates.early_start) and calendar.is_working(last_day), task.key
        worked = sum(calendar.is_working(dates.early_start + timedelta(days=k))
                     for k in range((dates.early_finish - dates.early_start).days))
        assert worked == task.duration, task.key


@pytest.mark.parametrize("seed", range(10))
def test_a_named_seven_day_calendar_schedules_as_calendar_days(seed):
    plain = random_plan(seed)
    named = copy.deepcopy(plain)
    named.add_calendar(continuous_calendar("c7"))
    named.default_calendar_id = "c7"
    assert schedule(named) == schedule(plain)


@pytest.mark.parametrize("seed", range(10))
def test_zero_spread_monte_carlo_lands_on_the_working_day_schedule(seed):
    project = on_calendars(random_plan(seed), seed)
    assert_runs_give_the_schedule(project, critical=False)


def test_a_task_naming_a_missing_calendar_is_refused_by_name():
    project = Project("p", START)
    project.add_calendar(Calendar("Standard", WEEKDAYS, id="std"))
    project.add_task(Task("A", "A", 3, id="A", calendar_id="nope"))
    with pytest.raises(PlannerError) as caught:
        schedule(project)
    assert caught.value.code == "calendar.unknown" and "'A'" in caught.value.message


def test_a_calendar_without_working_days_is_refused():
    project = Project("p", START)
    project.add_calendar(Calendar("Never", (False,) * 7, id="never"))
    project.default_calendar_id = "never"
    project.add_task(Task("A", "A", 3, id="A"))
    with pytest.raises(PlannerError) as caught:
        schedule(project)
    assert caught.value.code == "calendar.no_working_day"


def test_a_plan_longer_than_the_first_tables_is_scheduled_on_wider_ones():
    project = Project("p", START)
    project.add_calendar(Calendar("Standard", WEEKDAYS, id="std"))
    project.default_calendar_id = "std"
    project.add_task(Task("A", "A", 20_000, id="A"))  # about 77 years of working days
    dates = schedule(project).tasks["A"]
    assert dates.early_finish == date(2106, 8, 31)  # 4,000 whole weeks after Tuesday 2030-01-01
    weekdays = np.busday_count(START, dates.early_finish)
    assert weekdays == 20_000


def test_a_holiday_added_to_a_calendar_between_edits_moves_the_work_after_it():
    # A Mon-Fri calendar; A takes 3 working days from Monday 2 June 2031: Mon-Wed, shown finishing
    # Wednesday 4 June. A holiday then added on Tuesday 3 June (the calendar object changed in
    # place, as an edit of its exceptions does) leaves Mon, Wed, Thu: A finishes Thursday 5 June,
    # and B (2 days, after A) runs Fri 6 and Mon 9 June instead of Thu 5 and Fri 6.
    project = Project("holiday", date(2031, 6, 2))
    calendar = Calendar("Standard", WEEKDAYS, id="std")
    project.add_calendar(calendar)
    project.default_calendar_id = "std"
    project.add_task(Task("A", "Assemble", 3, id="A"))
    project.add_task(Task("B", "Bake-out", 2, id="B"))
    project.add_link(Link("A", "B"))
    before = schedule(project)
    assert (before.tasks["A"].shown_finish, before.tasks["B"].shown_finish) == (date(2031, 6, 4), date(2031, 6, 6))
    calendar.exceptions.append(CalendarException("Holiday", date(2031, 6, 3), date(2031, 6, 3)))
    after = schedule(project)
    assert (after.tasks["A"].shown_finish, after.tasks["B"].shown_start) == (date(2031, 6, 5), date(2031, 6, 6))
    assert after.tasks["B"].shown_finish == date(2031, 6, 9)

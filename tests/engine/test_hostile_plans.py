"""Plans a partner's file can hold that no calendar or workstation can schedule: refused with a code.

Every value in these plans is within the file's bounds (a duration or lag of at most 300 years,
at most 10,000 calendars), so the store accepts them; scheduling is what must not crash, hang or
exhaust memory. Scheduling runs on opening, in the window and in every command.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ilrs_planner.domain import Calendar, Link, LinkType, PlannerError, Project, Task
from ilrs_planner.engine import _calendars
from ilrs_planner.engine.cpm import schedule

LONGEST = 109_575  # days: 300 years, the longest duration or lag a plan file may hold
FIVE_DAYS = (True,) * 5 + (False, False)


def chain_of_centuries(tasks: int, calendar: Calendar | None = None) -> Project:
    """`tasks` tasks of 300 years each, linked finish-to-start with a 300-year lag."""
    plan = Project("centuries", date(2030, 1, 1))
    if calendar is not None:
        plan.add_calendar(calendar)
        plan.default_calendar_id = calendar.id
    for i in range(tasks):
        plan.add_task(Task(f"k{i}", f"Task {i}", LONGEST, id=f"t{i}"))
        if i:
            plan.add_link(Link(f"t{i - 1}", f"t{i}", LinkType.FS, LONGEST, id=f"l{i}"))
    return plan


def test_a_chain_running_past_the_year_9999_is_refused_on_calendar_days():
    with pytest.raises(PlannerError) as caught:
        schedule(chain_of_centuries(20))  # 20 × 600 years from 2030
    assert caught.value.code == "schedule.out_of_range" and "9999" in caught.value.message


def test_a_chain_running_past_the_year_9999_is_refused_on_a_working_calendar_instead_of_widening_forever():
    # The working-time tables stop at the year 9999; the plan asked for wider ones without end.
    with pytest.raises(PlannerError) as caught:
        schedule(chain_of_centuries(40, Calendar("Five days", FIVE_DAYS, [], id="c5")))
    assert caught.value.code == "schedule.out_of_range"


def test_a_short_task_on_a_calendar_worked_one_day_in_all_names_the_calendar_not_a_long_duration():
    from ilrs_planner.domain import CalendarException

    plan = Project("one day", date(2030, 1, 1))
    plan.add_calendar(Calendar("Range", (False,) * 7, [
        CalendarException("test day", date(2030, 1, 2), date(2030, 1, 2), working=True)], id="range"))
    plan.add_task(Task("A", "Ten-day test", duration=10, id="a", calendar_id="range"))
    with pytest.raises(PlannerError) as caught:
        schedule(plan)
    error = caught.value
    assert error.code == "schedule.out_of_range"
    assert "working days of 'Range', worked only on exception days" in error.message


def test_a_chain_ending_before_the_year_9999_still_schedules():
    result = schedule(chain_of_centuries(6))  # six tasks and five lags of 109,575 days from 2030-01-01
    assert result.project_finish == date(2030, 1, 1) + timedelta(days=11 * LONGEST)


def plan_with_calendars(count: int) -> Project:
    """`count` different 5-day calendars, each a task's, and a constraint three centuries on."""
    plan = Project("calendars", date(1901, 1, 1))
    for i in range(count):
        plan.add_calendar(Calendar(f"Calendar {i}", FIVE_DAYS, [], id=f"c{i}"))
        plan.add_task(Task(f"k{i}", f"Task {i}", 5, id=f"t{i}", calendar_id=f"c{i}"))
    plan.add_task(Task("end", "End", 0, id="end", deadline=date(2199, 12, 31)))
    return plan


def test_ten_thousand_calendars_are_refused_before_their_tables_are_made():
    # A 1 MB file: its tables would have taken 6.8 GiB.
    with pytest.raises(PlannerError) as caught:
        schedule(plan_with_calendars(10_000))
    assert caught.value.code == "calendar.too_many" and "10,000 working calendars" in caught.value.message


def test_the_bound_on_working_time_tables_is_what_the_error_says(monkeypatch):
    monkeypatch.setattr(_calendars, "MAX_TABLE_CELLS", 20 * 150_000)
    schedule(plan_with_calendars(10))  # a handful of calendars over three centuries fits
    with pytest.raises(PlannerError) as caught:
        schedule(plan_with_calendars(40))
    assert caught.value.code == "calendar.too_many"


def test_the_bound_keeps_two_tables_under_half_a_gibibyte_and_fits_real_plans():
    assert _calendars.MAX_TABLE_CELLS * 2 * 8 <= 512 << 20
    schedule(plan_with_calendars(100))  # a hundred calendars over three centuries is a plan, not an attack

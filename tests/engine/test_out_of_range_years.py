"""A plan running past the year 9999 is refused with the calendar years it reaches, counted between
the dates as a person counts them, however sparse its calendar."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.domain import Calendar, CalendarException, Link, PlannerError, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.out_of_range import whole_years

TWO_THIRDS_OF_400_YEARS = 97_398  # the Gregorian calendar repeats every 146,097 days (400 years): 3 × 48,699


def chain(tasks: int, duration: int, calendar: Calendar | None = None) -> Project:
    plan = Project("long chain", date(2030, 1, 1))
    if calendar is not None:
        plan.default_calendar_id = plan.add_calendar(calendar).id
    for i in range(tasks):
        plan.add_task(Task(f"k{i}", f"Task {i}", duration, id=f"t{i}"))
        if i:
            plan.add_link(Link(f"t{i - 1}", f"t{i}"))
    return plan


def refusal(plan: Project) -> str:
    with pytest.raises(PlannerError) as caught:
        schedule(plan)
    assert caught.value.code == "schedule.out_of_range"
    return caught.value.message


def test_a_chain_of_calendar_days_names_the_calendar_years_it_reaches():
    # 33 tasks of two thirds of 400 years: 22 whole cycles, from 2030-01-01 to 10830-01-01 exactly.
    # Counted in 365-day years (3,214,134 days) it would read 8,805.
    assert "reach 8,800 years after its start on 2030-01-01" in refusal(chain(33, TWO_THIRDS_OF_400_YEARS))


def test_a_day_short_of_the_whole_years_counts_one_year_fewer():
    plan = chain(33, TWO_THIRDS_OF_400_YEARS)
    plan.task_by_key("k32").duration -= 1  # finishes (exclusive) 10829-12-31
    assert "reach 8,799 years after its start" in refusal(plan)


def test_a_calendar_worked_on_one_day_in_all_is_said_to_run_at_least_to_the_end_of_9999_not_2030_years():
    # Ten working days on a calendar that works only 2030-01-02: the tenth lies beyond the year 9999,
    # at least 7,970 years (2030-01-01 to 10000-01-01) after the start; it was said "about 2,030 years".
    plan = Project("one day", date(2030, 1, 1))
    plan.add_calendar(Calendar("Range", (False,) * 7, [
        CalendarException("test day", date(2030, 1, 2), date(2030, 1, 2), working=True)], id="range"))
    plan.add_task(Task("A", "Ten-day test", duration=10, id="a", calendar_id="range"))
    message = refusal(plan)
    assert "at least 7,970 years after its start on 2030-01-01" in message and "'Range'" in message


def test_whole_years_count_between_dates_inside_and_outside_the_years_1_to_9999():
    day = date.toordinal
    assert whole_years(day(date(2028, 2, 29)), day(date(2032, 2, 28))) == 3  # a day short of four years
    assert whole_years(day(date(2028, 2, 29)), day(date(2032, 2, 29))) == 4
    assert whole_years(day(date(2035, 6, 1)), day(date(2028, 6, 2))) == -6  # back 6 years and 364 days
    # 9999-06-01 + 400 years is "10399-06-01", 146,097 days on; a day before it is 399 whole years.
    assert whole_years(day(date(9999, 6, 1)), day(date(9999, 6, 1)) + 146_097) == 400
    assert whole_years(day(date(9999, 6, 1)), day(date(9999, 6, 1)) + 146_096) == 399

"""What-if on a Monday-to-Friday calendar counts working days, as the scheduler counts durations.

Hand-worked on January/February 2030: 2030-01-07, 01-14, 01-21, 01-28 and 02-04 are Mondays.
"""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Calendar, ConstraintType, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.whatif import duration_finishing_on, what_if

D = date
WEEKDAYS = (True,) * 5 + (False,) * 2


def _plan(**lander: object) -> Project:
    project = Project("Five-day what-if", D(2030, 1, 7))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", WEEKDAYS, id="std")).id
    project.add_task(Task("lander", "Lander", **lander, id="lander"))  # type: ignore[arg-type]
    return project


def _lander(project: Project, **change: object):
    result = what_if(project, "lander", **change)  # type: ignore[arg-type]
    return result, next(m for m in result.moves if m.key == "lander")


def test_a_task_under_way_at_the_status_date_finishes_on_the_day_asked_counting_working_days():
    # 20 working days from Mon 01-07, half done at the status date Mon 01-21: 10 working days left,
    # 01-21..01-25 and 01-28..02-01, last day Fri 02-01 (exclusive finish Sat 02-02).
    project = _plan(duration=20, actual_start=D(2030, 1, 7), percent_complete=50)
    project.status_date = D(2030, 1, 21)
    assert schedule(project).tasks["lander"].early_finish == D(2030, 2, 2)
    # Finishing on Fri 02-15 leaves 20 working days from 01-21 (four weeks): duration 40 at 50 %.
    result, lander = _lander(project, finish_on=D(2030, 2, 15))
    assert result.fields == {"duration": 40}
    assert (lander.new_start, lander.new_finish) == (D(2030, 1, 7), D(2030, 2, 16))
    # Five more working days: 15 left, through Fri 02-08 (exclusive Sat 02-09).
    result, lander = _lander(project, slip_days=5)
    assert result.fields == {"duration": 30} and lander.new_finish == D(2030, 2, 9)
    assert "takes +5 d (under way" in result.description  # days written one way: working days of its calendar


def test_a_started_task_without_a_status_date_gets_the_working_days_up_to_its_new_last_day():
    # Started Mon 01-07; to finish on Fri 01-25 it works 01-07..01-11, 01-14..01-18, 01-21..01-25: 15 days.
    project = _plan(duration=10, actual_start=D(2030, 1, 7))
    result, lander = _lander(project, finish_on=D(2030, 1, 25))
    assert result.fields == {"duration": 15} and lander.new_finish == D(2030, 1, 26)


def test_an_unstarted_task_slips_by_working_days():
    # Starts Mon 01-07; 7 working days later is Wed 01-16; 10 working days from it end Tue 01-29.
    project = _plan(duration=10)
    result, lander = _lander(project, slip_days=7)
    assert result.fields == {"constraint": ConstraintType.SNET, "constraint_date": D(2030, 1, 16)}
    assert (lander.new_start, lander.new_finish) == (D(2030, 1, 16), D(2030, 1, 30))


def test_an_elapsed_task_counts_calendar_days_whatever_its_calendar():
    # 10 elapsed days from Mon 01-07; to finish on Fri 01-25 it runs 19 calendar days.
    project = _plan(duration=10, elapsed=True, actual_start=D(2030, 1, 7))
    result, lander = _lander(project, finish_on=D(2030, 1, 25))
    assert result.fields == {"duration": 19} and lander.new_finish == D(2030, 1, 26)


def test_the_slip_is_written_as_every_count_of_days_is():
    # The headline's days read as the task table's and the analysis tables' ('+7 d'), not '+7 working
    # days' beside '+7 d'; an elapsed task's as its Duration cell writes them ('+3 ed').
    result, _ = _lander(_plan(duration=10), slip_days=7)
    assert result.description == "'lander' slips by +7 d (starts no earlier than 2030-01-16)"
    result, _ = _lander(_plan(duration=10, elapsed=True), slip_days=3)
    assert result.description.startswith("'lander' slips by +3 ed (")
    result, _ = _lander(_plan(duration=10, elapsed=True, actual_start=D(2030, 1, 7)), slip_days=-2)
    assert result.description == "'lander' takes -2 ed (under way since 2030-01-07)"


def test_the_duration_finishing_on_a_day_counts_working_days_or_the_work_left_under_way():
    # Unstarted from Mon 01-07 to Fri 01-18: 01-07..01-11 and 01-14..01-18, 10 working days; to the
    # Saturday after, the same 10 (a day off adds no work); to its own first day, at least one.
    project = _plan(duration=3)
    lander = project.tasks["lander"]
    assert duration_finishing_on(project, lander, D(2030, 1, 7), D(2030, 1, 18)) == 10
    assert duration_finishing_on(project, lander, D(2030, 1, 7), D(2030, 1, 19)) == 10
    assert duration_finishing_on(project, lander, D(2030, 1, 7), D(2030, 1, 6)) == 1
    # Under way, half done at Mon 01-21: to Fri 02-15 leaves 20 working days from 01-21, duration 40,
    # whatever start is given (the work left runs from the status date).
    under_way = _plan(duration=20, actual_start=D(2030, 1, 7), percent_complete=50)
    under_way.status_date = D(2030, 1, 21)
    assert duration_finishing_on(under_way, under_way.tasks["lander"], D(2030, 1, 7), D(2030, 2, 15)) == 40

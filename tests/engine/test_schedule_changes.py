"""Which rows of a schedule moved between two runs: what the task table repaints after an edit."""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.schedule import changed_rows


def _plan(a_days: int) -> Project:
    # A [0, a) -> B (3 days); D (10 days) alone sets the finish at day 10.
    project = Project("changes", date(2030, 1, 1))
    for key, days in (("A", a_days), ("B", 3), ("D", 10)):
        project.add_task(Task(key, key, days, id=key))
    project.add_link(Link("A", "B", id="ab"))
    return project


def test_only_the_rows_whose_dates_or_floats_moved_are_reported():
    before = schedule(_plan(2)).tasks
    after = schedule(_plan(4)).tasks  # A and B move later and lose 2 days of float; D stays put
    assert (after["B"].early_start, after["B"].total_float) == (date(2030, 1, 5), 3)
    assert changed_rows(before, after) == {"A", "B"}
    assert changed_rows(before, schedule(_plan(2)).tasks) == set()


def test_added_and_removed_tasks_count_as_changed():
    grown = _plan(2)
    grown.add_task(Task("E", "E", 1, id="E"))
    before, after = schedule(_plan(2)).tasks, schedule(grown).tasks
    assert changed_rows(before, after) == {"E"}
    assert changed_rows(after, before) == {"E"}


def test_no_schedule_on_one_side_reports_every_row_of_the_other():
    table = schedule(_plan(2)).tasks
    assert changed_rows(None, table) == {"A", "B", "D"} == changed_rows(table, None)
    assert changed_rows(dict(table), schedule(_plan(4)).tasks) == {"A", "B"}  # any mapping will do

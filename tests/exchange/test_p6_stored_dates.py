"""Primavera P6's own dates, as its .xer files store them, against what we read and schedule, activity
by activity: the start (the actual start of an activity under way, else P6's remaining early start)
and the finish (P6's remaining early finish, `reend_date`), as days. A P6 finish at 16:00 or 17:00
is that day's end; one at 08:00 with nothing left to do (Duration 100 %) is that day too, as P6's
Finish column shows it. The files and their licence: msp_real/README.md."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from xer_rows import task_rows

from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange import mpxj_run
from ilrs_planner.exchange.formats import read_plan

REAL = Path(__file__).parent / "msp_real"
needs_java = pytest.mark.skipif(bool(mpxj_run.missing_parts()), reason="reading a .xer file needs MPXJ and Java")


def _day(stamp: str) -> str:
    return date.fromisoformat(stamp[:10]).isoformat()


@needs_java
@pytest.mark.parametrize("name, count", [("percent-complete-8.4.xer", 12), ("resource-rates-test.xer", 1)])
def test_each_activity_starts_and_finishes_on_the_days_p6_stored(name, count):
    stored = task_rows(REAL / name)
    project = read_plan(REAL / name).project
    dates = schedule(project).tasks
    ours, theirs = {}, {}
    for task in project.tasks.values():
        if task.key not in stored:
            continue  # the project's own summary row: no activity of the TASK table
        row = stored[task.key]
        theirs[task.key] = (_day(row["act_start_date"] or row["restart_date"]), _day(row["reend_date"]))
        ours[task.key] = (dates[task.id].shown_start.isoformat(), dates[task.id].shown_finish.isoformat())
    assert len(ours) == count == len(stored) and ours == theirs


@needs_java
def test_work_under_way_finishes_on_p6s_remaining_finish_not_its_planned_one():
    """Duration 25 %: 100 d planned from 2015-02-24 (P6's target finish 2015-07-13), 75 d left at the
    data date, so P6 forecasts 2015-06-08 (75 working days, Tuesday to Monday, 15 weeks): ours too."""
    stored = task_rows(REAL / "percent-complete-8.4.xer")["A1010"]
    assert (_day(stored["target_end_date"]), _day(stored["reend_date"])) == ("2015-07-13", "2015-06-08")
    project = read_plan(REAL / "percent-complete-8.4.xer").project
    task = project.task_by_key("A1010")
    assert schedule(project).tasks[task.id].shown_finish == date(2015, 6, 8)

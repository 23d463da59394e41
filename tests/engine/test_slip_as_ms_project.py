"""Start, Finish and Duration Variance as MS Project computes them, on a hand-worked plan: current minus
baseline, in working days of the task's calendar, a finish being the last day of work and a
milestone its moment; a task added since the baseline has no variance; any baseline may be chosen,
and two baselines compared, as MS Project's Baseline1..10 are.

The plan (Monday-to-Friday, from Monday 2027-03-01; C on a Monday-to-Thursday calendar):

    task       baseline                       now (A lasts 7 d instead of 5)
    A  5 d     Mon 03-01 .. Fri 03-05         Mon 03-01 .. Tue 03-09       start 0, finish +2, duration +2
    B  3 d     Mon 03-08 .. Wed 03-10         Wed 03-10 .. Fri 03-12       +2, +2, 0
    M  after B end of Wed 03-10 (17:00)       end of Fri 03-12             +2 (Wed 17:00 to Fri 17:00)
    C  2 d     Mon 03-08 .. Tue 03-09         Wed 03-10 .. Thu 03-11       +2 (Mon-Thu: 8, 9 -> 10, 11)
    N  ms      start of Mon 03-15 (SNET)      after B: end of Fri 03-12    0 d: Mon 08:00 and Fri 17:00
                                                                           are the same working moment
    X  4 d     (added since)                  Mon 03-01 .. Thu 03-04       no variance (MS Project: NA, 0d)
"""

from __future__ import annotations

import json
from datetime import date as D

from four_day_week import four_day_week

from ilrs_planner.cli import main
from ilrs_planner.commands.baselines import snapshot
from ilrs_planner.domain import Calendar, ConstraintType, Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.slippage import report_csv, slip_report
from ilrs_planner.store import save_project

WEEK, FOUR_DAYS = (True,) * 5 + (False,) * 2, (True,) * 4 + (False,) * 3


def _agreed() -> Project:
    project = Project("Variances", D(2027, 3, 1))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", WEEK, id="std")).id
    project.add_calendar(Calendar("Monday to Thursday", FOUR_DAYS, id="four"))
    for position, (key, days) in enumerate((("A", 5), ("B", 3), ("M", 0), ("C", 2), ("N", 0))):
        project.add_task(Task(key, key, days, id=key, position=position))
    project.tasks["C"].calendar_id = "four"
    project.tasks["N"].constraint, project.tasks["N"].constraint_date = ConstraintType.SNET, D(2027, 3, 15)
    for before, after in (("A", "B"), ("B", "M"), ("A", "C")):
        project.add_link(Link(before, after))
    return project


def _moved() -> Project:
    """Baselined as agreed (named 'Baseline', as MS Project's first), then A takes two days more."""
    project = _agreed()
    project.baselines.append(snapshot(project, schedule(project), "Baseline", D(2027, 2, 26)))
    project.tasks["A"].duration = 7
    project.tasks["N"].constraint, project.tasks["N"].constraint_date = ConstraintType.ASAP, None
    project.add_link(Link("B", "N"))
    project.add_task(Task("X", "X", 4, id="X", position=9))
    return project


def test_variances_count_working_days_of_each_tasks_calendar_as_ms_project_does():
    project = _moved()
    rows = {row.key: row for row in slip_report(project, schedule(project)).rows}
    got = {key: (r.start_variance, r.finish_variance, r.duration_variance) for key, r in rows.items()}
    assert got == {"A": (0, 2, 2), "B": (2, 2, 0), "M": (2, 2, 0), "C": (2, 2, 0), "N": (0, 0, 0),
                   "X": (None, None, None)}
    assert rows["N"].shown()[1::2] == ("2027-03-15", "2027-03-12") and not rows["N"].slipped
    assert rows["X"].shown() == ("", "", "2027-03-01", "2027-03-04") and rows["X"].variance_texts() == ("", "")


def test_duration_variance_reads_the_duration_column_not_the_days_a_task_under_way_spans():
    # Fabricate (tests/four_day_week.py): 10 d in the baseline, 10 d now (3 done, 7 left from the status
    # date), though its dates now span 11 working days (14-17, 21-23, 28-30, Mon 01-04): MS Project's
    # Duration Variance is Duration minus Baseline Duration, 0 d. Cure is 7 ed in both.
    project = four_day_week()
    rows = {row.key: row for row in slip_report(project, schedule(project)).rows}
    assert (rows["T-2"].baseline_duration, rows["T-2"].current_duration, rows["T-2"].duration_variance) == (10, 10, 0)
    assert rows["T-2"].finish_variance == 1
    assert (rows["T-3"].baseline_duration, rows["T-3"].duration_variance) == (7, 0)


def test_any_baseline_is_compared_and_two_baselines_with_each_other():
    # MS Project keeps Baseline and Baseline1..10; its variance fields read Baseline. Here any baseline is
    # chosen by name or number, and two compared with each other (Baseline1 against Baseline: A +2).
    project = _moved()
    project.baselines.append(snapshot(project, schedule(project), "Baseline1", D(2027, 3, 1)))
    project.tasks["B"].duration = 4  # one more day since Baseline1
    plan = schedule(project)
    since_first = {r.key: r.finish_variance for r in slip_report(project, plan, "Baseline").rows}
    since_second = {r.key: r.finish_variance for r in slip_report(project, plan, "Baseline1").rows}
    between = {r.key: r.finish_variance for r in slip_report(project, plan, "Baseline", "Baseline1").rows}
    assert (since_first["B"], since_second["B"], between["B"]) == (3, 1, 2)
    assert (since_first["X"], since_second["X"], between["X"]) == (None, 0, None)


def test_the_csv_and_json_give_the_durations_and_their_variance(tmp_path, capsys):
    project = _moved()
    header, *lines = report_csv(slip_report(project, schedule(project))).splitlines()
    columns = header.replace('"', "").split(",")
    a = dict(zip(columns, next(line for line in lines if line.startswith('"A"')).replace('"', "").split(",")))
    assert (a["baseline_duration_working_days"], a["duration_working_days"], a["duration_variance_working_days"]) \
        == ("5", "7", "2")
    path = tmp_path / "plan.db"
    save_project(project, path)
    assert main(["slip", str(path), "--json"]) == 0
    tasks = {t["key"]: t for t in json.loads(capsys.readouterr().out)["tasks"]}
    assert (tasks["A"]["duration_variance_working_days"], tasks["X"]["duration_variance_working_days"]) == (2, None)
    assert tasks["X"]["baseline_finish"] is None and tasks["X"]["finish_variance_working_days"] is None

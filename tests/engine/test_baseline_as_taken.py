"""A baseline reads as it was announced (or captured), whatever the plan says today.

The roadmap's April 2026 baseline says "ILRS basic station complete" by 2035: the point 2036-01-01
00:00, the end of 2035-12-31, known to the year. Planned today for 2036-03-15 (a day), the baseline
still reads 2035, and the milestone finishes in a later year: "+1 y", slipped. Before the entry kept
its reading, the point was read at today's moment of day (the start of 2036-01-01) and to the day's
first-of-year rule, so the baseline read "2036" and the headline slip "0 y".
"""

from __future__ import annotations

from datetime import date

from ilrs_planner.commands.baselines import CaptureBaseline
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Precision, Project, Task
from ilrs_planner.domain.baseline_entry import entry_reading
from ilrs_planner.domain.working_count import WorkedDays
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.mta import milestone_trend
from ilrs_planner.engine.schedule_check import check_schedule
from ilrs_planner.engine.shown_dates import finish_variance_text, plan_is_fuzzy
from ilrs_planner.engine.slippage import slip_report

D = date
APRIL_2026 = "2026-04-13 Chang'e 7 in the second half of 2026"


def _typed_start(project: Project, key: str, day: date) -> Task:
    """What typing a day into the task's Start cell does: a Start No Earlier Than that day, to the day."""
    task = project.task_by_key(key)
    task.constraint, task.constraint_date, task.precision = ConstraintType.SNET, day, Precision.DAY
    return task


def test_the_roadmaps_baselines_keep_the_year_announced_and_the_milestones_moment():
    project = build_reference_project()
    entry = project.baseline(APRIL_2026).entries[project.task_by_key("ilrs-basic").id]
    # "by 2035": the point at the end of 2035-12-31 (the day after), known to the year.
    assert tuple(entry) == (D(2036, 1, 1), D(2036, 1, 1))
    assert entry_reading(entry) == (Precision.YEAR, 1)


def test_the_basic_station_planned_for_march_2036_has_slipped_a_year_against_by_2035():
    project = build_reference_project()
    _typed_start(project, "ilrs-basic", D(2036, 3, 15))
    row = slip_report(project, schedule(project), APRIL_2026).row(project.task_by_key("ilrs-basic").id)
    # Baseline: "by 2035" -> 2035. Now: 2036-03-15, a day in 2036, a later year than 2035: +1 y, slipped.
    assert row.shown()[1] == "2035" and row.shown()[3] == "2036-03-15"
    assert row.variance_texts()[1] == "+1 y"
    assert row.slipped and row.baseline_precision == "year"


def test_the_crewed_landing_typed_for_30_december_2030_is_on_time_against_by_2030():
    project = build_reference_project()
    task = _typed_start(project, "crewed-landing", D(2030, 12, 30))
    sched = schedule(project)
    row = slip_report(project, sched, APRIL_2026).row(task.id)
    # Baseline "by 2030" -> 2030; now 2030-12-30, the same year: 0 y, not -1 y against a "2031".
    assert row.shown()[1] == "2030" and row.variance_texts()[1] == "0 y" and not row.slipped
    entry = project.baseline(APRIL_2026).entries[task.id]
    # The task table's Finish variance words likewise.
    assert finish_variance_text(WorkedDays(project), task, entry, sched.tasks[task.id], Precision.DAY,
                                plan_is_fuzzy(project)) == "0 y"


def test_a_quarter_typed_today_does_not_make_the_baseline_a_quarter():
    project = build_reference_project()
    task = project.task_by_key("crewed-landing")
    task.constraint, task.constraint_date, task.precision = ConstraintType.SNET, D(2030, 10, 1), Precision.QUARTER
    row = slip_report(project, schedule(project), APRIL_2026).row(task.id)
    assert row.shown()[1] == "2030" and row.baseline_precision == "year"  # as announced, not "Q4 2030"


def test_the_milestone_trend_reads_each_baseline_as_announced():
    project = build_reference_project()
    task = _typed_start(project, "ilrs-basic", D(2036, 3, 15))
    line = next(line for line in milestone_trend(project, schedule(project), ["ilrs-basic"]).lines
                if line.task_id == task.id)
    april = next(i for i, point in enumerate(line.points) if point[0] == D(2026, 4, 13))
    # The April 2026 report said "by 2035": read 2035, whatever the milestone's day is now.
    assert line.point_text(april) == "2035"


def test_a_captured_baseline_keeps_a_first_of_january_day_a_day():
    project = Project("Days", D(2030, 1, 1))
    project.add_task(Task("yearly", "Known to the year", 10, precision=Precision.YEAR, id="yearly", position=0))
    project.add_task(Task("daily", "Known to the day", 1, id="daily", position=1,
                          constraint=ConstraintType.SNET, constraint_date=D(2031, 1, 1)))
    CaptureBaseline("Then", D(2029, 6, 1)).apply(project)
    task = project.tasks["daily"]
    task.constraint_date = D(2031, 1, 2)
    row = slip_report(project, schedule(project), "Then").row("daily")
    # Captured on the day it was shown: 2031-01-01 a day, not the year 2031; moved a day: +1 d.
    assert row.shown()[1] == "2031-01-01" and row.variance_texts()[1] == "+1 d" and row.slipped


def test_the_schedule_check_counts_by_2035_due_by_the_end_of_2035():
    project = build_reference_project()
    project.status_date = D(2036, 6, 1)
    result = check_schedule(project, schedule(project), project.baseline(APRIL_2026))
    missed = result.result("missed_tasks")
    # "by 2035" (the point 2036-01-01 at the end of 2035-12-31, known to the year) is due by 2035-12-31,
    # before the status date 2036-06-01, and not finished: missed; not due by the end of 2036.
    assert ("ilrs-basic", "baseline finish 2035; not finished") in [(f.key, f.value) for f in missed.tasks]

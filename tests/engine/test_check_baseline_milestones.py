"""The schedule check reads a baseline's milestone on the day the baseline shows it.

A milestone that follows a task finishes on that task's last day (MS Project: 17:00 that day); the
plan stores it as the point at the start of the next day. Missed tasks, BEI and the CPLI note must
count it due on its own day, as the slip report reads it, whether the baseline kept that moment of
day (taken by this version) or holds the point alone (an older file: read as the milestone is now).
"""

from __future__ import annotations

from datetime import date

from ilrs_planner.commands.baselines import CaptureBaseline
from ilrs_planner.domain import Baseline, Link, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.schedule_check import check_schedule
from ilrs_planner.engine.slippage import slip_report

D = date


def _plan() -> Project:
    """a 10 d from Tuesday 2030-01-01 on the 7-day calendar: 01-01..01-10; m follows it (FS): its day is
    01-10, its point 01-11 00:00. Status date 01-11, the first day of work left: both were due."""
    project = Project("Milestone", D(2030, 1, 1))
    project.add_task(Task("a", "A", 10, id="a", position=0))
    project.add_task(Task("m", "M", 0, TaskKind.MILESTONE, id="m", position=1))
    project.add_link(Link("a", "m", id="a-m"))
    return project


def _checked(project: Project):
    project.status_date = D(2030, 1, 11)
    return check_schedule(project, schedule(project))


def test_a_captured_milestone_at_a_day_s_end_is_due_on_its_day():
    project = _plan()
    CaptureBaseline("Plan", D(2029, 12, 1)).apply(project)
    result = _checked(project)
    missed, bei, cpli = result.result("missed_tasks"), result.result("bei"), result.result("cpli")
    # Both due before 01-11, neither done: 2 of 2 missed (m was left out: 1 of 1).
    assert (missed.failing, missed.eligible) == (2, 2)
    assert [(f.key, f.value) for f in missed.tasks] == [
        ("a", "baseline finish 2030-01-10; not finished"), ("m", "baseline finish 2030-01-10; not finished")]
    assert (bei.eligible, bei.value) == (2, 0.0)
    # a runs again from the status date: 01-11..01-20, m at the end of 01-20. The baseline's finish is
    # m's day, 01-10 (it read 2030-01-11, the day after).
    assert cpli.note == "baseline finish 2030-01-10, forecast finish 2030-01-20, status date 2030-01-11"


def test_an_older_file_s_milestone_point_is_read_as_the_milestone_is_now_as_the_slip_report_reads_it():
    project = _plan()
    project.baselines.append(Baseline("Plan", D(2029, 12, 1), {"a": (D(2030, 1, 1), D(2030, 1, 11)),
                                                                "m": (D(2030, 1, 11), D(2030, 1, 11))}))
    result = _checked(project)
    assert result.result("missed_tasks").eligible == 2
    assert result.result("cpli").note.startswith("baseline finish 2030-01-10,")
    slip = slip_report(project, schedule(project), "Plan").row("m")
    assert slip.shown()[1] == "2030-01-10"  # the day the check counts it due by

"""A summary's Duration in the CSV export is what the task table shows for it, the working days its
sub-tasks span, as MS Project writes it; read back, it is not taken as an input."""

from __future__ import annotations

import csv
from datetime import date

from ilrs_planner.domain import Calendar, Link, Project, Task, TaskKind
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan, write_plan


def phase_plan() -> Project:
    """A (5 days, Monday 4 to Friday 8 January 2027) -> B (5 days, Monday 11 to Friday 15) under a
    phase that still holds a duration of 99 days from before it had sub-tasks."""
    project = Project("Phase", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    phase = project.add_task(Task("P", "Phase", 99, kind=TaskKind.PHASE, position=0))
    a, b = (project.add_task(Task(key, key, 5, parent_id=phase.id, position=position))
            for position, key in enumerate("AB"))
    project.add_link(Link(a.id, b.id))
    return project


def durations(path) -> dict[str, str]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {row["Name"]: row["Duration"] for row in csv.DictReader(handle)}


def test_a_phase_is_written_with_the_working_days_its_sub_tasks_span_not_its_stored_duration(tmp_path):
    path = tmp_path / "phase.csv"
    write_plan(phase_plan(), path)
    # 4 to 15 January 2027 is 12 calendar days, 10 of them Monday-to-Friday working days.
    assert (durations(path)["Phase"], durations(path)["A"], durations(path)["B"]) == ("10 days", "5 days", "5 days")


def test_a_phase_read_back_is_scheduled_from_its_sub_tasks_and_keeps_no_duration_of_its_own(tmp_path):
    path = tmp_path / "phase.csv"
    write_plan(phase_plan(), path)
    back = read_plan(path).project
    phase = back.task_by_key("P")
    assert phase.duration == 0 and not phase.elapsed
    dates = schedule(back).tasks[phase.id]
    assert (dates.early_start, dates.early_finish) == (date(2027, 1, 4), date(2027, 1, 16))
    assert (back.task_by_key("A").duration, back.task_by_key("B").duration) == (5, 5)


def test_a_summary_duration_ms_project_wrote_as_text_it_cannot_be_is_not_refused(tmp_path):
    path = tmp_path / "msp.csv"
    path.write_text("ID,Name,Outline Level,Duration\r\n1,Phase,1,\"1,461 days?\"\r\n2,Work,2,3d\r\n"
                    "3,Other phase,1,about a year\r\n4,More work,2,2d\r\n", encoding="utf-8")
    back = read_plan(path).project
    assert [(t.name, t.duration) for t in back.tasks.values()] == [
        ("Phase", 0), ("Work", 3), ("Other phase", 0), ("More work", 2)]

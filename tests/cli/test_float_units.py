"""Float in the task's own duration units, as MS Project shows it, everywhere it is written: an elapsed
task's float counts calendar days, written 'ed'; a task's counts working days of its calendar, 'd'.

Monday to Friday from Monday 2030-01-07: 'short' (50 ed) ends 02-25, 'end' (100 d, 20 weeks) finishes
the plan on Friday 05-24; short's late start is 04-05, 88 calendar days after 01-07 (64 working days).
"""

from __future__ import annotations

from datetime import date

from ilrs_planner.cli import main
from ilrs_planner.domain import Calendar, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.store import save_project


def _plan() -> Project:
    project = Project("Elapsed", date(2030, 1, 7))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="std")).id
    project.add_task(Task("short", "Short", 50, id="short", elapsed=True, position=0))
    project.add_task(Task("end", "End", 100, id="end", position=1))
    return project


def _line(text: str, key: str) -> str:
    return next(line for line in text.splitlines() if line.split() and line.split()[0] == key)


def test_the_schedule_writes_an_elapsed_tasks_float_in_elapsed_days(tmp_path, capsys):
    project = _plan()
    dates = schedule(project).tasks["short"]
    assert (dates.late_start, dates.total_float) == (date(2030, 4, 5), 88)
    path = tmp_path / "elapsed.db"
    save_project(project, path)
    assert main(["schedule", str(path)]) == 0
    text = capsys.readouterr().out
    assert _line(text, "short").split()[-4:] == ["88", "ed", "88", "ed"]  # total and free float
    assert _line(text, "end").split()[-5:] == ["0", "d", "0", "d", "*"]
    main(["check", str(path)])  # fails (High float, among others): its list is what is read here
    listed = capsys.readouterr().out.split("High float (FAIL)")[1].splitlines()[1]
    assert listed.split() == ["short", "Short", "88", "ed"]  # as the table shows it, not 64 working days

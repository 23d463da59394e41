"""What the commands show: the schedule as an aligned table or as JSON, warnings, and plan loading.

Finish dates are exclusive everywhere, as the scheduler computes them: a 10-day task starting
2030-01-01 finishes 2030-01-11, i.e. at the end of 2030-01-10; a milestone finishes on its start.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from ..domain import PlannerError, Project
from ..domain.terminal_text import one_line
from ..engine.schedule import Schedule

FINISH_NOTE = ("Finish dates are exclusive, as the scheduler computes them: a 10-day task starting\n"
               "2030-01-01 finishes 2030-01-11, i.e. at the end of 2030-01-10; a milestone finishes on its start.")
MAX_NAME = 48
HEADERS = ("Key", "Name", "Start", "Finish", "Late start", "Late finish", "Float", "Free", "Crit")


def load_plan(path: str) -> Project:
    """A `.db` plan file, or any file the exchange formats can read (warnings go to stderr)."""
    if Path(path).suffix.lower() == ".db":
        from ..store import open_project

        return open_project(path)
    from ..exchange.formats import read_plan

    result = read_plan(path)
    print_warnings(result.warnings)
    return result.project


def refuse_to_overwrite(path: str, force: bool) -> None:
    """A plan file is never replaced by accident: an existing file needs --force."""
    if Path(path).exists() and not force:
        raise PlannerError("store.io", f"{path} already exists; choose another name or add --force to replace it")


def print_warnings(warnings: list[str], file: TextIO | None = None) -> None:
    """Each warning on its own line of stderr, as `warning: ...`."""
    for warning in warnings:
        print(f"warning: {warning}", file=file or sys.stderr)


def schedule_json(project: Project, schedule: Schedule) -> dict:
    """The schedule as plain data: ISO dates, every task (summaries too) in WBS order."""
    tasks = []
    for task, _depth in project.walk():
        dates = schedule.tasks[task.id]
        tasks.append({
            "key": task.key, "name": task.name,
            "early_start": dates.early_start.isoformat(), "early_finish": dates.early_finish.isoformat(),
            "late_start": dates.late_start.isoformat(), "late_finish": dates.late_finish.isoformat(),
            "total_float_days": dates.total_float, "free_float_days": dates.free_float,
            "critical": dates.critical,
        })
    return {"project_start": schedule.project_start.isoformat(),
            "project_finish": schedule.project_finish.isoformat(), "tasks": tasks}


def schedule_table_rows(project: Project, schedule: Schedule) -> list[tuple[str, ...]]:
    """One row of cells per task, names indented by WBS depth and shortened to fit."""
    rows = []
    for task, depth in project.walk():
        dates = schedule.tasks[task.id]
        name = "  " * depth + one_line(task.name)
        if len(name) > MAX_NAME:
            name = name[:MAX_NAME - 3] + "..."
        rows.append((one_line(task.key), name, dates.early_start.isoformat(), dates.early_finish.isoformat(),
                     dates.late_start.isoformat(), dates.late_finish.isoformat(), f"{dates.total_float}d",
                     f"{dates.free_float}d", "*" if dates.critical else ""))
    return rows


def print_schedule_table(project: Project, schedule: Schedule, file: TextIO | None = None) -> None:
    """An aligned table of every task's dates and floats, critical tasks marked with `*`."""
    out = file or sys.stdout
    rows = schedule_table_rows(project, schedule)
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(HEADERS)]
    numeric = {6, 7}  # floats align right, so their signs and digits line up

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(f"{one_line(project.name)}: {schedule.project_start.isoformat()} to {schedule.project_finish.isoformat()}, "
          f"{len(rows)} tasks, {len(schedule.critical_ids() - project.summary_ids())} critical (not counting phases)",
          file=out)
    print(line(HEADERS).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in rows:
        print(line(row).rstrip(), file=out)
    print("* critical (total float <= 0).", file=out)
    print(FINISH_NOTE, file=out)

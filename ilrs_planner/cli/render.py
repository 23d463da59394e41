"""What the commands show: the schedule as an aligned table or as JSON, warnings, and plan loading.

A finish shown to a person is the last day of work, as in MS Project: a 10-day task starting
2030-01-01 finishes 2030-01-10; a milestone shows its day. Only the JSON keeps the scheduler's
exclusive finish (2030-01-11 for that task) and says so in its `finish_convention` field.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from ..domain import PlannerError, Project
from ..domain.terminal_text import one_line
from ..engine.file_columns import FileColumns
from ..engine.schedule import Schedule
from .schedule_columns import ScheduleColumns, schedule_columns
from .schedule_rows import line_format, schedule_data, table_cells, write_lines

FINISH_NOTE = ("Finish dates are the last day of work, as in MS Project: a 10-day task starting 2030-01-01\n"
               "finishes 2030-01-10; a milestone shows its day. --json gives exclusive finishes (the day after).")
MAX_NAME = 48
HEADERS = ("ID", "Name", "Start", "Finish", "Late start", "Late finish", "Float", "Free", "Crit", "Key")


def load_plan(path: str) -> Project:
    """A `.db` plan file, or any file the exchange formats can read (warnings go to stderr)."""
    return load_plan_columns(path)[0]


def load_plan_columns(path: str, objects: bool = True) -> tuple[Project, FileColumns | None]:
    """`load_plan`, with a plan file's columns as read for the scheduler (None for other formats):
    for a command that schedules the plan as it was read (see engine.file_columns). Without
    `objects`, a plan file's tasks and links are made only when asked for (domain.column_rows):
    for a command that only shows the plan."""
    if Path(path).suffix.lower() == ".db":
        from ..store import open_project_columns

        return open_project_columns(path, objects=objects)
    from ..exchange.formats import read_plan

    result = read_plan(path)
    print_warnings(result.warnings)
    return result.project, None


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
    return schedule_data(project, schedule)


def must_finish_text(project: Project) -> str:
    """', must finish by 2036-12-31' when the plan has a Must finish by (floats run to it), else ''."""
    return f", must finish by {project.must_finish_by.isoformat()}" if project.must_finish_by else ""


def print_schedule_table(project: Project, schedule: Schedule, file: TextIO | None = None) -> None:
    """An aligned table of every task's dates and floats, critical tasks marked with `*`."""
    out = file or sys.stdout
    columns = schedule_columns(project, schedule, last_days=True, sources=False)
    cells = table_cells(columns, MAX_NAME)
    right = {0, 6, 7}  # IDs and floats align right: signs and digits line up
    fmt, widths = line_format(HEADERS, cells, right)
    critical = int((columns.critical & ~columns.summary).sum())
    out.write(f"{one_line(project.name)}: {schedule.project_start.isoformat()} to {schedule.last_day().isoformat()}"
              f"{must_finish_text(project)}, {len(cells[0])} tasks, {critical} critical (not counting phases)\n")
    out.write(fmt.format(*HEADERS).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    write_lines(widths, right, cells, out)
    out.write(_critical_note(columns) + FINISH_NOTE + "\n")


def _critical_note(columns: ScheduleColumns) -> str:
    """The key to the `*`; where a manual task with no float is not marked, the reason beside it
    (MS Project's rule: a manual task no link ties to another is never critical)."""
    unmarked = columns.manual & ~columns.summary & ~columns.critical & (columns.total_float <= 0)
    if unmarked.any():
        return "* critical (total float <= 0; as in MS Project, never a manual task no link ties to another).\n"
    return "* critical (total float <= 0).\n"

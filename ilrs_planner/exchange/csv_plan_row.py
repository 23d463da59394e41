"""The plan's own facts on a CSV table's project summary row (ID 0): its status date, Must Finish By
and author, in the last columns our export writes (msp_csv_write.PLAN_COLUMNS).

The status date and Must Finish By move the plan's dates (remaining work starts no earlier than the
status date; late dates and float count back from Must Finish By), so a table read back without
them would be scheduled differently from the file's Start and Finish columns. A table from
elsewhere has no Status Date column: the import then says that unstarted work is scheduled from the
plan's start, when tasks are scheduled on other days than the file's Start column shows (the Start
of a row with a Constraint Type is derived, not read), rather than moving work without a word.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ..domain import PlannerError, Precision, Project, Task
from .msp_csv_write import PLAN_COLUMNS
from .msp_row import RowReader


def read_plan_facts(project: Project, summary: RowReader | None, rows: Sequence[RowReader],
                    tasks: Sequence[Task], warnings: list[str]) -> None:
    """Set the plan's status date, Must Finish By and author from the project summary row, and say
    what is left unread or assumed (call once the plan's start is known)."""
    if summary is not None:
        project.status_date = _status_date(summary)
        must = summary.date("Must Finish By", end=True)  # '2030' allows the whole of 2030, as a deadline
        project.must_finish_by = must[0] if must else None
        project.author = summary.text("Author")
    _warn_task_rows(rows, warnings)
    stated = summary is not None and summary.present("Status Date")  # blank there: the plan had none
    if not stated:
        _warn_moved_starts(project, [(row, task) for row, task in zip(rows, tasks) if _start_not_read(row)], warnings)

def _status_date(summary: RowReader) -> date | None:
    found = summary.date("Status Date")
    if found is not None and found[1] is not Precision.DAY:
        raise summary.error("Status Date", f"'{summary.text('Status Date')}' is not a day (YYYY-MM-DD)")
    return found[0] if found else None


def _start_not_read(row: RowReader) -> bool:
    """A Start the file shows that the import derives again instead (a manual task's Start is read)."""
    return row.has("Start") and row.has("Constraint Type") and "manual" not in row.text("Task Mode").lower()


def _warn_task_rows(rows: Sequence[RowReader], warnings: list[str]) -> None:
    """The plan's columns hold the plan's facts on its summary row alone: a task row's are not read."""
    filled = [row.line for row in rows if any(row.has(column) for column in PLAN_COLUMNS)]
    if filled:
        shown = ", ".join(map(str, filled[:5])) + (", ..." if len(filled) > 5 else "")
        rows_hold = "1 task row holds them" if len(filled) == 1 else f"{len(filled):,} task rows hold them"
        warnings.append(f"{', '.join(PLAN_COLUMNS)} are read on the project summary row (ID 0) only; "
                        f"{rows_hold}, not read (row {shown})")


def _warn_moved_starts(project: Project, shown: list[tuple[RowReader, Task]], warnings: list[str]) -> None:
    """Compare the Start the file shows with the day the plan schedules, and say how many differ."""
    if not shown:
        return
    from ..engine.cpm import schedule

    try:
        dates = schedule(project).tasks
    except PlannerError:
        return  # the plan's own error is shown when it is opened
    moved = [(row, task, start[0]) for row, task in shown
             if (start := row.date("Start")) and task.id in dates and dates[task.id].shown_start != start[0]]
    if moved:
        row, task, shown_day = moved[0]
        counted = "1 task starts" if len(moved) == 1 else f"{len(moved):,} tasks start"
        warnings.append(f"{counted} on another day than the file's Start column shows (first: row {row.line}, "
                        f"'{task.name}', {shown_day} in the file, {dates[task.id].shown_start} here); the file has no "
                        f"status date, so unstarted work is scheduled from the plan's start {project.start}")

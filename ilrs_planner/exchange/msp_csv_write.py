"""CSV export with the columns the CSV import reads, so export → import gives the same plan.

The first data row is MS Project's project summary (ID 0, Outline Level 0): the plan's name and
start, and in the last columns its status date, Must Finish By and author (which move its dates).
Start and Finish of each task are the computed early dates, for reading only (the import ignores
them because every row carries its Constraint Type). Finish dates are written as MS
Project writes them, as the last day of work: a 10-day task starting 2030-01-01 shows Finish
2030-01-10 (the plan's exclusive finish is 2030-01-11); likewise Actual Finish, Deadline and the
date of a finish constraint, so the import's one-day shift restores them. A summary's Duration is
the working days its sub-tasks span, as MS Project writes it (the import does not read it back). Text that a spreadsheet
would run as a formula is written with a leading apostrophe, in every column (a GUID or key from a
partner's plan included), and every field is quoted (see domain/spreadsheet_text). UTF-8 with a byte-order mark and
CRLF line ends, which Excel and MS Project read correctly.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from pathlib import Path

from ..domain import ConstraintType, PlannerError, Project, Task
from ..domain.durations import written_days
from ..domain.spreadsheet_text import formula_safe
from ..domain.task_mode import held_on_start, task_mode_text
from ..domain.working_count import WorkedDays
from ..engine.schedule import Schedule, TaskDates
from ..engine.shown_dates import duration_days
from ..engine.shown_precision import ShownPrecision
from ..engine.summary_progress import summary_percents
from ..files.atomic import atomic_output
from .csv_calendars import named_only
from .msp_values import CONSTRAINT_NAMES, FINISH_CONSTRAINTS, escape_text, finish_shift, format_date
from .predecessors import PredecessorRef, format_predecessors

# The plan's facts that move its dates (remaining work starts no earlier than the status date; late
# dates count back from Must Finish By) and its author: MS Project's project fields, which its task
# table has no column for, written on the project summary row (ID 0) so that a table read back is
# scheduled as it was written. Last, so MS Project's import maps the columns before them as ever.
PLAN_COLUMNS = ["Status Date", "Must Finish By", "Author"]
COLUMNS = [
    "ID", "Key", "Name", "Outline Level", "Duration", "Start", "Finish", "Predecessors", "Constraint Type",
    "Constraint Date", "Deadline", "Actual Start", "Actual Finish", "% Complete", "Owner", "Kind", "Precision",
    "Stated Precision",  # the task's own; Precision is as the table shows it (see _precisions)
    "Classification", "Optimistic Duration", "Most Likely Duration", "Pessimistic Duration", "Source", "Notes",
    "GUID", "Key Milestone", "Confidence", "Source Date",
    "Calendar",  # MS Project's task calendar, by name (see csv_calendars)
    "Task Mode",  # MS Project's words: Manually Scheduled, Auto Scheduled
    *PLAN_COLUMNS,  # filled on the project summary row only
]


def write(project: Project, path: str | Path) -> list[str]:
    """Export `project` as a CSV task table; returns what CSV cannot carry."""
    warnings = _left_out(project)
    schedule = _schedule_or_none(project, warnings)
    refs = {task.id: str(number) for number, (task, _) in enumerate(project.walk(), start=1)}
    predecessors = _predecessor_cells(project, refs, warnings)
    summaries, worked = project.summary_ids(), WorkedDays(project)
    # Each task's row is written as soon as it is made: all 100,000 rows held at once took as much
    # memory again as the plan itself.
    rows = _precisions(project, schedule, _task_rows(project, refs, predecessors, schedule, summaries, worked))
    head = _project_row(project, schedule, _last_finish(schedule, refs))
    _write_atomically(Path(path), itertools.chain([COLUMNS, head], rows))
    return warnings


def _left_out(project: Project) -> list[str]:
    warnings = []
    if project.baselines:
        warnings.append(f"{len(project.baselines)} baseline(s) are not in CSV; use .db or MS Project XML to keep them")
    if project.participants:
        warnings.append("participants are written only as the Owner key (no names, kinds or joining dates); "
                        "participants that own no task are left out")
    if project.signature:
        warnings.append("the plan's signature is not in CSV; the exported file is unsigned")
    return warnings + named_only(project, "a CSV file")


def _schedule_or_none(project: Project, warnings: list[str]) -> Schedule | None:
    from ..engine.cpm import schedule

    try:
        return schedule(project)
    except PlannerError as err:
        warnings.append(f"Start and Finish are left empty: the plan cannot be scheduled ({err.message})")
        return None


def _task_rows(project: Project, refs: dict[str, str], predecessors: dict[str, str], schedule: Schedule | None,
               summaries: set[str], worked: WorkedDays) -> Iterator[list[str]]:
    """Each task's row in WBS order, made when the file asks for it; a summary's % complete rolled up
    from its sub-tasks, as MS Project's."""
    percents = summary_percents(project, schedule)
    for task, depth in project.walk():
        summary = task.id in summaries
        yield _task_row(project, task, depth, refs[task.id], predecessors.get(task.id, ""), schedule, summary, worked,
                        percents.get(task.id, task.percent_complete))


_PRECISION, _GUID = COLUMNS.index("Precision"), COLUMNS.index("GUID")


def _precisions(project: Project, schedule: Schedule | None, rows: Iterator[list[str]]) -> Iterator[list[str]]:
    """Each row with Precision as the table, XLSX and `schedule --json` give it (the coarser of the
    task's own and that of the date driving it: a day-planned task after one known to the year reads
    'year'), beside Stated Precision, the task's own, which the import reads back."""
    shown = ShownPrecision(project, schedule).every() if schedule is not None else {}
    for row in rows:
        coarser = shown.get(row[_GUID])
        if coarser is not None:
            row[_PRECISION] = coarser.value
        yield row


def _last_finish(schedule: Schedule | None, task_ids: Iterable[str]) -> str:
    """The latest Finish cell of the tasks `task_ids` (ISO dates sort as text; a milestone on the
    last day keeps it), read from the schedule before any task's row is made."""
    if schedule is None:
        return ""
    dates = schedule.tasks
    return max((format_date(dates[tid].shown_finish) if tid in dates else "" for tid in task_ids), default="")


def _project_row(project: Project, schedule: Schedule | None, last_finish: str) -> list[str]:
    """MS Project's project summary row: the plan's name, start, and the last day of any task."""
    cells = dict.fromkeys(COLUMNS, "")
    cells.update({"ID": "0", "Outline Level": "0", "Name": escape_text(project.name),
                  "Start": format_date(project.start),
                  "Calendar": escape_text(project.calendar_name(project.default_calendar_id)),
                  "Status Date": format_date(project.status_date),
                  "Must Finish By": format_date(project.must_finish_by),  # the last day it allows, as stored
                  "Author": escape_text(project.author)})
    if schedule:
        cells["Finish"] = last_finish
        # As MS Project's project summary: working days of the plan's calendar from start to finish.
        worked = project.default_calendar().working_days(schedule.project_start, schedule.project_finish)
        cells["Duration"] = written_days(worked)
    return list(cells.values())


def _task_row(project: Project, task: Task, depth: int, ref: str, predecessors: str,
              schedule: Schedule | None, summary: bool, worked: WorkedDays, percent: int) -> list[str]:
    dates = schedule.tasks.get(task.id) if schedule else None
    shift = finish_shift(task.duration, summary)
    finish_constraint = task.constraint in FINISH_CONSTRAINTS
    owner = project.participants.get(task.owner_id) if task.owner_id else None
    cells = {
        "ID": ref, "Key": escape_text(task.key), "Name": escape_text(task.name),
        "Outline Level": str(depth + 1), "Duration": _duration(task, summary, dates, worked),
        "Start": format_date(dates.shown_start if dates else None),
        "Finish": format_date(dates.shown_finish if dates else None),
        "Predecessors": predecessors,
        "Constraint Type": CONSTRAINT_NAMES[task.constraint],
        "Constraint Date": _finish(task.constraint_date, shift if finish_constraint else 0),
        **_manual_start(task, dates.early_start if dates else None),
        "Deadline": format_date(task.deadline), "Calendar": escape_text(project.calendar_name(task.calendar_id)),
        "Actual Start": format_date(task.actual_start),
        "Actual Finish": _finish(task.actual_finish, shift), "% Complete": f"{percent}%",
        "Owner": escape_text(owner.key) if owner else "", "Kind": task.kind.value,
        "Precision": task.precision.value, "Stated Precision": task.precision.value,
        "Classification": task.classification.value,
        "Optimistic Duration": _optional_duration(task.optimistic),
        "Most Likely Duration": _optional_duration(task.most_likely),
        "Pessimistic Duration": _optional_duration(task.pessimistic),
        "Source": escape_text(task.source_url), "Notes": escape_text(task.notes), "GUID": task.id,
        "Key Milestone": "Yes" if task.key_milestone else "",
        "Task Mode": task_mode_text(task.manual),
        # As stated: blank when the task states none (read as sourced with a source, else unsourced).
        "Confidence": task.confidence.value if task.confidence else "", "Source Date": format_date(task.source_date),
    }
    return [cells.get(column, "") for column in COLUMNS]  # the plan's columns are blank on a task's row


def _manual_start(task: Task, start: date | None) -> dict[str, str]:
    """The pin holding a manual task on its Start written as MS Project keeps one, the Start beside As
    Soon As Possible (a table read back holds a manual task on its Start again). `start` is the
    scheduled start, as the MSPDI writer's: a milestone held on its own date is at the start of that
    day (engine._day_ends), so its Start cell is that very date."""
    if not held_on_start(task, start):
        return {}
    return {"Constraint Type": CONSTRAINT_NAMES[ConstraintType.ASAP], "Constraint Date": ""}


def _duration(task: Task, summary: bool, dates: TaskDates | None, worked: WorkedDays) -> str:
    """MS Project's Duration as the task table shows it (engine.shown_dates.duration_days); unscheduled,
    a task keeps its own and a summary, whose stored duration schedules nothing, is left empty."""
    if dates is None:
        return "" if summary else written_days(task.duration, task.elapsed)
    return written_days(duration_days(task, summary, dates.early_start, dates.early_finish, worked), task.elapsed)


def _predecessor_cells(project: Project, refs: dict[str, str], warnings: list[str]) -> dict[str, str]:
    """Task id -> its Predecessors cell, entries in row order."""
    incoming: dict[str, list[PredecessorRef]] = {}
    for link in project.links.values():
        if link.pred_id not in refs or link.succ_id not in refs:
            warnings.append(f"a dependency between unknown tasks ({link.pred_id} → {link.succ_id}) is left out")
            continue
        incoming.setdefault(link.succ_id, []).append(PredecessorRef(refs[link.pred_id], link.type, link.lag,
                                                                                  link.elapsed))
    by_row = lambda ref: int(ref.ref)  # noqa: E731
    return {tid: format_predecessors(sorted(entries, key=by_row)) for tid, entries in incoming.items()}


def _finish(day: date | None, shift: int) -> str:
    """A stored (exclusive) finish-type date as MS Project's last day of work."""
    return format_date(day - timedelta(days=shift) if day else None)


def _optional_duration(days: int | None) -> str:
    return "" if days is None else written_days(days)


def _write_atomically(path: Path, rows: Iterable[list[str]]) -> None:
    """Write a sibling temporary file, then rename it: a failed export never leaves half a file."""
    try:
        with atomic_output(path) as stream, io.TextIOWrapper(stream, encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
            writer.writerows([formula_safe(cell) for cell in row] for row in rows)
    except OSError as exc:
        raise PlannerError("export.failed", f"cannot write {path}: {exc.strerror or exc}") from None

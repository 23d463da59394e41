"""CSV task tables with MS Project's columns: import (`read`) and export (`write`).

Columns read (names are case-insensitive; only `Name` is required; a table with none of them is
refused with `import.no_columns`, naming what it reads and what the file has):
  ID, Name, Duration, Predecessors, Outline Level, Start, Constraint Type, Constraint Date,
  Deadline, Actual Start, Actual Finish, % Complete, Notes — as MS Project exports them — and
  our own Key, Owner (a participant key; participants are created as needed), Kind, Stated
  Precision (the task's own; without it, Precision, which our export writes as shown),
  Classification, Source, Optimistic/Most Likely/Pessimistic Duration, GUID (the stable id) and
  Key Milestone (Yes for the dates the programme is judged by), and MS Project's Calendar (the
  task's calendar by name; on the project summary row, the plan's: see `csv_calendars`) and Task
  Mode (Manually Scheduled or Auto Scheduled; a manual task keeps its Start, see `msp_csv_task`).
  Without an Owner column, the first of MS Project's Resource Names is the owner.
Rules:
  - `ID` is what Predecessors refer to; it becomes the task key unless a `Key` column gives one.
  - `Outline Level` builds the WBS: a level n+1 row goes under the last level-n row above it.
  - Outline Level 0 (or ID 0 when there is no Outline Level column, with a warning) is MS
    Project's project summary row: it names the plan, and its Start is the project start; our
    Status Date, Must Finish By and Author columns there are the plan's (see `csv_plan_row`).
    Otherwise the start is the earliest date in the file, or today.
  - A `Start` on a row with no Constraint Type becomes "Start No Earlier Than" that date, and a
    warning says on how many rows; with a constraint (MS Project writes one on every row) Start
    and Finish are derived and ignored. Without a Duration column, a task lasts from its Start
    through its Finish (as spreadsheet Gantt tables give them: Start Date, End Date).
  - Durations and lags take MS Project's units (`5d`, `2w`, `1 mon`, `3 emon`, `16h`, `4d?`): see
    `domain/durations`. A week and a month follow the plan's calendar: 7 and 30 days on a 7-day
    calendar, 5 and 20 working days (MS Project's 40 hours a week, 20 days a month) on any other.
    A summary's Duration is not read: MS Project (and our export) writes there the working days its
    sub-tasks span, which the plan derives again.
  - Finish dates (Finish, Actual Finish, Deadline, the date of a finish constraint) mean what they
    mean in MS Project: the last day of work. The plan stores finishes exclusive (a 10-day task
    from 2030-01-01 ends 2030-01-11), so a task's finish dates move one day on import and back on
    export; a milestone's do not (it finishes on its start).
  - Coarse dates keep their precision: `2029` starts a task on 2029-01-01, and as a deadline or
    finish constraint means the end of 2029. Date formats: see `msp_values`.
Every error names the file line and the column.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..domain import Link, Project, Task
from ..domain.durations import DurationUnits, units_for
from .csv_calendars import CalendarNames
from .csv_plan_row import read_plan_facts
from .csv_table import CsvTable, parse_table, read_text
from .formats import ImportResult
from .msp_csv_columns import CANONICAL, check_columns
from .msp_csv_task import task_of_row
from .msp_csv_write import COLUMNS, write  # noqa: F401  (write is this format's export)
from .msp_row import RowReader
from .predecessors import parse_predecessors, rounded_lags


@dataclass(slots=True)
class _Entry:
    """A data row on its way to becoming a task."""

    row: RowReader
    ref: str  # the ID that Predecessors use
    level: int
    task: Task | None = None


def _task_of(entry: _Entry) -> Task:
    """The task made from a row (rows become tasks before links and dates are read)."""
    assert entry.task is not None, "the row has not become a task yet"
    return entry.task


# As many tasks as the MS Project XML import takes, plus MS Project's project summary row.
MAX_TASKS = 200_000
MAX_TASK_ROWS = MAX_TASKS + 1
# Four dependencies a task, twice the benchmark plan's: 200,000 tasks with their 800,000 links stay
# within what a save writes. Thirty predecessors a row, a 40 MB file, took two minutes and 2.7 GB
# to build six million links that no save accepts.
MAX_LINKS = 4 * MAX_TASKS


def read(path: str | Path) -> ImportResult:
    """Import a CSV task table; see the module docstring for the columns and rules."""
    warnings: list[str] = []
    table = parse_table(read_text(path, warnings), CANONICAL, MAX_TASK_ROWS)
    return read_table(table, Path(path).stem, warnings)


def read_table(table: CsvTable, name: str, warnings: list[str],
               add_links: Callable[[Project], None] | None = None) -> ImportResult:
    """A plan from a table's rows (a CSV file's, or a workbook sheet's: xlsx_read); `name` names the
    plan when no project summary row does; `add_links` adds dependencies held elsewhere (a workbook's
    Links sheet) before the plan is scheduled to compare its starts with the table's."""
    check_columns(table, warnings)
    readers = [RowReader(row, warnings) for row in table.rows]
    summary, entries = _split_project_row(readers, "Outline Level" in table.columns)
    project = Project(name=_plan_name(summary, name), start=date.today())
    calendars = CalendarNames(project, warnings)
    calendars.plan_calendar(summary)
    units = units_for(project.default_calendar())  # "2w" is 10 working days on a 5-day calendar
    for reader in readers:
        reader.units = units
    _build_tasks(project, entries, calendars)
    _build_links(project, entries, units)
    if add_links is not None:
        add_links(project)
    calendars.report()
    project.start = _project_start(summary, entries)
    read_plan_facts(project, summary, [entry.row for entry in entries], [_task_of(e) for e in entries], warnings)
    _warn_start_constraints(entries, warnings)
    return ImportResult(project, warnings)


def _split_project_row(readers: list[RowReader], has_levels: bool) -> tuple[RowReader | None, list[_Entry]]:
    """The project summary row (if any) and the task rows, with IDs checked for duplicates."""
    summary: RowReader | None = None
    entries: list[_Entry] = []
    seen: dict[str, int] = {}
    for number, reader in enumerate(readers, start=1):
        ref = reader.text("ID") or str(number)
        level = reader.integer("Outline Level", minimum=0) if has_levels else None
        if level == 0 or (ref == "0" and not has_levels):
            if level is None:  # a file numbered from 0 would otherwise lose its first task unnoticed
                reader.warn("ID", "ID 0 was read as MS Project's project summary row (the plan's name and start)")
            if summary is not None:
                raise reader.error("ID", f"a second project summary row (the first is row {summary.line})")
            summary = reader
            continue
        if ref in seen:
            raise reader.error("ID", f"the ID '{ref}' is already used on row {seen[ref]}")
        seen[ref] = reader.line
        entries.append(_Entry(reader, ref, level or 1))
    return summary, entries


def _plan_name(summary: RowReader | None, name: str) -> str:
    return (summary.text("Name") if summary else "") or name


def _build_tasks(project: Project, entries: list[_Entry], calendars: CalendarNames) -> None:
    stack: list[_Entry] = []  # the open outline path: stack[i] is at level i + 1
    keys: dict[str, int] = {}
    positions: dict[str | None, int] = {}
    for index, entry in enumerate(entries):
        if entry.level > len(stack) + 1:
            raise entry.row.error("Outline Level", f"level {entry.level} follows level {len(stack)}; "
                                  f"a row can be at most one level deeper than the row above")
        del stack[entry.level - 1:]
        is_summary = index + 1 < len(entries) and entries[index + 1].level > entry.level
        entry.task = task = task_of_row(project, entry.row, entry.ref, is_summary)
        task.calendar_id = calendars.task_calendar(entry.row)
        task.parent_id = _task_of(stack[-1]).id if stack else None
        task.position = positions[task.parent_id] = positions.get(task.parent_id, -1) + 1
        if task.key in keys:
            raise entry.row.error("Key" if entry.row.has("Key") else "ID",
                                  f"the key '{entry.task.key}' is already used on row {keys[entry.task.key]}")
        keys[entry.task.key] = entry.row.line
        if entry.task.id in project.tasks:
            raise entry.row.error("GUID", f"the GUID {entry.task.id} is used twice")
        project.add_task(entry.task)
        stack.append(entry)


def _build_links(project: Project, entries: list[_Entry], units: DurationUnits) -> None:
    by_ref = {entry.ref: _task_of(entry) for entry in entries}
    known = set(by_ref)
    for entry in entries:
        text = entry.row.text("Predecessors")
        if not text:
            continue
        seen = set()
        refs = entry.row.parse("Predecessors", parse_predecessors, known, units) or []
        rounded = rounded_lags(refs)
        if rounded:  # a part-day lag rounds up, as a part-day duration does, with a warning
            entry.row.warn("Predecessors", rounded)
        for ref in refs:
            if ref.ref == entry.ref:
                raise entry.row.error("Predecessors", f"task {entry.ref} cannot depend on itself")
            if ref.ref in seen:
                raise entry.row.error("Predecessors", f"task {ref.ref} is listed twice")
            seen.add(ref.ref)
            project.add_link(Link(by_ref[ref.ref].id, _task_of(entry).id, ref.type, ref.lag, elapsed=ref.elapsed))
        if len(project.links) > MAX_LINKS:
            raise entry.row.error("Predecessors", f"the table's dependencies pass {MAX_LINKS:,} here; an import "
                                  f"takes at most {MAX_LINKS:,}, four a task")


def _warn_start_constraints(entries: list[_Entry], warnings: list[str]) -> None:
    """Say how many tasks are now held by a start-no-earlier-than that came from a bare Start."""
    held = [_task_of(e).key for e in entries
            if e.row.has("Start") and not e.row.has("Constraint Type") and not _task_of(e).manual]
    if held:
        warnings.append(f"{len(held)} Start date(s) became 'Start No Earlier Than' constraints, because those rows "
                        f"have no Constraint Type (tasks {', '.join(held[:5])}{', ...' if len(held) > 5 else ''}): "
                        "links cannot pull those tasks earlier; remove the constraint to let links drive them")


def _project_start(summary: RowReader | None, entries: list[_Entry]) -> date:
    if summary is not None and (start := summary.date("Start")):
        return start[0]
    # MS Project writes every task's computed Start, so the earliest one is its project start.
    starts = [start[0] for e in entries if (start := e.row.date("Start"))]
    tasks = [_task_of(e) for e in entries]
    found = starts + [d for t in tasks for d in (t.constraint_date, t.deadline, t.actual_start, t.actual_finish) if d]
    return min(found, default=date.today())

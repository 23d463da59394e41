"""One row of a CSV task table (MS Project's columns) made a task: its values, dates and owner.

The columns and rules are the format's (see `msp_csv`); here a row's cells become the task's inputs.
Finish dates are last days of work and move one day on import (the plan stores finishes exclusive);
a bare Start becomes a start-no-earlier-than; coarse dates keep their precision.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import reduce

from ..domain import (
    Classification,
    Confidence,
    ConstraintType,
    Participant,
    ParticipantKind,
    Precision,
    Project,
    Task,
    TaskKind,
)
from ..domain.dates import MAX_YEAR, MIN_YEAR
from ..domain.durations import is_elapsed
from ..domain.provenance import parse_confidence
from ..domain.task_mode import parse_task_mode
from ..engine.shown_precision import coarser
from .msp_row import RowReader
from .msp_values import FINISH_CONSTRAINTS, finish_shift

KEY_MILESTONE_YES = {"yes", "true", "1", "x"}  # what people type in a flag column


def task_of_row(project: Project, row: RowReader, ref: str, is_summary: bool) -> Task:
    """The task a data row gives (`ref`, its ID, is the key unless a Key column gives one)."""
    name = row.text("Name")
    if not name:
        raise row.error("Name", "the task has no name")
    # A summary's Duration is the span of its sub-tasks (MS Project writes it so), not an input: not read.
    typed = row.present("Duration") and not is_summary
    duration = (row.duration("Duration") if typed else None if is_summary else _start_to_finish(row)) or 0
    task = Task(key=row.text("Key") or ref, name=name, duration=duration)
    task.elapsed = typed and is_elapsed(row.text("Duration"))
    task.id = row.guid("GUID") or task.id
    default_kind = TaskKind.MILESTONE if duration == 0 and not is_summary else TaskKind.TASK
    task.kind = row.choice("Kind", TaskKind) or default_kind
    task.classification = row.choice("Classification", Classification) or Classification.PUBLIC
    task.owner_id = _owner_id(project, row)
    task.manual = _task_mode(row)
    _set_dates(task, row, is_summary)
    # A summary's % Complete is rolled up from its sub-tasks (engine/summary_progress), not an input.
    task.percent_complete = 0 if is_summary else row.percent("% Complete") or 0
    task.optimistic = row.duration("Optimistic Duration")
    task.most_likely = row.duration("Most Likely Duration")
    task.pessimistic = row.duration("Pessimistic Duration")
    task.source_url = row.text("Source")
    task.notes = row.raw_text("Notes")
    task.key_milestone = row.text("Key Milestone").strip().lower() in KEY_MILESTONE_YES
    task.confidence, task.source_date = _confidence(row), _source_date(row)
    return task


def _confidence(row: RowReader) -> Confidence | None:
    try:
        return parse_confidence(row.text("Confidence"))
    except ValueError as error:
        raise row.error("Confidence", f"{error} (or blank: not stated)") from None


def _source_date(row: RowReader) -> date | None:
    """The day the source was published; a month or a year alone is refused (it is not that day)."""
    found = row.date("Source Date")
    if found is None:
        return None
    if found[1] is not Precision.DAY:
        raise row.error("Source Date", f"'{row.text('Source Date')}' is not a day (YYYY-MM-DD)")
    return found[0]


def _start_to_finish(row: RowReader) -> int | None:
    """Days from Start through Finish (the last day of work), for a table without durations."""
    start, finish = row.date("Start"), row.date("Finish", end=True)
    if not (start and finish):
        return None
    if finish[0] < start[0]:
        raise row.error("Finish", f"{finish[0]} is before the Start {start[0]}")
    return (finish[0] - start[0]).days + 1


def _task_mode(row: RowReader) -> bool:
    """Manually scheduled (True) or auto scheduled, from MS Project's Task Mode words."""
    try:
        return parse_task_mode(row.text("Task Mode"))
    except ValueError as error:
        raise row.error("Task Mode", f"{error} (blank: auto scheduled)") from None


def _set_dates(task: Task, row: RowReader, is_summary: bool) -> None:
    """Constraint, deadline and actuals; a bare Start becomes SNET (see the module docstring), and the
    Start of a manually scheduled task is its manual start, beside its constraint, as MS Project keeps it."""
    constraint = row.constraint("Constraint Type")
    finish_like = constraint in FINISH_CONSTRAINTS
    constraint_date = row.date("Constraint Date", end=finish_like)
    manual_start = task.manual and not is_summary
    start = row.date("Start") if constraint is None or manual_start else None
    if constraint is None and constraint_date is not None:
        raise row.error("Constraint Type", "a Constraint Date needs a Constraint Type")
    if constraint is not None and constraint.dated and constraint_date is None:
        raise row.error("Constraint Date", f"the constraint {constraint} needs a date")
    if manual_start:
        task.manual_start = _day(start)
    elif constraint is None and start is not None:
        constraint, constraint_date = ConstraintType.SNET, start
    shift = finish_shift(task.duration, is_summary)
    task.constraint = constraint or ConstraintType.ASAP
    task.constraint_date = _stored_finish(row, "Constraint Date", constraint_date, shift if finish_like else 0)
    deadline = row.date("Deadline", end=True)
    task.deadline = _day(deadline)  # MS Project's deadline is a last day, as the plan stores it
    task.actual_start = _day(row.date("Actual Start"))
    task.actual_finish = _stored_finish(row, "Actual Finish", row.date("Actual Finish", end=True), shift)
    typed = [d[1] for d in (constraint_date, deadline) if d]
    # Stated Precision is the task's own; Precision, as our export writes it, is as shown (a task driven
    # by a date known to the year reads 'year'): read only from a file without the other (older, or
    # written by hand or another tool, where it is what the dates were given at).
    task.precision = row.choice("Stated Precision", Precision) or row.choice("Precision", Precision) \
        or reduce(coarser, typed, Precision.DAY)


def _day(parsed: tuple[date, Precision] | None, shift: int = 0) -> date | None:
    return parsed[0] + timedelta(days=shift) if parsed else None


def _stored_finish(row: RowReader, column: str, parsed: tuple[date, Precision] | None, shift: int) -> date | None:
    """A last day as the plan stores it, `shift` days after; refused naming the cell as written when
    that day is past what a plan file holds (taken, it made the import's save fail naming a day
    nobody typed)."""
    day = _day(parsed, shift)
    if day is not None and day.year > MAX_YEAR:
        last = date(MAX_YEAR, 12, 31) - timedelta(days=shift)
        raise row.error(column, f"'{row.raw_text(column).strip()}' is after {last}, the last finish a plan holds "
                        f"(its dates run from {MIN_YEAR} to {MAX_YEAR})")
    return day


def _owner_id(project: Project, row: RowReader) -> str | None:
    key = row.owner_key()
    if not key:
        return None
    for participant in project.participants.values():
        if participant.key == key:
            return participant.id
    return project.add_participant(Participant(key=key, name=key, kind=ParticipantKind.AGENCY)).id

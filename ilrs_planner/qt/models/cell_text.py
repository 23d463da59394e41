"""What each task-tree cell shows and how its column sorts; which cells take typing, and why not."""

from __future__ import annotations

import re
from datetime import date

from ...domain import Task, format_fuzzy_date
from ...domain.durations import format_days
from ...domain.task_mode import task_mode_text
from ...engine.schedule import TaskDates
from ...engine.shown_dates import baseline_days, duration_text, finish_variance_text
from ...engine.shown_dates import shown_duration as shown_task_duration
from ...engine.variance_periods import counted_days
from ...engine.working_variance import working_variance
from .constraint_column import constraint_date_text, constraint_text
from .predecessor_column import predecessors_text
from .row_context import RowContext
from .task_columns import BASELINE_COLUMNS, CONSTRAINT_COLUMNS, HEADERS, Column


def owner_label(name: str, key: str) -> str:
    """'China National Space Administration (CNSA)' -> 'CNSA', as the chart's legend names owners."""
    acronym = re.search(r"\(([A-Z][A-Za-z]{1,11})[,)]", name)
    if acronym:
        return acronym.group(1)
    return name if len(name) <= 12 else key.upper()


def last_day(dates: TaskDates) -> date:
    """The inclusive last day: finishes are exclusive; a milestone's day as MS Project shows it."""
    return dates.shown_finish


def _finishes(task: Task, ctx: RowContext) -> tuple[date, date] | None:
    """The task's baseline finish and its finish now (both exclusive); None unless it has both."""
    dates = ctx.dates(task)
    entry = ctx.baseline.get(task.id) if ctx.baseline else None
    return (entry[1], dates.early_finish) if dates and entry else None


def _variance(task: Task, ctx: RowContext) -> int | None:
    """Working days of the task's calendar the finish moved, as the slip report counts them."""
    finishes = _finishes(task, ctx)
    return working_variance(ctx.worked(), task, *finishes) if finishes else None


def finish_moved_days(task: Task, ctx: RowContext) -> int | None:
    """Calendar days the finish moved: what decides a variance's years and months."""
    finishes = _finishes(task, ctx)
    return (finishes[1] - finishes[0]).days if finishes else None


def finish_counted_days(task: Task, ctx: RowContext) -> float | None:
    """The days the slip colours' steps count for the finish's move (chart.variance.plan_steps): the
    calendar days, or the days of the periods the Finish variance counts ('0 y' is 0: on time)."""
    moved = finish_moved_days(task, ctx)
    if moved is None or ctx.baseline is None:
        return None
    dates, entry = ctx.dates(task), ctx.baseline[task.id]
    return counted_days(moved, _baseline_last_day(entry, dates), last_day(dates) if dates else None,
                        ctx.baseline_precision(task, entry), ctx.precision(task))


def shown_duration(task: Task, dates: TaskDates, ctx: RowContext) -> int:
    """The task's Duration as MS Project's (engine.shown_dates.duration_days): its own, a phase's span,
    a finished task's days of work."""
    return shown_task_duration(ctx.project, task, dates, task.id in ctx.summary_ids)


def sort_value(task: Task, column: Column, ctx: RowContext) -> object:
    """A value that sorts the column the way a planner expects (dates by day, numbers as numbers)."""
    dates = ctx.dates(task)
    if column in (Column.START, Column.FINISH):
        return (dates.early_start if column is Column.START else dates.early_finish).toordinal() if dates else 0
    if column is Column.DURATION:
        return shown_duration(task, dates, ctx) if dates else task.duration
    if column is Column.FLOAT:
        return dates.total_float if dates else 0
    if column is Column.FREE_FLOAT:
        return dates.free_float if dates else 0
    if column is Column.PERCENT:
        return ctx.percent(task)
    if column is Column.DEADLINE:
        return task.deadline.toordinal() if task.deadline else 0
    if column is Column.CONSTRAINT_DATE:
        return task.constraint_date.toordinal() if task.constraint_date else 0
    if column is Column.VARIANCE:
        return _variance(task, ctx) or 0
    if column is Column.BASELINE_FINISH:
        entry = ctx.baseline.get(task.id) if ctx.baseline else None
        return entry[1].toordinal() if entry else 0
    if column is Column.ID:
        return ctx.row_number(task)
    return display_text(task, column, ctx).casefold()


def display_text(task: Task, column: Column, ctx: RowContext) -> str:
    """The cell's text: dates at the precision they were announced, days with a unit."""
    dates = ctx.dates(task)
    if column is Column.NAME:
        return task.name
    if column is Column.KEY:
        return task.key
    if column is Column.OWNER:
        owner = ctx.project.participants.get(task.owner_id) if task.owner_id else None
        return owner_label(owner.name, owner.key) if owner else ""
    if column is Column.START:
        return format_fuzzy_date(dates.shown_start, ctx.start_precision(task)) if dates else ""
    if column is Column.FINISH:
        return format_fuzzy_date(last_day(dates), ctx.precision(task)) if dates else ""
    if column is Column.DURATION:
        days = shown_duration(task, dates, ctx) if dates else task.duration
        return duration_text(days, task.elapsed)
    if column is Column.FLOAT:
        return format_days(dates.total_float, _float_elapsed(task, ctx)) if dates else ""
    if column is Column.FREE_FLOAT:
        return format_days(dates.free_float, _float_elapsed(task, ctx)) if dates else ""
    if column is Column.PERCENT:
        return f"{ctx.percent(task)}%"
    if column is Column.DEADLINE:
        return task.deadline.isoformat() if task.deadline else ""
    if column is Column.BASELINE_FINISH:
        entry = ctx.baseline.get(task.id) if ctx.baseline else None
        # A baseline's last day as it was read when taken (an older file's: at the task's moments now).
        return format_fuzzy_date(_baseline_last_day(entry, dates), ctx.baseline_precision(task, entry)) \
            if entry else ""
    if column is Column.CONFIDENCE:
        return ctx.confidence(task)
    if column is Column.PREDECESSORS:
        return predecessors_text(ctx.project, ctx.incoming(task), ctx.numbers_of, ctx.spelled_keys())
    if column is Column.ID:
        return str(ctx.row_number(task))
    if column is Column.TASK_MODE:
        return "" if task.id in ctx.summary_ids else task_mode_text(task.manual)
    if column is Column.CONSTRAINT_TYPE:
        return constraint_text(task)
    if column is Column.CONSTRAINT_DATE:
        return constraint_date_text(task, task.id in ctx.summary_ids)
    return _variance_text(task, ctx)


def _float_elapsed(task: Task, ctx: RowContext) -> bool:
    """Float is in the task's duration units, as MS Project shows it: an elapsed task's calendar days
    ('107 ed'); a summary's is its sub-tasks' least, in working days."""
    return task.elapsed and task.id not in ctx.summary_ids


def _variance_text(task: Task, ctx: RowContext) -> str:
    """'+7 y' between the baseline's '2028' and the plan's '2035', days between days (shown_dates)."""
    dates = ctx.dates(task)
    entry = ctx.baseline.get(task.id) if ctx.baseline else None
    if dates is None or entry is None or ctx.schedule is None:
        return ""
    return finish_variance_text(ctx.worked(), task, entry, dates, ctx.precision(task), ctx.fuzzy)


def _baseline_last_day(entry: tuple[date, date], dates: TaskDates | None) -> date:
    return baseline_days(entry, bool(dates and dates.early_at_day_end), dates.summary_moments if dates else 0)[1]


def is_editable(task: Task, column: Column, ctx: RowContext) -> bool:
    """Summaries take their dates from their children; derived columns are never typed into."""
    if column in (Column.NAME, Column.KEY, Column.OWNER, Column.DEADLINE, Column.CONFIDENCE, Column.PREDECESSORS):
        return True
    if column is Column.PERCENT:
        return task.id not in ctx.summary_ids
    if column in (Column.START, Column.FINISH, Column.DURATION, Column.TASK_MODE, *CONSTRAINT_COLUMNS):
        return task.id not in ctx.summary_ids
    return False


def why_not_editable(task: Task, column: Column, ctx: RowContext) -> str:
    """Why typing into this cell changes nothing, and what to change instead."""
    header = HEADERS[column]
    if column in (Column.FLOAT, Column.FREE_FLOAT):
        return f"{header} is worked out by the schedule: change durations, links or dates instead"
    if column in BASELINE_COLUMNS:
        return f"{header} comes from the baseline compared with; it is not typed"
    if column is Column.ID:
        return "ID is the task's row number in outline order (what the Predecessors column takes); it is not typed"
    if column in CONSTRAINT_COLUMNS:
        return f"'{task.name}' is a summary: its dates come from its sub-tasks; constrain those"
    return f"'{task.name}' is a summary: its {header.lower()} comes from its sub-tasks; type it there"


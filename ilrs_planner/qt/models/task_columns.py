"""What each task-tree column shows, and what typing into it means (as commands)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from datetime import date
from enum import IntEnum

from ...commands.base import Command
from ...commands.task_mode import set_task_mode
from ...commands.task_values import coerce_value
from ...commands.tasks import SetDuration, SetPlannedFinish, SetPlannedStart, SetTaskFields
from ...domain import (
    Link,
    PlannerError,
    Precision,
    Project,
    Task,
    format_fuzzy_date,
    parse_duration,
    parse_fuzzy_date,
)
from ...domain.durations import exact_days, format_days, is_elapsed, units_for
from ...domain.errors import quoted
from ...domain.provenance import parse_confidence, shown_confidence
from ...domain.task_mode import parse_task_mode, task_mode_text
from ...domain.working_count import WorkedDays
from ...engine.schedule import Schedule, TaskDates
from ...engine.shown_confidence import ShownConfidence, refused_confidence
from ...engine.shown_dates import baseline_days, baseline_precision, duration_text, finish_variance_text, plan_is_fuzzy
from ...engine.shown_dates import shown_duration as shown_task_duration
from ...engine.shown_precision import ShownPrecision
from ...engine.summary_progress import summary_percents
from ...engine.variance_periods import counted_days
from ...engine.whatif import duration_finishing_on
from ...engine.working_variance import working_variance
from .constraint_column import constraint_date_command, constraint_date_text, constraint_text, constraint_type_command
from .predecessor_column import lag_rounding_note, links_into, predecessors_command, predecessors_text, spelled_keys
from .schedule_rows import ScheduleRows


class Column(IntEnum):
    NAME, KEY, OWNER, START, FINISH, DURATION, FLOAT, BASELINE_FINISH, VARIANCE = range(9)
    PERCENT, FREE_FLOAT, DEADLINE = range(9, 12)  # optional: shown from the header's right-click menu
    CONFIDENCE = 12  # optional too
    PREDECESSORS = 13  # shown from the start, as in MS Project's task table
    ID = 14  # the row number the Predecessors column takes; shown first, as MS Project's ID column
    TASK_MODE = 15  # optional: MS Project's Task Mode, Manually Scheduled or Auto Scheduled
    CONSTRAINT_TYPE, CONSTRAINT_DATE = 16, 17  # optional: MS Project's, to list the tasks pinned


HEADERS = {
    Column.NAME: "Name", Column.KEY: "Key", Column.OWNER: "Owner", Column.START: "Start",
    Column.FINISH: "Finish", Column.DURATION: "Duration", Column.FLOAT: "Total float",
    Column.BASELINE_FINISH: "Baseline finish", Column.VARIANCE: "Finish variance",
    Column.PERCENT: "% complete", Column.FREE_FLOAT: "Free float", Column.DEADLINE: "Deadline",
    Column.CONFIDENCE: "Confidence", Column.PREDECESSORS: "Predecessors", Column.ID: "ID",
    Column.TASK_MODE: "Task mode", Column.CONSTRAINT_TYPE: "Constraint type", Column.CONSTRAINT_DATE: "Constraint date",
}
OPTIONAL_COLUMNS = (Column.PERCENT, Column.FREE_FLOAT, Column.DEADLINE, Column.CONFIDENCE, Column.TASK_MODE,
                    Column.CONSTRAINT_TYPE, Column.CONSTRAINT_DATE)
# Headers the table writes on two lines (its header is tall enough), so the column can be as narrow
# as its values: "Baseline finish" over a date, "Finish variance" over "+2,556 d".
HEADER_LINES = {Column.BASELINE_FINISH: "Baseline\nfinish", Column.VARIANCE: "Finish\nvariance",
                Column.CONSTRAINT_TYPE: "Constraint\ntype", Column.CONSTRAINT_DATE: "Constraint\ndate"}
BASELINE_COLUMNS = (Column.BASELINE_FINISH, Column.VARIANCE)
CONSTRAINT_COLUMNS = (Column.CONSTRAINT_TYPE, Column.CONSTRAINT_DATE)
NUMERIC_COLUMNS = (Column.DURATION, Column.FLOAT, Column.VARIANCE, Column.PERCENT, Column.FREE_FLOAT, Column.ID)


class RowNumbers:
    """Each task's ID: its number in outline order counted from 1, as the Predecessors column reads
    it (see predecessor_column). Worked out at the first ID cell shown, and kept by the table until
    the outline changes: a walk of 100,000 tasks per edit of a name or a date would be waste."""

    def __init__(self, project: Project):
        self.project = project
        self._numbers: dict[str, int] | None = None

    def of(self, task_id: str) -> int:
        """The ID of `task_id` (0 for a task not in the plan)."""
        if self._numbers is None:
            self._numbers = {task.id: row for row, (task, _depth) in enumerate(self.project.walk(), start=1)}
        return self._numbers.get(task_id, 0)


@dataclass(frozen=True)
class RowContext:
    """Everything a cell needs besides its task."""

    project: Project
    schedule: Schedule | None
    baseline: dict[str, tuple[date, date]] | None
    summary_ids: set[str]
    kept: InitVar[ShownPrecision | None] = None  # the shown precisions, when they still hold
    numbers: RowNumbers | None = None  # the IDs, kept while the outline holds; made when missing
    rows: ScheduleRows = field(default_factory=ScheduleRows)  # the schedule's rows, kept from change to change
    shown: ShownPrecision = field(init=False)  # the precision each task's computed dates are shown at
    fuzzy: bool = field(init=False)  # some task is dated coarser than the day (baselines may be too)
    _incoming: dict[str, list[Link]] | None = field(init=False, default=None)  # made for the first cell
    _confidence: ShownConfidence | None = field(init=False, default=None)  # made for the first cell or tooltip
    _worked: WorkedDays | None = field(init=False, default=None)  # made for the first variance shown
    _percents: dict[str, int] | None = field(init=False, default=None)  # made for the first summary's % shown
    _spelled: Callable[[str], bool] | None = field(init=False, default=None)  # made for the first Predecessors cell

    def __post_init__(self, kept: ShownPrecision | None) -> None:
        object.__setattr__(self, "shown", kept if kept is not None else ShownPrecision(self.project, self.schedule))
        object.__setattr__(self, "fuzzy", self.baseline is not None and plan_is_fuzzy(self.project))
        if self.numbers is None or self.numbers.project is not self.project:
            object.__setattr__(self, "numbers", RowNumbers(self.project))

    def precision(self, task: Task) -> Precision:
        return self.shown.of(task.id)

    def start_precision(self, task: Task) -> Precision:
        """A summary's start at the precision of the sub-task starting it; a task's as its dates'."""
        return self.shown.start_of(task.id)

    def confidence(self, task: Task) -> str:
        """The confidence the task's dates are shown with: 'inferred' when a link pushed it past its
        source's date (engine/shown_confidence.py), as the tooltip, schedule --json and XLSX say."""
        return self.confidences().of(task.id)

    def spelled_keys(self) -> Callable[[str], bool]:
        """Whether some task's key is this text, asked by every Predecessors cell: a plan another
        window shows has no index of its keys, and its keys read for each cell made a copy of
        10,000 rows from it take most of a minute."""
        if self._spelled is None:
            object.__setattr__(self, "_spelled", spelled_keys(self.project))
        assert self._spelled is not None
        return self._spelled

    def confidences(self) -> ShownConfidence:
        """Every task's shown confidence, made for the first cell, tooltip or typed word that asks."""
        if self._confidence is None:
            object.__setattr__(self, "_confidence", ShownConfidence(self.project, self.schedule))
        assert self._confidence is not None
        return self._confidence

    def worked(self) -> WorkedDays:
        """The days of work each calendar counts, made once for this state of the plan."""
        if self._worked is None:
            object.__setattr__(self, "_worked", WorkedDays(self.project))
        assert self._worked is not None
        return self._worked

    def percent(self, task: Task) -> int:
        """The task's % complete: a summary's rolled up from its sub-tasks (engine/summary_progress)."""
        if task.id not in self.summary_ids:
            return task.percent_complete
        if self._percents is None:
            object.__setattr__(self, "_percents", summary_percents(self.project, self.schedule))
        return self._percents.get(task.id, 0) if self._percents is not None else 0

    def dates(self, task: Task) -> TaskDates | None:
        """The task's scheduled dates (None while the plan cannot be scheduled)."""
        return self.rows.dates(self.schedule, task.id)

    def incoming(self, task: Task) -> list[Link]:
        """The links into `task`, in the order they were made."""
        if self._incoming is None:
            object.__setattr__(self, "_incoming", links_into(self.project))
        return self._incoming.get(task.id, []) if self._incoming is not None else []

    def row_number(self, task: Task) -> int:
        """The task's ID (see RowNumbers)."""
        return self.numbers_of(task.id)

    def numbers_of(self, task_id: str) -> int:
        """The ID of the task `task_id` (see RowNumbers)."""
        return self.numbers.of(task_id) if self.numbers is not None else 0

    def baseline_precision(self, task: Task, entry: tuple[date, date]) -> Precision:
        """How precisely the compared baseline knew the task's dates ('2021' for Luna-25 in 2019)."""
        return baseline_precision(task, entry, self.fuzzy)


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


def typed_unchanged(task: Task, column: Column, text: str, ctx: RowContext) -> bool:
    """Typing `text` changes nothing: it is what the cell shows. Not so in Confidence for a task a link
    pushed past its source's date: the cell shows 'inferred' (or the pusher's 'assumption') while the
    task states another, and typing the word shown states it."""
    if text.strip() != display_text(task, column, ctx):
        return False
    return column is not Column.CONFIDENCE or ctx.confidence(task) == shown_confidence(task)


def changes_nothing(task: Task, command: Command) -> bool:
    """The typed value is what the task holds already ('41' typed over '41 d', a start typed on the day
    its constraint gives): no undo step. A value the task cannot take is left to the command to refuse."""
    if not isinstance(command, SetTaskFields) or command.task_id != task.id:
        return False
    if isinstance(command, SetPlannedStart) and task.manual:
        return False  # a manual task takes the start as its manual start, not the constraint the command holds
    try:
        return all(coerce_value(task, name, value) == getattr(task, name) for name, value in command.fields.items())
    except (PlannerError, ValueError, TypeError):
        return False


def command_for(task: Task, column: Column, text: str, ctx: RowContext) -> Command | None:
    """The command typing `text` into the cell means; PlannerError when the text makes no sense."""
    text = text.strip()
    if column is Column.NAME:
        return SetTaskFields(task.id, text=f"Rename '{task.name}' to '{text}'", name=text)
    if column is Column.KEY:
        return SetTaskFields(task.id, text=f"Change key of '{task.name}' to {text}", key=text)
    if column is Column.OWNER:
        return SetTaskFields(task.id, text=f"Set owner of '{task.name}'", owner_id=_owner_id(text, ctx.project))
    if column is Column.DURATION:
        # "2w" is 10 working days on a 5-day plan, 14 on a 7-day one (see domain/durations); "7ed"
        # is seven calendar days whatever the calendar, and "7d" typed over it working days again; a part
        # day rounds up to the day it touches.
        days, elapsed = typed_duration(ctx.project, text)
        if elapsed == task.elapsed:
            return SetDuration(task.id, days)
        return SetTaskFields(task.id, text=f"Set duration of '{task.name}' to {text}", duration=days, elapsed=elapsed)
    if column is Column.START:
        day, precision = parse_fuzzy_date(text)
        return SetPlannedStart(task.id, day, precision, f"Set start of '{task.name}' to {text}")
    if column is Column.FINISH:
        return _finish_command(task, text, ctx)
    if column is Column.PERCENT:
        return SetTaskFields(task.id, text=f"Set % complete of '{task.name}' to {text}",
                             percent_complete=_percent(text))
    if column is Column.DEADLINE:
        day = parse_fuzzy_date(text, end=True)[0] if text else None  # a deadline is the end of its period
        return SetTaskFields(task.id, text=f"Set deadline of '{task.name}' to {text or 'none'}", deadline=day)
    if column is Column.CONFIDENCE:
        return _confidence_command(task, text, ctx)
    if column is Column.PREDECESSORS:
        return predecessors_command(ctx.project, task, text)
    if column is Column.TASK_MODE:
        return _task_mode_command(task, text, ctx)
    if column is Column.CONSTRAINT_TYPE:
        return constraint_type_command(task, text, ctx.dates(task), task.id in ctx.summary_ids)
    if column is Column.CONSTRAINT_DATE:
        return constraint_date_command(task, text, task.id in ctx.summary_ids)
    return None


def typed_duration(project: Project, text: str) -> tuple[int, bool]:
    """Whole days and whether elapsed, from a duration as typed into the Duration cell or the task
    dialog ('2w', '3mo', '7ed', '16h'), in the plan's units; a part day rounds up to the day it
    touches. PlannerError (duration.invalid, task.negative_duration...) for anything else."""
    units = units_for(project.default_calendar())
    return parse_duration(text.strip(), units, rounded=True), is_elapsed(text.strip())


def rounding_note(column: Column, text: str, ctx: RowContext) -> str | None:
    """What to tell the planner when a typed duration or lag was a part day, rounded up to whole days."""
    if column is Column.PREDECESSORS:
        return lag_rounding_note(ctx.project, text)
    if column is not Column.DURATION:
        return None
    units = units_for(ctx.project.default_calendar())
    exact, _ = exact_days(text.strip(), units)
    days = parse_duration(text.strip(), units, rounded=True)
    if exact == days:
        return None
    return f"'{text.strip()}' was rounded up to {format_days(days)}: a plan counts whole working days"


def _confidence_command(task: Task, text: str, ctx: RowContext) -> Command | None:
    try:
        confidence = parse_confidence(text)
    except ValueError as error:
        raise PlannerError("task.bad_value", f"{task.key}: {error}", [task.id]) from None
    refusal = refused_confidence(ctx.confidences(), task.id, confidence)
    if refusal is not None:  # stored, it would never be seen: said instead
        raise refusal
    if confidence == task.confidence:
        return None  # the confidence it states already (a pushed task shows another): no undo step
    shown = confidence.value if confidence else "not stated"
    return SetTaskFields(task.id, text=f"Set confidence of '{task.name}' to {shown}", confidence=confidence)


def _task_mode_command(task: Task, text: str, ctx: RowContext) -> Command | None:
    try:
        manual = parse_task_mode(text)
    except ValueError as error:
        raise PlannerError("task.bad_value", f"{task.key}: {error}", [task.id]) from None
    return set_task_mode(ctx.project, task.id, manual, ctx.dates(task))


def _percent(text: str) -> int:
    try:
        value = int(round(float(text.rstrip("% "))))
    except ValueError:
        raise PlannerError("task.bad_value", f"{quoted(text)} is not a percentage (0 to 100)") from None
    if not 0 <= value <= 100:
        raise PlannerError("task.bad_value", f"{value}% is outside 0 to 100")
    return value


def _owner_id(text: str, project: Project) -> str | None:
    if not text:
        return None
    for part in project.participants.values():
        if text.casefold() in (part.key.casefold(), part.name.casefold(), owner_label(part.name, part.key).casefold()):
            return part.id
    known = ", ".join(sorted(p.key for p in project.participants.values())) or "none"
    raise PlannerError("task.bad_value", f"{quoted(text)} is not a participant of the plan (known: {known})")


def _finish_command(task: Task, text: str, ctx: RowContext) -> Command:
    day, precision = parse_fuzzy_date(text, end=True)  # 'by 2035' means the end of 2035
    dates = ctx.dates(task)
    if dates is None:
        raise PlannerError("task.unscheduled", "the plan has no schedule to measure the finish from; "
                           "type the duration instead, or mend what stops the schedule (see the status bar)")
    if task.duration == 0:
        start, _ = parse_fuzzy_date(text)
        return SetPlannedStart(task.id, start, precision, f"Set date of '{task.name}' to {text}")
    if day < dates.early_start:
        raise PlannerError("task.finish_before_start", f"{quoted(text)} is before '{task.name}' starts "
                           f"({dates.early_start}); type a last day on or after {dates.early_start}, or move "
                           "the task's start first (Start column)", [task.id])
    # The duration whose last day of work is `day`, as the chart's drag of the bar's end makes it.
    days = duration_finishing_on(ctx.project, task, dates.early_start, day, ctx.worked())
    return SetPlannedFinish(task.id, text=f"Set finish of '{task.name}' to {text}", duration=days,
                           precision=precision)

"""What typing into a task-tree cell means, as a command; a typed value the task already holds."""

from __future__ import annotations

import re

from ...commands.base import Command
from ...commands.task_mode import set_task_mode
from ...commands.task_values import coerce_value
from ...commands.tasks import SetDuration, SetPlannedFinish, SetPlannedStart, SetTaskFields
from ...domain import PlannerError, Project, Task, parse_duration, parse_fuzzy_date
from ...domain.durations import exact_days, format_days, is_elapsed, units_for
from ...domain.errors import quoted
from ...domain.provenance import parse_confidence, shown_confidence
from ...domain.task_mode import parse_task_mode
from ...engine.shown_confidence import refused_confidence
from ...engine.whatif import duration_finishing_on
from .cell_text import display_text, owner_label
from .constraint_column import constraint_date_command, constraint_type_command
from .predecessor_column import lag_rounding_note, predecessors_command
from .row_context import RowContext
from .task_columns import Column

# A duration typed in minutes, elapsed or not ('6m', '30 min', '1em'): as in MS Project, not months.
_MINUTES = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*e?(?:m|min|mins|minute|minutes)\s*$", re.IGNORECASE)


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
    if minutes := _MINUTES.match(text):  # MS Project's 'm': a planner who meant months reads why
        count = minutes.group(1)
        said = f"is {count} minute{'' if count == '1' else 's'} (a month is 'mo'), rounded up to"
    else:
        said = "was rounded up to"
    return f"'{text.strip()}' {said} {format_days(days)}: a plan counts whole working days"


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

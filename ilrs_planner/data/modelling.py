"""How one announcement becomes a task of the current plan (the rules are listed in reference.py)."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain import (
    Classification,
    Confidence,
    ConstraintType,
    PlannerError,
    Precision,
    Task,
    TaskKind,
    parse_fuzzy_date,
    period_end,
)
from ..domain.alternatives import alternative_line
from .facts import Fact, Window
from .roadmap import TaskSpec, stable_id

# Kinds that are points in time unless roadmap.toml gives them a duration.
_POINT_KINDS = {TaskKind.MILESTONE, TaskKind.AGREEMENT, TaskKind.PHASE}


def current_window(spec: TaskSpec) -> Window | None:
    """The dates the current plan follows: its own window, else the latest statement's."""
    if spec.window is not None:
        return spec.window
    return spec.dates_of(spec.current) if spec.current else None


def _notes(spec: TaskSpec) -> str:
    parts = [spec.notes] if spec.notes else []
    row = spec.current
    if row is not None and (row.notes or row.announced_by):
        said = ", ".join(p for p in (row.announced_by, row.announced_on) if p)
        parts.append(f"{said}: {row.notes}" if said and row.notes else said or row.notes)
    parts.extend(alternative_line(_alternative_text(row)) for row in spec.alternatives)
    return "\n".join(parts)


def _alternative_text(row: Fact) -> str:
    """'by 2050 - Wu Yanhua (...), 2024-09-05 (URL)': what was said, by whom, when, where."""
    said = " to ".join(t for t in (row.planned_start, row.planned_finish) if t)
    when = f"by {row.planned_finish}" if row.planned_finish and not row.planned_start else said or "no date"
    return f"{when} - {row.announced_by}, {row.announced_on} ({row.source_url})"


def _duration(spec: TaskSpec, kind: TaskKind, window: Window | None) -> int:
    if spec.duration is not None:
        return spec.duration
    if kind in _POINT_KINDS:
        return 0
    if spec.actual_finish is not None:
        return 0  # set from the actual dates
    if window is not None and window.start is not None:
        # A bar over the announced period: '2029' runs 2029-01-01 through 2029-12-31 (its last day).
        last = window.finish or period_end(window.start, window.precision)
        return (last - window.start).days + 1
    raise PlannerError("task.bad_value", f"roadmap task '{spec.key}' needs a duration: its dates give none",
                       [spec.key])


def _duration_from_start(spec: TaskSpec, task: Task, window: Window | None) -> int:
    """A bar over its announced period that started inside it runs from its start to the period's end:
    work begun in December 2025 on a '2025 to 2036' contract is not eleven months under way."""
    if spec.duration is not None or window is None or window.start is None:
        return task.duration
    last = window.finish or period_end(window.start, window.precision)
    return (last - task.actual_start).days + 1 if task.actual_start else task.duration


def _set_actuals(task: Task, spec: TaskSpec, row: Fact) -> None:
    """A flown mission or a signed agreement: the dates are history, fixed whatever the links say."""
    start, precision = parse_fuzzy_date(row.actual)
    # roadmap.toml names the day an event happened (its last day); the plan's finish is the day after.
    finish = spec.actual_finish + timedelta(days=1) if spec.actual_finish else start + timedelta(days=task.duration)
    task.actual_start, task.actual_finish = start, finish
    task.duration = (finish - start).days
    task.percent_complete = 100
    task.precision = precision


def _set_reached(task: Task, day: date) -> None:
    """A milestone the facts say was reached though no row dates it as an event (roadmap.toml
    `actual_finish`, its `precision` as the facts give it): done on that day, its announced target
    (a deadline) kept, so the plan shows how late it came rather than scheduling it as work to do."""
    task.actual_start = task.actual_finish = day
    task.percent_complete = 100


def _set_plan(task: Task, window: Window) -> None:
    """Announced dates: 'in 2029' is a start-no-earlier-than; 'by 2035' is a deadline."""
    task.precision = window.precision
    if window.start is not None:
        task.constraint, task.constraint_date = ConstraintType.SNET, window.start
    if window.finish is not None and (window.start is None or task.is_milestone):
        task.deadline = window.finish


def task_from_spec(spec: TaskSpec, is_summary: bool) -> Task:
    """The current plan's task for one spec (ids, parents and owners are filled in by the caller)."""
    kind = TaskKind(spec.kind)
    window = current_window(spec)
    task = Task(key=spec.key, name=spec.name, kind=kind, id=stable_id("task", spec.key),
                duration=0 if is_summary else _duration(spec, kind, window),
                classification=Classification(spec.classification), source_url=spec.source,
                notes=_notes(spec), precision=Precision.YEAR if is_summary else Precision.DAY,
                key_milestone=spec.key_milestone)
    row = spec.current
    if is_summary:
        task.precision = window.precision if window else Precision.YEAR
    elif row is not None and row.actual:
        _set_actuals(task, spec, row)
    elif window is not None:
        _set_plan(task, window)
    if spec.actual_finish is not None and task.actual_start is None and task.is_milestone and not is_summary:
        _set_reached(task, spec.actual_finish)
    if spec.actual_start is not None and task.actual_start is None and not is_summary:
        # Under way at the status date: started, not finished (roadmap.toml's progress record).
        task.actual_start, task.percent_complete = spec.actual_start, spec.percent_complete
        task.duration = _duration_from_start(spec, task, window)
    if spec.precision:
        task.precision = Precision(spec.precision)
    task.confidence, task.source_date = _confidence(spec), spec.source_date
    if spec.manual and is_summary:
        raise PlannerError("task.bad_value", f"roadmap task '{spec.key}' is a summary: its sub-tasks give its dates, "
                           "so it has no task mode", [spec.key])
    task.manual = spec.manual
    return task


def _confidence(spec: TaskSpec) -> Confidence | None:
    if spec.confidence is None:
        return None
    try:
        return Confidence(spec.confidence)
    except ValueError:
        allowed = ", ".join(member.value for member in Confidence)
        raise PlannerError("task.bad_value", f"roadmap task '{spec.key}': confidence '{spec.confidence}' is not "
                           f"one of {allowed}", [spec.key]) from None

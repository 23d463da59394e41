"""Checking the values an edit would give a task, before anything is changed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields
from datetime import date
from enum import Enum
from itertools import compress, repeat
from operator import attrgetter, eq

from ..domain import (
    Classification,
    Confidence,
    ConstraintType,
    PlannerError,
    Precision,
    Project,
    Task,
    TaskKind,
)
from ..domain.dates import MAX_YEAR, MIN_YEAR
from ..domain.text import check_typed_text
from .plan_index import index_of

# Fields that move a task in the WBS go through the outline commands, never SetTaskFields.
STRUCTURAL_FIELDS = frozenset({"id", "parent_id", "position"})
# Fields the scheduler reads: changing one invalidates the schedule's dates.
SCHEDULE_FIELDS = frozenset({
    "duration", "constraint", "constraint_date", "deadline", "actual_start", "actual_finish",
    "percent_complete", "calendar_id", "elapsed", "manual", "manual_start", "manual_start_at_day_end",
})
EDITABLE_FIELDS = frozenset(f.name for f in fields(Task)) - STRUCTURAL_FIELDS
_ENUMS: dict[str, type[Enum]] = {
    "kind": TaskKind, "constraint": ConstraintType, "precision": Precision,
    "classification": Classification, "confidence": Confidence,
}
_OPTIONAL_ENUMS = frozenset({"confidence"})  # None: not stated
_DATES = ("constraint_date", "deadline", "actual_start", "actual_finish", "source_date", "manual_start")
_OPTIONAL_DAYS = ("optimistic", "most_likely", "pessimistic")
TEXT_FIELDS = ("key", "name", "source_url", "notes")  # free text a person types: checked as typed text
_KEY = attrgetter("key")


def _bad(task: Task, message: str, code: str = "task.bad_value") -> PlannerError:
    return PlannerError(code, f"{task.key}: {message}", [task.id])


def _days(task: Task, name: str, value: object, optional: bool) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise _bad(task, f"{name} must be a whole number of days, not {value!r}")
    if value < 0:
        raise _bad(task, f"{name} cannot be negative ({value} days)", "task.negative_duration")
    return value


def coerce_value(task: Task, name: str, value: object) -> object:
    """The value as the task stores it (enums from their text), or a task.bad_value error."""
    if name not in EDITABLE_FIELDS:
        raise _bad(task, f"'{name}' is not a field that can be edited here")
    if name in _OPTIONAL_ENUMS and value is None:
        return None
    if name in _ENUMS:
        try:
            return _ENUMS[name](value)
        except ValueError:
            allowed = ", ".join(member.value for member in _ENUMS[name])
            raise _bad(task, f"{name} cannot be {value!r} (one of {allowed})") from None
    if name == "duration":
        return _days(task, name, value, optional=False)
    if name in _OPTIONAL_DAYS:
        return _days(task, name, value, optional=True)
    if name in _DATES and value is not None and not isinstance(value, date):
        raise _bad(task, f"{name} must be a date, not {value!r}")
    if name in _DATES and isinstance(value, date):
        check_date_held(task, name, value)
    if name in TEXT_FIELDS:
        if not isinstance(value, str):
            raise _bad(task, f"{name} must be text, not {value!r}")
        check_typed_text(name, value, task.key, [task.id])
    if name in ("key_milestone", "elapsed", "manual", "manual_start_at_day_end") and not isinstance(value, bool):
        raise _bad(task, f"{name.replace('_', ' ')} must be yes or no, not {value!r}")
    if name == "calendar_id" and value is not None and not isinstance(value, str):
        raise _bad(task, f"calendar must be a calendar's id, not {value!r}")
    if name == "percent_complete" and (not isinstance(value, int) or not 0 <= value <= 100):
        raise _bad(task, f"percent complete must be 0-100, not {value!r}")
    return value


def _with_key(project: Project, key: str) -> Iterator[Task]:
    """The plan's tasks with this key, found at C speed (a Python loop over 100,000 tasks was a
    third of adding one), or from the window's index of its plan."""
    index = index_of(project)
    found = index.with_key(key) if index is not None else None
    if found is not None:
        return iter(found)
    tasks = project.tasks.values()
    return compress(tasks, map(eq, map(_KEY, tasks), repeat(key)))


def check_date_held(task: Task, name: str, value: date) -> None:
    """A plan file holds the years MIN_YEAR-MAX_YEAR only: a date outside (a manual task pinned where a
    300-year chain put it, a pasted task's) would make every later save of the plan fail."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise _bad(task, f"{name.replace('_', ' ')} {value} is outside {MIN_YEAR}-{MAX_YEAR}, the dates a plan "
                   "file holds")


def check_dates_held(task: Task) -> None:
    """Each of the task's dates, as check_date_held checks one."""
    for name in _DATES:
        if isinstance(value := getattr(task, name), date):
            check_date_held(task, name, value)


def check_task_consistent(project: Project, task: Task, values: dict[str, object]) -> None:
    """Refuse combinations no plan can hold: a blank or duplicate key, a dateless constraint…"""
    merged = {name: getattr(task, name) for name in EDITABLE_FIELDS} | values
    for name in TEXT_FIELDS:
        if name in values:
            check_typed_text(name, merged[name], task.key, [task.id])
    if "key" in values:
        if not merged["key"].strip():
            raise _bad(task, "the key cannot be empty")
        if any(t.id != task.id for t in _with_key(project, merged["key"])):
            raise _bad(task, f"the key '{merged['key']}' is already used", "task.duplicate_key")
    if "name" in values and not merged["name"].strip():
        raise _bad(task, "the name cannot be empty")
    if ConstraintType(merged["constraint"]).dated and merged["constraint_date"] is None:
        raise _bad(task, f"a {merged['constraint'].value} constraint needs a date")
    if merged["owner_id"] is not None and merged["owner_id"] not in project.participants:
        raise _bad(task, f"the owner {merged['owner_id']!r} is not a participant of the plan")
    if merged["calendar_id"] is not None and merged["calendar_id"] not in project.calendars:
        raise _bad(task, f"the calendar {merged['calendar_id']!r} is not a calendar of the plan", "calendar.unknown")
    if merged["manual_start_at_day_end"] and merged["manual_start"] is None:
        raise _bad(task, "a manual start at the end of its day needs a manual start")
    start, finish = merged["actual_start"], merged["actual_finish"]
    if start and finish and finish < start:
        raise _bad(task, f"the actual finish {finish} is before the actual start {start}")
    three = [merged[name] for name in _OPTIONAL_DAYS]
    if None not in three and not three[0] <= three[1] <= three[2]:
        raise _bad(task, "the estimates must be optimistic ≤ most likely ≤ pessimistic")

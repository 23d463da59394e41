"""A refused row, turned back into the task, link or baseline the user knows, by key and field.

SQLite names the CHECK constraint a row broke (`task_percent_complete`), or the converting of an
object to its row raised; either way the object is found by its place among its table's rows, and
the error names it and its field.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..domain import PlannerError
from .row_source import RowSource

_ATTRIBUTE = {"constraint_type": "constraint", "alap": "constraint"}  # column name -> attribute name where they differ


def refusal(source: RowSource, obj: Any, column: str | None, reason: str) -> PlannerError:
    """The PlannerError for an object that cannot be saved, naming it and the field."""
    label = source.describe(obj)
    attribute = _ATTRIBUTE.get(column, column) if column else None
    value = getattr(obj, attribute, None) if attribute else None
    subject = [str(obj.id)] if hasattr(obj, "id") else []
    if source.table == "tasks" and column == "duration" and isinstance(value, int) and value < 0:
        return PlannerError("task.negative_duration", f"cannot save {label}: its duration {value} is negative",
                            subject)
    code = "task.bad_value" if source.table == "tasks" else "store.bad_value"
    shown = value.isoformat() if isinstance(value, date) else repr(value)[:80]
    what = f"{attribute} {shown} is not allowed" if value is not None else f"{attribute or 'a value'} is not allowed"
    return PlannerError(code, f"cannot save {label}: {what} ({reason})", subject)


def describe_refusal(source: RowSource | None, index: int, exc: Exception) -> PlannerError:
    """The PlannerError for row `index` (from 0) of `source`, being converted or inserted at `exc`."""
    obj = source.object_at(index + 1) if source is not None else None
    if source is None or obj is None:
        return PlannerError("store.bad_value", f"cannot save the plan: {exc}")
    return refusal(source, obj, column_in(str(exc)) or _non_date_field(obj), str(exc))


_DATE_FIELDS = ("start", "status_date", "joined", "constraint_date", "deadline", "actual_start", "actual_finish",
                "as_of", "source_date", "manual_start", "must_finish_by")


def _non_date_field(obj: Any) -> str | None:
    """The date field of `obj` holding something that is not a date (what the row's `_iso` refused)."""
    for name in _DATE_FIELDS:
        value = getattr(obj, name, None)
        if value is not None and type(value) is not date:
            return name
    return None


_CONSTRAINT = re.compile(
    r"CHECK constraint failed: (?:plan|participant|task|link|baseline_entry|baseline|signature|calendar_exception"
    r"|calendar)_(\w+)$")


def column_in(message: str) -> str | None:
    """The column an SQLite refusal is about: constraint 'task_percent_complete' or 'tasks.name'."""
    if m := _CONSTRAINT.search(message):
        return m[1]
    if m := re.search(r"\w+\.(\w+)\s*$", message):
        return m[1]
    return None

"""Copied tasks as the clipboard carries them between windows and running planners: a versioned JSON.

The system clipboard is shared by every program of the desktop, so what another window put there
is read like a partner's file (clip_read.py). This module says what a copy holds and writes it.
A task's fields are written by their declared types, so a field added to Task travels without a
change here; a value equal to the field's default is left out, which keeps a copy of 100,000
tasks within the size a reader accepts.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import date
from enum import Enum

from ..domain import Classification, Confidence, ConstraintType, Link, LinkType, Precision, Task, TaskKind

MIME_TYPE = "application/x-ilrs-planner-tasks"
FORMAT = "ilrs-planner-tasks"
VERSION = 1
MAX_BYTES = 32 * 1024 * 1024  # a copy of 100,000 tasks with notes fits; past this nothing is parsed
MAX_TASKS = 100_000
MAX_LINKS = 500_000

ENUMS: dict[str, type[Enum]] = {cls.__name__: cls for cls in
                                 (TaskKind, ConstraintType, Precision, Classification, Confidence)}


@dataclasses.dataclass(frozen=True)
class TaskCopy:
    """Copied tasks in outline order (each parent before its children) and the links among them.

    A link whose predecessor is not among the tasks names a task of the plan pasted into (a
    spreadsheet row's predecessor given by an existing key); a copy read from the clipboard has none.
    """

    tasks: tuple[Task, ...]
    links: tuple[Link, ...]
    owner_keys: dict[str, str] = dataclasses.field(default_factory=dict)  # owner id -> participant key
    calendar_names: dict[str, str] = dataclasses.field(default_factory=dict)  # calendar id -> name


@dataclasses.dataclass(frozen=True)
class FieldType:
    """How one Task field is written: its base type's name and whether it may be None."""

    base: str
    optional: bool


def task_fields() -> dict[str, FieldType]:
    """Each Task field's written type, from the dataclass's own annotations."""
    hints = typing.get_type_hints(Task)
    found = {}
    for field in dataclasses.fields(Task):
        args = typing.get_args(hints[field.name]) or (hints[field.name],)
        base = next(arg for arg in args if arg is not type(None))
        found[field.name] = FieldType(base.__name__, type(None) in args)
    return found


TASK_FIELDS = task_fields()
_NOT_WRITTEN = frozenset({"id", "parent_id", "position"})  # numbered in the copy; a paste places tasks afresh
_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Task) if f.default is not dataclasses.MISSING}


def copy_to_json(copied: TaskCopy) -> bytes:
    """The copy as the clipboard's JSON (UTF-8). A paste gives every task a new id, so the copy
    numbers its tasks instead of writing their ids (32 characters each, three times per link)."""
    number = {task.id: str(index) for index, task in enumerate(copied.tasks)}
    document = {
        "format": FORMAT, "version": VERSION,
        "tasks": [_task_record(task, number) for task in copied.tasks],
        "links": [_link_record(link, number) for link in copied.links],
        "owners": dict(copied.owner_keys), "calendars": dict(copied.calendar_names),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _task_record(task: Task, number: dict[str, str]) -> dict[str, object]:
    record: dict[str, object] = {"id": number[task.id]}
    if task.parent_id in number:  # else a copied root: its summary stays behind
        record["parent_id"] = number[task.parent_id]  # type: ignore[index]  # just checked
    for name in TASK_FIELDS:
        value = getattr(task, name)
        if name in _NOT_WRITTEN or (name in _DEFAULTS and value == _DEFAULTS[name] and name not in ("key", "name")):
            continue
        record[name] = value.isoformat() if isinstance(value, date) else value.value if isinstance(value, Enum) \
            else value
    return record


def _link_record(link: Link, number: dict[str, str]) -> dict[str, object]:
    record: dict[str, object] = {"pred": number[link.pred_id], "succ": number[link.succ_id]}
    if link.type is not LinkType.FS:
        record["type"] = link.type.value
    if link.lag:
        record["lag"] = link.lag
    if link.elapsed:
        record["elapsed"] = True
    return record

"""Reading copied tasks from the clipboard as untrusted input: bounded, typed, cleaned, loop-free.

Another program (or another planner, with a partner's file open) wrote what is on the clipboard, so
it is checked the way a plan file is (README "Plan files and trust") before anything is pasted:
its size and row counts are bounded before it is parsed; each value must have its field's type and
lie within the bounds a plan file allows (dates 1900-2200, durations up to 300 years); text loses
the control and bidirectional characters an import removes; parents come before their children and
links join copied tasks without a loop. Anything else refuses the whole paste with a stable code
and a message naming the task and the field; nothing of it reaches the plan.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from ..domain import Link, LinkType, PlannerError, Project, Task, fresh_ids
from ..domain.dates import parse_iso_date
from ..domain.durations import MAX_DURATION_DAYS
from ..domain.text import MULTI_LINE_FIELDS, TEXT_LIMITS, clean
from ..engine.graph import find_cycle
from .clip_format import ENUMS, FORMAT, MAX_BYTES, MAX_LINKS, MAX_TASKS, TASK_FIELDS, VERSION, FieldType, TaskCopy

_ID_FIELDS = frozenset({"id", "parent_id", "owner_id", "calendar_id"})
_INT_BOUNDS = {"position": (-1_000_000_000, 1_000_000_000), "percent_complete": (0, 100)}  # others: durations


def bad(message: str, code: str = "clipboard.bad_value") -> PlannerError:
    return PlannerError(code, f"the copied tasks on the clipboard: {message}")


def copy_from_json(data: bytes) -> TaskCopy:
    """The TaskCopy in clipboard bytes; PlannerError (clipboard.*, link.cycle) for anything a plan may not take."""
    check_size(len(data))
    document = _parsed(data)
    tasks_in, links_in = document.get("tasks"), document.get("links", [])
    if not isinstance(tasks_in, list) or not isinstance(links_in, list):
        raise bad("'tasks' and 'links' must be lists", "clipboard.bad_format")
    if len(tasks_in) > MAX_TASKS or len(links_in) > MAX_LINKS:
        raise bad(f"{len(tasks_in):,} tasks and {len(links_in):,} links; a paste takes at most "
                  f"{MAX_TASKS:,} tasks and {MAX_LINKS:,} links", "clipboard.too_large")
    tasks = _tasks(tasks_in)
    links = _links(links_in, {task.id: task for task in tasks})
    copied = TaskCopy(tuple(tasks), tuple(links), _names(document, "owners"), _names(document, "calendars"))
    _refuse_loops(copied)
    return copied


def check_size(size: int) -> None:
    """Refuse a copy of more bytes than a paste reads (clipboard.too_large), before it is parsed."""
    if size > MAX_BYTES:
        raise bad(f"{size:,} bytes, more than the {MAX_BYTES:,} a paste reads", "clipboard.too_large")


def _parsed(data: bytes) -> dict:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bad("not readable JSON", "clipboard.bad_format") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise bad("not tasks copied by ILRS Planner", "clipboard.bad_format")
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise bad("no format version", "clipboard.bad_format")
    if version > VERSION:
        raise bad(f"written by a newer version of ILRS Planner (format {version}; this one reads {VERSION})",
                  "clipboard.newer_version")
    return document


def _tasks(records: list) -> list[Task]:
    tasks: list[Task] = []
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise bad(f"task {number} is not an object", "clipboard.bad_format")
        values = {name: _value(record[name], name, kind, number) for name, kind in TASK_FIELDS.items()
                  if name in record}
        task = _task(values, number)
        if task.id in seen:
            raise bad(f"task {number} ({task.key}) repeats the id of an earlier task")
        if task.parent_id is not None and task.parent_id not in seen:  # an earlier task: no loop of parents
            raise bad(f"task {number} ({task.key}) names a parent that is not copied before it")
        seen.add(task.id)
        tasks.append(task)
    return tasks


def _task(values: dict[str, object], number: int) -> Task:
    if "key" not in values or "name" not in values or "id" not in values:
        raise bad(f"task {number} has no key, name or id", "clipboard.bad_format")
    task = Task(**values)  # type: ignore[arg-type]  # each value checked against its field's type
    if task.constraint.dated != (task.constraint_date is not None):
        raise bad(f"task {number} ({task.key}): the constraint {task.constraint.value} "
                  f"{'needs' if task.constraint.dated else 'takes no'} date")
    estimates = (task.optimistic, task.most_likely, task.pessimistic)
    if None not in estimates and not estimates[0] <= estimates[1] <= estimates[2]:  # type: ignore[operator]
        raise bad(f"task {number} ({task.key}): the estimates are not optimistic <= most likely <= pessimistic")
    return task


def _value(raw: object, name: str, kind: FieldType, number: int) -> object:
    """`raw` as field `name` holds it, checked; refused naming the task number and the field."""
    where = f"task {number}, {name.replace('_', ' ')}"
    if raw is None:
        if not kind.optional:
            raise bad(f"{where}: no value")
        return None
    reader = _READERS.get(kind.base)
    if reader is not None:
        return reader(raw, name, where)
    enum = ENUMS[kind.base]
    try:
        return enum(raw)
    except ValueError:
        raise bad(f"{where}: {str(raw)[:40]!r} is not one of {', '.join(e.value for e in enum)}") from None


def _text(raw: object, name: str, where: str) -> str:
    if type(raw) is not str:
        raise bad(f"{where}: not text")
    if name in _ID_FIELDS:
        if not 1 <= len(raw) <= 64:
            raise bad(f"{where}: an id of 1 to 64 characters is needed")
        return raw
    text = clean(raw, name in MULTI_LINE_FIELDS)
    limit = TEXT_LIMITS.get(name)
    if limit is not None and len(text) > limit:
        raise bad(f"{where}: {len(text):,} characters; at most {limit:,} fit", "text.too_long")
    return text


def _number(raw: object, name: str, where: str) -> int:
    low, high = _INT_BOUNDS.get(name, (0, MAX_DURATION_DAYS))
    if type(raw) is not int or not low <= raw <= high:
        raise bad(f"{where}: {str(raw)[:40]!r} is not a whole number from {low:,} to {high:,}")
    return raw


def _flag(raw: object, _name: str, where: str) -> bool:
    if type(raw) is not bool:
        raise bad(f"{where}: {str(raw)[:40]!r} is not true or false")
    return raw


def _day(raw: object, _name: str, where: str) -> date:
    if type(raw) is not str:
        raise bad(f"{where}: not a date")
    try:
        return parse_iso_date(raw[:40])
    except PlannerError as error:
        raise bad(f"{where}: {error.message}") from None


_READERS: dict[str, Callable[[object, str, str], object]] = {"str": _text, "int": _number, "bool": _flag, "date": _day}


def _links(records: list, tasks: dict[str, Task]) -> list[Link]:
    links, seen, ids = [], set(), fresh_ids()
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise bad(f"link {number} is not an object", "clipboard.bad_format")
        pred, succ = record.get("pred"), record.get("succ")
        if pred not in tasks or succ not in tasks or pred == succ:
            raise bad(f"link {number} does not join two copied tasks")
        if (pred, succ) in seen:
            raise bad(f"link {number} repeats the link {tasks[pred].key} → {tasks[succ].key}")
        seen.add((pred, succ))
        kind, lag, elapsed = record.get("type", "FS"), record.get("lag", 0), record.get("elapsed", False)
        if kind not in LinkType.__members__ or type(lag) is not int or abs(lag) > MAX_DURATION_DAYS \
                or type(elapsed) is not bool:
            raise bad(f"link {number} ({tasks[pred].key} → {tasks[succ].key}) has a type or lag a link cannot take")
        links.append(Link(pred, succ, LinkType(kind), lag, next(ids), elapsed))
    return links


def _names(document: dict, field: str) -> dict[str, str]:
    """The owners' keys or the calendars' names, by id: one-line text, cleaned."""
    found = document.get(field, {})
    if not isinstance(found, dict) or not all(isinstance(v, str) for v in found.values()):
        raise bad(f"'{field}' must map ids to text", "clipboard.bad_format")
    return {key: clean(value)[:TEXT_LIMITS["name"]] for key, value in found.items()}


def _refuse_loops(copied: TaskCopy) -> None:
    """A loop among the copied links (through a summary too) refused by name, before any task is added."""
    if not copied.links:
        return
    scratch = Project(name="clipboard", start=date(2000, 1, 1))
    scratch.tasks = {task.id: task for task in copied.tasks}
    scratch.links = {link.id: link for link in copied.links}
    loop = find_cycle(scratch)
    if loop is not None:
        names = " → ".join(scratch.tasks[tid].key for tid in loop + loop[:1])
        raise PlannerError("link.cycle", f"the copied tasks on the clipboard are linked in a loop: {names}", loop)


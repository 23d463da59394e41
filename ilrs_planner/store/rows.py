"""Domain objects as table rows, for saving.

Rows are numbered in the order they are written (`num`, the rowid), and rows refer to each other by
those numbers. Each table's rows come from a `RowSource` that keeps its objects in row order, so a
refused row (by its rowid, or the one being converted) is turned back into the task, link or
baseline the user knows, by key and field (refusals.py).

Nearly every task and link holds the usual value in each of its later fields: such "plain" rows
bind only their leading columns, made by a `RowMaker` (packer.py) many rows at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date
from typing import Any

from ..domain import ConstraintType, Link, LinkType, PlannerError, Project, Task, TaskKind
from ..domain.baseline_entry import entry_reading
from .consistency import RowNumbers
from .packer import Coded, RowMaker
from .partner_records import partner_texts_text, supplied_text
from .row_source import PlainRows, RowSource
from .sent_copies import sent_copies_text, signed_cover_text


def _iso(value: date | None) -> str | None:
    if value is None:
        return None
    if type(value) is date:
        return value.isoformat()
    raise ValueError(f"{value!r} is not a date")


def row_sources(project: Project, numbers: RowNumbers) -> list[RowSource]:
    """Every table's rows, in insert order: a row is written after the rows it refers to.

    `numbers`: the tasks' row numbers and the links' ends, as `check_before_save` found them."""
    calendar_num = {cid: n for n, cid in enumerate(project.calendars, 1)}
    return [*_calendar_sources(project), _plan_source(project, calendar_num), _participant_source(project),
            *_task_and_link_sources(project, numbers, calendar_num), *_baseline_sources(project),
            _signature_source(project)]


def _calendar_sources(project: Project) -> list[RowSource]:
    calendars = list(project.calendars.values())
    exceptions = [(c, number, e) for number, c in enumerate(calendars, 1) for e in c.exceptions]
    return [
        RowSource("calendars", 4, calendars, lambda c: (c.id, c.name, "".join("01"[bool(d)] for d in c.weekdays)),
                  lambda c: f"calendar '{c.name}'", numbered=True),
        RowSource("calendar_exceptions", 5, exceptions,
                  lambda x: (x[1], x[2].name, _iso(x[2].start), _iso(x[2].finish), int(x[2].working)),
                  lambda x: f"exception '{x[2].name}' of calendar '{x[0].name}'"),
    ]


def _plan_source(project: Project, calendar_num: dict[str, int]) -> RowSource:
    # A plan of one's own saved without a secret (new, or from an older file) gains one here; a copy, none.
    return RowSource("plan", 14, [project], lambda p: (1, p.id, p.name, _iso(p.start), _iso(p.status_date), p.author,
                                                      _calendar_num(calendar_num, p.default_calendar_id, "the plan"),
                                                      None if p.partner_level is None else p.partner_level + "",
                                                      int(p.partner_without_notes), _iso(p.must_finish_by),
                                                      p.secret_to_save(), supplied_text(p),
                                                      sent_copies_text(p.sent_copies),
                                                      partner_texts_text(p.partner_texts)),
                     lambda p: "the plan")


def _participant_source(project: Project) -> RowSource:
    return RowSource("participants", 11, list(project.participants.values()),
                     lambda p: (p.id, p.key, p.name, p.kind + "", _iso(p.joined), p.joined_precision + "",
                                p.source_url, p.notes, p.color, p.classification + ""),
                     lambda p: f"participant '{p.key}'", numbered=True)


def _task_and_link_sources(project: Project, numbers: RowNumbers, calendar_num: dict[str, int]) -> list[RowSource]:
    tasks = project.tasks
    task_row = _task_row(project, calendar_num)

    def link_row(k: Link, pred: int, succ: int) -> tuple[Any, ...]:
        return (k.id, pred, succ, k.type + "", k.lag, int(k.elapsed))

    return [
        RowSource("tasks", 31, list(tasks.values()), task_row, lambda t: f"task '{t.key}'",
                  PlainRows(TASK_TAIL_FIELDS, _USUAL_TAIL, task_row(_USUAL_TASK, 0)[7:], TASK_HEAD),
                  numbered=True, resolved=(numbers.parents,)),
        RowSource("links", 7, list(project.links.values()), link_row,
                  lambda k: f"the dependency {tasks[k.pred_id].key} → {tasks[k.succ_id].key}",
                  PlainRows(("elapsed",), (False,), (0,), LINK_HEAD), numbered=True,
                  resolved=(numbers.preds, numbers.succs)),
    ]


def _task_row(project: Project, calendar_num: dict[str, int]) -> Callable[[Task, int], tuple[Any, ...]]:
    """A task's full row, given its parent's row number (0: at the top)."""
    participant_num: dict[str | None, int] = {pid: n for n, pid in enumerate(project.participants, 1)}

    # `x + ""` turns a StrEnum member into a plain str in C; SQLite binds a plain str far faster.
    def task_row(t: Task, parent: int) -> tuple[Any, ...]:
        return (t.id, t.key, t.name, t.duration, t.kind + "", parent or None, t.position,
                participant_num.get(t.owner_id), _stored_constraint(t.constraint), _iso(t.constraint_date),
                _iso(t.deadline),
                _iso(t.actual_start), _iso(t.actual_finish), t.percent_complete, t.precision + "",
                t.optimistic, t.most_likely, t.pessimistic, t.classification + "", t.source_url, t.notes,
                _calendar_num(calendar_num, t.calendar_id, f"task '{t.key}'"), int(t.elapsed),
                int(t.key_milestone), None if t.confidence is None else t.confidence + "", _iso(t.source_date),
                int(t.constraint == _ALAP), int(t.manual), _iso(t.manual_start), int(t.manual_start_at_day_end))

    return task_row


def _baseline_sources(project: Project) -> list[RowSource]:
    baselines = project.baselines
    entries = [(b, number, tid, span) for number, b in enumerate(baselines, 1) for tid, span in b.entries.items()]
    return [
        RowSource("baselines", 7, list(baselines), lambda b: (b.id, b.name, _iso(b.as_of), b.notes, b.prev_hash,
                                                              b.classification + ""),
                  lambda b: f"baseline '{b.name}'", numbered=True),
        RowSource("baseline_entries", 6, entries, _entry_row,
                  lambda e: f"baseline '{e[0].name}' (entry for task {e[2]})"),
    ]


def _signature_source(project: Project) -> RowSource:
    signatures = [project.signature] if project.signature is not None else []
    return RowSource("signature", 7, signatures, lambda s: (1, s.signer, s.public_key, s.signature, s.content_hash,
                                                            s.signed_at, signed_cover_text(s)),
                     lambda s: f"the signature by '{s.signer}'")


# A task row's first columns after `num`, and a link row's. A parent's number 0 stands for none: the
# task is at the top. Kinds and link types are bound by number, their most frequent first.
TASK_KINDS = tuple(map(str, (TaskKind.TASK, TaskKind.MILESTONE, TaskKind.PHASE, TaskKind.MISSION,
                             TaskKind.INFRASTRUCTURE, TaskKind.AGREEMENT)))
LINK_TYPES = tuple(map(str, (LinkType.FS, LinkType.SS, LinkType.FF, LinkType.SF)))
TASK_HEAD = RowMaker(("{o}.id", "{o}.key", "{o}.name", "{o}.duration", Coded("{o}.kind", TASK_KINDS),
                      "{parent} or None", "{o}.position"), ("parent",))
LINK_HEAD = RowMaker(("{o}.id", "{pred}", "{succ}", Coded("{o}.type", LINK_TYPES), "{o}.lag"), ("pred", "succ"))

# The task fields from the owner on, which alone give a task row's columns after the first eight,
# and the usual value of each: most tasks of a large plan hold all of them. A link's only such field
# is `elapsed`: nearly every lag is counted in working days.
_TASK_FIELDS = [f.name for f in fields(Task)]
TASK_TAIL_FIELDS = tuple(_TASK_FIELDS[_TASK_FIELDS.index("owner_id"):])
_USUAL_TASK = Task("", "", id="")
_USUAL_TAIL = tuple(getattr(_USUAL_TASK, name) for name in TASK_TAIL_FIELDS)


def _calendar_num(numbers: dict[str, int], calendar_id: str | None, owner: str) -> int | None:
    """The row number of a calendar a task or the plan names; a name of no calendar is refused."""
    if calendar_id is None:
        return None
    number = numbers.get(calendar_id)
    if number is None:
        raise PlannerError("calendar.unknown", f"cannot save {owner}: it names calendar '{calendar_id}', which the "
                           "plan does not have", [calendar_id])
    return number


_ALAP = ConstraintType.ALAP


def _stored_constraint(constraint: Any) -> Any:
    """The constraint type column: as late as possible is stored as 'ASAP' plus the alap flag."""
    return "ASAP" if constraint == _ALAP else constraint + ""


def _entry_row(entry: tuple[Any, int, str, tuple[date, date]]) -> tuple[Any, ...]:
    """A baseline entry's row: its dates, and how they were read when taken (NULL when not known)."""
    _, number, task_id, span = entry
    reading = entry_reading(span)
    kept = (reading[0] + "", reading[1]) if reading else (None, None)
    return (number, task_id, _iso(span[0]), _iso(span[1]), *kept)

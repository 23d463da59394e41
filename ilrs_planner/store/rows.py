"""Domain objects as table rows, for saving.

Rows are numbered in the order they are written (`num`, the rowid), and rows refer to each other by
those numbers. Each table's rows come from a `RowSource` that keeps its objects in row order, so a
refused row (by its rowid, or the one being converted) is turned back into the task, link or
baseline the user knows, by key and field (refusals.py).

Nearly every task and link holds the usual value in each of its later fields: such "plain" rows
bind only their leading columns, made by a `RowMaker` (packer.py) many rows at a time.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from typing import Any

from ..domain import ConstraintType, Link, LinkType, PlannerError, Project, Task, TaskKind
from ..domain.baseline_entry import entry_reading
from .consistency import RowNumbers
from .packer import Coded, RowMaker, plain_flags
from .partner_records import partner_texts_text, supplied_text
from .sent_copies import sent_copies_text


def _iso(value: date | None) -> str | None:
    if value is None:
        return None
    if type(value) is date:
        return value.isoformat()
    raise ValueError(f"{value!r} is not a date")


@dataclass(frozen=True, slots=True)
class PlainRows:
    """How to write an object whose trailing fields all hold their usual values: only its leading
    columns are bound, the rest are constants in the INSERT (a bound value costs ~300 ns)."""

    fields: tuple[str, ...]  # the names of an object's trailing fields
    usual: tuple[Any, ...]  # ... their values, as nearly every object has them
    usual_row: tuple[Any, ...]  # their columns, as the full row would give them
    head: RowMaker  # the leading columns


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive objects of one table written with one shape of row: `INSERT ... VALUES {values}`."""

    table: str
    values: str  # "(NULL, ?, ?, 'ASAP', ...)": the row, its constants written in
    width: int  # how many values of it are bound
    to_row: Callable[..., tuple[Any, ...]]  # (object, *its resolved values) -> its bound values
    objects: list[Any]
    resolved: tuple[list[Any], ...] = ()  # values found beforehand, one list per extra argument of to_row
    maker: RowMaker | None = None  # makes the same rows as to_row, many at a time

    def insert(self, rows: int = 1) -> str:
        """The INSERT of `rows` rows at once (one statement step for all of them)."""
        return _insert_sql(self.table, self.values, rows)

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The bound values of each row, in order."""
        return map(self.to_row, self.objects, *self.resolved)

    def bound_values(self) -> Iterator[Any]:
        """Every bound value of the run, row after row (in C: `map` calls `to_row`, `chain` runs them together)."""
        return itertools.chain.from_iterable(self.rows())


@lru_cache(maxsize=64)
def _insert_sql(table: str, values: str, rows: int) -> str:
    return f"INSERT INTO {table} VALUES {', '.join([values] * rows)}"


class RowSource:
    """The rows of one table, and the objects they come from, in row order.

    A `numbered` table's first column is its INTEGER PRIMARY KEY `num`, the object's place from 1.
    It is not bound but written as NULL, which SQLite turns into one more than the largest rowid so
    far: in a fresh table filled in order, exactly that place (the same file, one bound value less
    a row). Rows refer to each other by those numbers.
    """

    def __init__(self, table: str, columns: int, objects: list[Any], to_row: Callable[..., Any],
                 describe: Callable[..., Any], plain: PlainRows | None = None, *, numbered: bool = False,
                 resolved: tuple[list[Any], ...] = ()):
        self.table, self.numbered, self.width = table, numbered, columns - numbered
        self.objects, self.to_row, self.describe, self.plain = objects, to_row, describe, plain
        self.resolved = resolved  # passed to to_row beside each object (a link's two ends, by row number)

    def _shape(self, constants: tuple[Any, ...] = (), bound: tuple[str, ...] = ()) -> tuple[str, int]:
        """The VALUES row with `constants` written in, and how many values are left to bind (as `bound`
        gives them, or each a plain `?`)."""
        width = self.width - len(constants)
        values = ["NULL"] * self.numbered + list(bound or ["?"] * width) + list(map(_sql_literal, constants))
        return f"({', '.join(values)})", width

    def whole(self) -> Run:
        """Every object, each as its full row: one shape for all (to name a refused row)."""
        values, width = self._shape()
        return Run(self.table, values, width, self.to_row, self.objects, self.resolved)

    def runs(self) -> Iterator[Run]:
        """The objects in row order, in runs: runs of plain objects take the short row; the same rows."""
        if self.plain is None:
            yield self.whole()
            return
        values, width = self._shape()
        plain = self.plain
        short, short_width = self._shape(plain.usual_row, plain.head.sql)  # once, not once a run: there are thousands
        flags = plain_flags(plain.fields)(self.objects, plain.usual)
        start = 0
        for is_plain, run in itertools.groupby(flags):
            end = start + len(list(run))
            objects, resolved = self.objects[start:end], tuple(column[start:end] for column in self.resolved)
            yield (Run(self.table, short, short_width, plain.head.rows(), objects, resolved, plain.head) if is_plain
                   else Run(self.table, values, width, self.to_row, objects, resolved))
            start = end

    def object_at(self, rowid: int) -> Any:
        """The object written as row `rowid`, or None."""
        return self.objects[rowid - 1] if 0 < rowid <= len(self.objects) else None


def row_sources(project: Project, numbers: RowNumbers) -> list[RowSource]:
    """Every table's rows, in insert order: a row is written after the rows it refers to.

    `numbers`: the tasks' row numbers and the links' ends, as `check_before_save` found them."""
    participant_num: dict[str | None, int] = {pid: n for n, pid in enumerate(project.participants, 1)}
    calendar_num = {cid: n for n, cid in enumerate(project.calendars, 1)}
    tasks = project.tasks
    calendars = list(project.calendars.values())
    exceptions = [(c, number, e) for number, c in enumerate(calendars, 1) for e in c.exceptions]

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

    def link_row(k: Link, pred: int, succ: int) -> tuple[Any, ...]:
        return (k.id, pred, succ, k.type + "", k.lag, int(k.elapsed))

    baselines = project.baselines
    entries = [(b, number, tid, span) for number, b in enumerate(baselines, 1) for tid, span in b.entries.items()]
    signatures = [project.signature] if project.signature is not None else []
    return [
        RowSource("calendars", 4, calendars, lambda c: (c.id, c.name, "".join("01"[bool(d)] for d in c.weekdays)),
                  lambda c: f"calendar '{c.name}'", numbered=True),
        RowSource("calendar_exceptions", 5, exceptions,
                  lambda x: (x[1], x[2].name, _iso(x[2].start), _iso(x[2].finish), int(x[2].working)),
                  lambda x: f"exception '{x[2].name}' of calendar '{x[0].name}'"),
        # A plan of one's own saved without a secret (new, or from an older file) gains one here; a copy, none.
        RowSource("plan", 14, [project], lambda p: (1, p.id, p.name, _iso(p.start), _iso(p.status_date), p.author,
                                                   _calendar_num(calendar_num, p.default_calendar_id, "the plan"),
                                                   None if p.partner_level is None else p.partner_level + "",
                                                   int(p.partner_without_notes), _iso(p.must_finish_by),
                                                   p.secret_to_save(), supplied_text(p),
                                                   sent_copies_text(p.sent_copies),
                                                   partner_texts_text(p.partner_texts)),
                  lambda p: "the plan"),
        RowSource("participants", 11, list(project.participants.values()),
                  lambda p: (p.id, p.key, p.name, p.kind + "", _iso(p.joined), p.joined_precision + "",
                             p.source_url, p.notes, p.color, p.classification + ""),
                  lambda p: f"participant '{p.key}'", numbered=True),
        RowSource("tasks", 31, list(tasks.values()), task_row, lambda t: f"task '{t.key}'",
                  PlainRows(TASK_TAIL_FIELDS, _USUAL_TAIL, task_row(_USUAL_TASK, 0)[7:], TASK_HEAD),
                  numbered=True, resolved=(numbers.parents,)),
        RowSource("links", 7, list(project.links.values()), link_row,
                  lambda k: f"the dependency {tasks[k.pred_id].key} → {tasks[k.succ_id].key}",
                  PlainRows(("elapsed",), (False,), (0,), LINK_HEAD), numbered=True,
                  resolved=(numbers.preds, numbers.succs)),
        RowSource("baselines", 7, list(baselines), lambda b: (b.id, b.name, _iso(b.as_of), b.notes, b.prev_hash,
                                                              b.classification + ""),
                  lambda b: f"baseline '{b.name}'", numbered=True),
        RowSource("baseline_entries", 6, entries, _entry_row,
                  lambda e: f"baseline '{e[0].name}' (entry for task {e[2]})"),
        RowSource("signature", 6, signatures, lambda s: (1, s.signer, s.public_key, s.signature, s.content_hash,
                                                         s.signed_at),
                  lambda s: f"the signature by '{s.signer}'"),
    ]


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


def _sql_literal(value: Any) -> str:
    """A usual value as SQL text: NULL, an integer or a quoted string."""
    if value is None:
        return "NULL"
    if type(value) is int:
        return str(value)
    if type(value) is str:
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {value!r}")


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

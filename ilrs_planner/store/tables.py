"""Read the tables of a checked plan file into domain objects, checking references as it goes.

Values already meet the DDL's rules (integrity_check verified them); what is left to check here is
what rows say about each other: unique ids, row numbers that name an existing row, a WBS without
loops, and text that is valid UTF-8. Tables are read column-wise (table_access.py, column_read.py)
and objects made with `map` because a Python loop per row is what would make a 100,000-task plan
slow to open; a problem found in a column is then located row by row, on that error path only.
"""

from __future__ import annotations

import shlex
import sqlite3
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from itertools import compress
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np

from ..domain import (
    Baseline,
    Calendar,
    CalendarException,
    Classification,
    Confidence,
    ConstraintType,
    Link,
    LinkType,
    Participant,
    ParticipantKind,
    PlanSignature,
    Precision,
    Project,
    SentCopy,
    Task,
    TaskKind,
)
from ..domain.baseline_entry import KeptEntry, entry_kind
from ..domain.colors import COLOR_HINT, is_color
from .column_read import Repeated
from .consistency import find_parent_loop
from .object_columns import Field, LaterColumn, ObjectColumns
from .partner_records import read_partner_texts, read_supplied
from .repair_reading import Removal
from .rownumbers import RowIds, some_chain_loops
from .sent_copies import read_sent_copies, signature_of
from .table_access import LINKS_REPAIR_HINT, Mend, TableAccess

# Kinds of task and link come from SQLite as their index here (read_columns' `codes`).
_KINDS, _LINKS = tuple(TaskKind), tuple(LinkType)
_KIND_VALUES, _LINK_VALUES = tuple(m.value for m in _KINDS), tuple(m.value for m in _LINKS)
_Read = TypeVar("_Read")
_CONSTRAINT = {m.value: m for m in ConstraintType}.__getitem__
_PRECISION = {m.value: m for m in Precision}.__getitem__
_CLASSIFICATION = {m.value: m for m in Classification}.__getitem__
_CONFIDENCES: dict[str | None, Confidence | None] = {None: None, **{m.value: m for m in Confidence}}
_CONFIDENCE = _CONFIDENCES.__getitem__
_PARTICIPANT = {m.value: m for m in ParticipantKind}.__getitem__

# Objects are built positionally (much faster than by keyword); these pin the order we rely on.
_TASK_FIELDS = ("key", "name", "duration", "kind", "id", "parent_id", "position", "owner_id", "constraint",
                "constraint_date", "deadline", "actual_start", "actual_finish", "percent_complete", "precision",
                "optimistic", "most_likely", "pessimistic", "classification", "source_url", "notes", "calendar_id",
                "elapsed", "key_milestone", "confidence", "source_date", "manual", "manual_start",
                "manual_start_at_day_end")
_ALAP = ConstraintType.ALAP
_LINK_FIELDS = ("pred_id", "succ_id", "type", "lag", "id", "elapsed")
_PARTICIPANT_FIELDS = ("key", "name", "kind", "joined", "joined_precision", "source_url", "notes", "color", "id")
for _cls, _names in ((Task, _TASK_FIELDS), (Link, _LINK_FIELDS), (Participant, _PARTICIPANT_FIELDS)):
    if tuple(f.name for f in fields(_cls))[: len(_names)] != _names:
        raise ImportError(f"store.tables reads {_cls.__name__} fields in an order the model no longer has")


class _Dates(dict[Any, Any]):
    """ISO text -> date, parsed once: plans repeat dates, and shared objects save memory."""

    def __missing__(self, text: str | None) -> date | None:
        value = None if text is None else date.fromisoformat(text)
        self[text] = value
        return value


class TableReader(TableAccess):
    """Reads the tables of one checked file into a Project; each method reads one table."""

    def __init__(self, conn: sqlite3.Connection, path: Path, mend: Mend | None = None):
        super().__init__(conn, path, mend)
        self.date = _Dates().__getitem__
        # What the scheduler needs, kept as read (see engine.file_columns): tasks' parent places,
        # durations, calendars, flags, constraints, dates; links' end places, types, lags, flags.
        self.task_columns: tuple[Any, ...] = ()
        self.link_columns: tuple[Any, ...] = ()
        self.task_keys: Sequence[str] = ()
        self.task_names: Sequence[str] = ()

    def project(self, objects: bool = True) -> Project:
        """The whole plan; without `objects`, its tasks and links are made only when asked for, one by
        one (a plan read to be shown, not edited: see domain.column_rows). Every check runs either way."""
        rowid, (pid,), (name,), (start,), (status_date,), (author,), (default,), (level,), (no_notes,), (must,), \
            (secret,), (supplied,), (sent,), (written,) = self.columns(
                "plan", "id, name, start, status_date, author, default_calendar, partner_level, "
                "partner_without_notes, must_finish_by, secret, supplied, sent_copies, partner_texts")
        project = Project(name=name, start=self.date(start), status_date=self.date(status_date), author=author,
                          id=pid, partner_level=None if level is None else Classification(level),
                          partner_without_notes=bool(no_notes), must_finish_by=self.date(must),
                          secret=None if secret is None else bytes(secret),
                          supplied=self.recorded(rowid[0], "supplied", read_supplied(supplied)),
                          sent_copies=self.sent_copies(rowid[0], sent),
                          partner_texts=self.recorded(rowid[0], "partner_texts", read_partner_texts(written)))
        project.calendars, calendar_ids = self.calendars()
        project.default_calendar_id = self.resolve("plan", "default_calendar", rowid, (default,), calendar_ids,
                                                   "calendar")[0]
        project.participants, participant_ids = self.participants()
        tasks, task_ids = self.tasks(participant_ids, calendar_ids)
        links = self.links(task_ids)
        if objects:
            project.tasks, project.links = tasks.by_id(), links.by_id()
        else:  # read-only mappings that make an object only when one is asked for (domain.column_rows)
            project.tasks, project.links = cast(dict[str, Task], tasks.rows()), cast(dict[str, Link], links.rows())
        project.baselines = self.baselines(project.tasks)
        project.signature = self.signature()
        return project

    def participants(self) -> tuple[dict[str, Participant], RowIds]:
        """Participants by id, and their ids by row number."""
        nums, ids, keys, names, kinds, joined, precisions, urls, notes, colors, levels = self.columns(
            "participants", "id, key, name, kind, joined, joined_precision, source_url, notes, color, classification")
        bad = next((i for i, color in enumerate(colors) if color and not is_color(color)), None)
        if bad is not None:  # drawing ignores one, but a plan never holds one (saving refuses it)
            raise self.fail("participants", nums[bad], "color", f"'{colors[bad][:40]}' is not a colour ({COLOR_HINT})")
        objects = map(Participant, keys, names, map(_PARTICIPANT, kinds), map(self.date, joined),
                      map(_PRECISION, precisions), urls, notes, colors, ids, map(_CLASSIFICATION, levels))
        return self.by_id("participants", nums, ids, objects), RowIds(nums, ids)

    def calendars(self) -> tuple[dict[str, Calendar], RowIds]:
        """Calendars by id with their exceptions, and their ids by row number."""
        nums, ids, names, weekdays = self.columns("calendars", "id, name, weekdays")
        calendars = self.by_id("calendars", nums, ids, (Calendar(name, tuple(d == "1" for d in days), [], id=cid)
                                                        for cid, name, days in zip(ids, names, weekdays)))
        by_num = dict(zip(nums, ids))
        rowids, owners, names, starts, finishes, working = self.columns(
            "calendar_exceptions", "calendar, name, start, finish, working")
        for rowid, owner, name, start, finish, worked in zip(rowids, owners, names, starts, finishes, working):
            if owner not in by_num:
                raise self.fail("calendar_exceptions", rowid, "calendar", f"row {owner} is not a calendar of the plan")
            calendars[by_num[owner]].exceptions.append(
                CalendarException(name, self.date(start), self.date(finish), bool(worked)))
        return calendars, RowIds(nums, ids)

    def tasks(self, participant_ids: RowIds, calendar_ids: RowIds) -> tuple[ObjectColumns[Task], RowIds]:
        """The tasks' columns, checked (parents, owners and calendars resolved from row numbers, ids
        unique, no loop in the WBS), ready to become objects; and their ids by row number."""
        (nums, ids, keys, names, durations, kinds, parents, positions, owners, constraints, constraint_dates,
         deadlines, actual_starts, actual_finishes, percents, precisions, optimistic, most_likely, pessimistic,
         classifications, urls, notes, calendars, elapsed, key_flags, confidences, source_dates, alap,
         manual, manual_starts, manual_day_ends) = self.columns("tasks", _TASK_COLUMNS, {"kind": _KIND_VALUES})
        task_ids = RowIds(nums, ids)
        self.task_keys, self.task_names = keys, names  # to name the tasks of a link refused
        owner_ids = self.resolve("tasks", "owner", nums, owners, participant_ids, "participant")
        task_calendars = self.resolve("tasks", "calendar", nums, calendars, calendar_ids, "calendar")
        parent_places = self.places("tasks", "parent", nums, parents, task_ids, "task")
        parent_ids = LaterColumn(lambda: task_ids.ids_at(parent_places))  # as objects need them
        self.task_columns = (parent_places, durations, task_calendars, elapsed,
                             (constraints, alap, deadlines, actual_starts, actual_finishes, manual))
        self.check_unique("tasks", nums, ids)
        loop = find_parent_loop(dict(zip(ids, parent_ids))) if some_chain_loops(parent_places, len(nums)) else None
        if loop:
            rowid, key = nums[ids.index(loop[0])], dict(zip(ids, keys))
            raise self.fail("tasks", rowid, "parent", "the WBS places tasks under themselves: "
                            + " → ".join(key[t] for t in loop + loop[:1]))
        d = self.date
        fields: list[Field] = [
            (None, (keys,)), (None, (names,)), (None, (durations,)), (_KINDS.__getitem__, (kinds,)), (None, (ids,)),
            (None, (parent_ids,)), (None, (positions,)), (None, (owner_ids,)), _constraint_field(constraints, alap),
            (d, (constraint_dates,)), (d, (deadlines,)), (d, (actual_starts,)), (d, (actual_finishes,)),
            (None, (percents,)), (_PRECISION, (precisions,)), (None, (optimistic,)), (None, (most_likely,)),
            (None, (pessimistic,)), (_CLASSIFICATION, (classifications,)), (None, (urls,)), (None, (notes,)),
            (None, (task_calendars,)), (bool, (elapsed,)), (bool, (key_flags,)), (_CONFIDENCE, (confidences,)),
            (d, (source_dates,)), (bool, (manual,)), (d, (manual_starts,)), (bool, (manual_day_ends,))]
        return ObjectColumns(Task, _TASK_FIELDS, fields, ids), task_ids

    def links(self, task_ids: RowIds) -> ObjectColumns[Link]:
        """The links' columns, checked (ends resolved from task row numbers, ids unique), ready to become objects."""
        nums, ids, preds, succs, types, lags, elapsed = self.columns("links", "id, pred, succ, type, lag, elapsed",
                                                                     {"type": _LINK_VALUES})
        pred = self.places("links", "pred", nums, preds, task_ids, "task")
        succ = self.places("links", "succ", nums, succs, task_ids, "task")
        self.check_unique("links", nums, ids)
        keep = self._one_link_per_pair(nums, ids, pred, succ)
        if keep is not None:  # a repair: the second of two links between two tasks left out
            nums, ids, types, lags, elapsed = (_kept(column, keep) for column in (nums, ids, types, lags, elapsed))
            pred, succ = pred[keep], succ[keep]
        self.link_columns = pred, succ, types, lags, elapsed
        fields: list[Field] = [(None, (LaterColumn(lambda: task_ids.ids_at(pred)),)),
                               (None, (LaterColumn(lambda: task_ids.ids_at(succ)),)),
                               (_LINKS.__getitem__, (types,)), (None, (lags,)), (None, (ids,)), (bool, (elapsed,))]
        return ObjectColumns(Link, _LINK_FIELDS, fields, ids)

    def _one_link_per_pair(self, rowids: Sequence[Any], ids: Sequence[Any], pred: np.ndarray,
                           succ: np.ndarray) -> np.ndarray | None:
        """Refuse a second link between the same two tasks: every way into a plan refuses one, and
        the plan's own CSV export (one Predecessors entry per link) could not be imported back. Merges
        made before that rule wrote some: a repair (store/repair.py) keeps the first of each and
        records the others; the links it keeps are returned as a mask (None: every link kept)."""
        pairs = pred.astype(np.int64) * (len(self.task_keys) + 1) + succ
        ordered = np.sort(pairs)  # a tenth of np.unique's time: 10 ms on 200,000 links
        if not (ordered[1:] == ordered[:-1]).any():
            return None
        first: dict[int, int] = {}
        repeats = [i for i, pair in enumerate(pairs.tolist()) if first.setdefault(pair, i) != i]
        named = [(later, first[int(pairs[later])]) for later in repeats]
        if getattr(self.mend, "drops_repeated_links", False):
            for later, earlier in named:
                said = f"link {ids[later]} left out: {self._pair(later, pred, succ)} through link {ids[earlier]} " \
                    f"(row {rowids[earlier]}) already"
                self.mend.removals.append(Removal("links", rowids[later], "pred", "", (), said))  # type: ignore[union-attr]
            keep = np.ones(len(pairs), bool)
            keep[repeats] = False
            return keep
        later, earlier = named[0]
        hint = LINKS_REPAIR_HINT.format(path=shlex.quote(str(self.path)))
        raise self.fail("links", rowids[later], "pred", f"link {ids[later]} and link {ids[earlier]} (row "
                        f"{rowids[earlier]}) both make {self._pair(later, pred, succ)}; a plan holds one dependency "
                        f"between two tasks; {hint}")

    def _pair(self, at: int, pred: np.ndarray, succ: np.ndarray) -> str:
        """'task 'B' (Build) depend on task 'A' (Design)': the tasks of the link at `at`, by key and name."""
        task = [f"'{self.task_keys[place]}' ({self.task_names[place]})" for place in (succ[at], pred[at])]
        return f"task {task[0]} depend on task {task[1]}"

    def baselines(self, tasks: dict[str, Task]) -> list[Baseline]:
        """Baselines in file order, with their entries; entries may name tasks deleted since."""
        nums, ids, names, as_of, notes, prev_hashes, levels = self.columns(
            "baselines", "id, name, as_of, notes, prev_hash, classification")
        self.by_id("baselines", nums, ids, ids)
        entries: dict[int, dict[Any, Any]] = {num: {} for num in nums}
        rowids, owners, task_ids, starts, finishes, precisions, moments = self.columns(
            "baseline_entries", "baseline, task_id, start, finish, precision, moments")
        # Entries share the tasks' id strings (less memory); a plan without entries needs no table for it.
        known, d = dict(zip(tasks, tasks)) if rowids else {}, self.date
        kinds: dict[tuple[str, int], type[KeptEntry]] = {}  # how an entry was read -> its class
        for rowid, owner, task_id, start, finish, precision, moment in zip(rowids, owners, task_ids, starts,
                                                                          finishes, precisions, moments):
            spans = entries.get(owner)
            if spans is None:
                raise self.fail("baseline_entries", rowid, "baseline", f"row {owner} is not a baseline of the plan")
            if task_id in spans:
                raise self.fail("baseline_entries", rowid, "task_id", f"task {task_id} has two entries")
            if finish < start:  # ISO text compares as the dates do; a bar cannot end before it begins
                raise self.fail("baseline_entries", rowid, "finish", _backwards(tasks, task_id, start, finish))
            span = (d(start), d(finish))
            if precision is not None:  # how it was read when taken, when the file keeps it
                kind = kinds.get((precision, moment)) or kinds.setdefault(
                    (precision, moment), entry_kind(_PRECISION(precision), moment or 0))
                span = kind(span)
            spans[known.get(task_id, task_id)] = span
        return [Baseline(name=name, as_of=d(day), entries=entries[num], notes=note, id=bid, prev_hash=prev_hash,
                         classification=_CLASSIFICATION(level))
                for num, bid, name, day, note, prev_hash, level in zip(nums, ids, names, as_of, notes, prev_hashes,
                                                                        levels)]

    def sent_copies(self, rowid: int, text: str) -> tuple[SentCopy, ...]:
        """The partner copies the plan records having written; a record it never wrote is refused by name."""
        return self.recorded(rowid, "sent_copies", read_sent_copies(text))

    def recorded(self, rowid: int, column: str, read: _Read | str) -> _Read:
        """A record of the plan row as read, refused by name when it is what is wrong with it (a sentence)."""
        if isinstance(read, str):
            raise self.fail("plan", rowid, column, read)
        return read

    def signature(self) -> PlanSignature | None:
        """The plan's signature, if it was signed."""
        columns = self.columns("signature", "signer, public_key, signature, content_hash, signed_at, sent_copies")
        if not columns[0]:
            return None
        rowid, *row = (column[0] for column in columns)
        return signature_of(row, lambda problem: self.fail("signature", rowid, "sent_copies", problem))


def _backwards(tasks: dict[str, Task], task_id: str, start: str, finish: str) -> str:
    """What is wrong with a baseline entry that finishes before it starts, naming the task and the dates."""
    task = tasks.get(task_id)
    named = f"task '{task.key}' ({task_id})" if task is not None else f"task {task_id} (deleted since)"
    return f"{named}'s baseline finish {finish} is before its start {start}"


_TASK_COLUMNS = ("id, key, name, duration, kind, parent, position, owner, constraint_type, constraint_date, "
                 "deadline, actual_start, actual_finish, percent_complete, precision, optimistic, most_likely, "
                 "pessimistic, classification, source_url, notes, calendar, elapsed, key_milestone, confidence, "
                 "source_date, alap, manual, manual_start, manual_start_at_day_end")


def _constraint_field(stored: Sequence[str], alap: Sequence[int]) -> Field:
    """The constraint field as the rows hold it: As Late As Possible is a flag beside 'ASAP' (schema
    version 6), so without any flag set the stored text alone gives it."""
    if isinstance(alap, Repeated) and not alap.value:
        return _CONSTRAINT, (stored,)
    return _constraint_of, (stored, alap)


def _constraint_of(stored: str, alap: int) -> ConstraintType:
    return _ALAP if alap else _CONSTRAINT(stored)


def _kept(column: Sequence[Any], keep: np.ndarray) -> Sequence[Any]:
    """The rows of `column` that `keep` marks, in order."""
    if isinstance(column, Repeated):
        return Repeated(column.value, int(keep.sum()))
    if isinstance(column, np.ndarray):
        return column[keep]
    return list(compress(column, keep.tolist()))

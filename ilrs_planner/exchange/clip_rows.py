"""Pasted rows (field -> cell) made tasks, and the links their Predecessors cells name (exchange/clip_sheet):
a cell is read as the task table reads typing into it; one that cannot be read refuses the whole paste,
naming its line and column."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..domain import ConstraintType, Link, PlannerError, Precision, Project, Task, TaskKind, fresh_ids, parse_duration
from ..domain import parse_fuzzy_date as fuzzy_date
from ..domain.dates import MAX_YEAR, MIN_YEAR
from ..domain.durations import is_elapsed, units_for
from ..domain.numbered_keys import NumberedKeys
from ..domain.text import TEXT_LIMITS, clean
from ..engine.finish_duration import duration_finishing_on
from .clip_format import TaskCopy
from .msp_values import CONSTRAINT_NAMES, finish_shift
from .predecessors import parse_entry

NEW_TASK_DAYS = 1  # a row without a duration lasts a day, as a task added in the window does


class PastedRows:
    """Turns the records (field -> cell) into tasks and the links their Predecessors cells name."""

    def __init__(self, project: Project, first_line: int):
        self.project, self.first_line = project, first_line
        self.units = units_for(project.default_calendar())
        self.keys = {task.key for task in project.tasks.values()}
        self.numbered_keys = NumberedKeys(self.keys)  # "A-2", "A-3" for rows keyed "A" the plan has
        self.ids = fresh_ids()  # drawn in bulk: a UUID made per row and per link was a tenth of a paste of 10,000
        self.numbered = {"T": 1, "M": 1}  # the lowest number that may be free after each prefix (keys only come)
        self.pinned = {ConstraintType.SNET: 0, ConstraintType.FNET: 0}  # rows a typed date constrains
        self.left_out: list[tuple[int, str]] = []  # (line, entry): predecessors naming no row and no task

    def unlinked(self) -> list[str]:
        """The note naming the predecessors no pasted row and no task of the plan answers to."""
        if not self.left_out:
            return []
        named = ", ".join(f"'{entry}' (line {line})" for line, entry in self.left_out[:5])
        more = f" and {len(self.left_out) - 5:,} more" if len(self.left_out) > 5 else ""
        return [f"predecessors {named}{more} left out: no pasted row has that ID and no task of this plan that key"]

    def constrained(self) -> list[str]:
        """The note that pasted dates became constraints, as a planner would not otherwise see it."""
        said = {ConstraintType.SNET: ("start", "starts"), ConstraintType.FNET: ("finish", "finishes")}
        return [f"{count} {said[kind][count > 1]} pasted as {CONSTRAINT_NAMES[kind]}"
                for kind, count in self.pinned.items() if count]

    def copy_of(self, records: list[dict[str, str]]) -> TaskCopy:
        tasks = [self._task(record, line) for line, record in enumerate(records, start=self.first_line)]
        refs = self._references(records, tasks)
        known = set(refs)  # once: made per row, the plan's 100,000 keys made a paste of thousands take minutes
        links = [link for line, (task, record) in enumerate(zip(tasks, records, strict=True), start=self.first_line)
                 for link in self._links(task, record.get("predecessors", ""), refs, known, line)]
        return TaskCopy(tuple(tasks), tuple(links))

    def _task(self, record: dict[str, str], line: int) -> Task:
        name = self._text(record, "name", line)
        if not name:
            raise _bad(line, "Name", "a task needs a name")
        task = Task(key="", name=name, duration=NEW_TASK_DAYS, notes=self._text(record, "notes", line),
                    id=next(self.ids))
        self._timing(task, record, line)
        if task.constraint in self.pinned:
            self.pinned[task.constraint] += 1
        if record.get("deadline"):
            task.deadline = self._date(record["deadline"], line, "Deadline", end=True)[0]
        task.kind = TaskKind.MILESTONE if task.duration == 0 else TaskKind.TASK
        task.key = self._key(self._text(record, "key", line), task)
        return task

    def _timing(self, task: Task, record: dict[str, str], line: int) -> None:
        """Duration, Start and Finish as the table takes them: a Start is a Start No Earlier Than; a
        Finish gives the duration from a Start, and with no Start it is a Finish No Earlier Than."""
        duration, start, finish = (record.get(f, "") for f in ("duration", "start", "finish"))
        if duration:
            task.duration, task.elapsed = self._duration(duration, line), is_elapsed(duration)
        first = None
        if start:
            first, task.precision = self._date(start, line, "Start")
            task.constraint, task.constraint_date = ConstraintType.SNET, first
        if finish and not (start and duration):
            last, precision = self._date(finish, line, "Finish", end=True)
            if first is None:  # stored as the day after the last day of work, the finish the scheduler reads
                stored = last + timedelta(days=finish_shift(task.duration, False))
                if stored.year > MAX_YEAR:  # the plan file could not hold it: every later save would fail
                    held = date(MAX_YEAR, 12, 31) - timedelta(days=finish_shift(task.duration, False))
                    typed = f"'{finish}'" + ("" if finish == last.isoformat() else f" (to {last})")
                    raise _bad(line, "Finish", f"{typed} is after {held}, the last finish a plan holds for a task "
                               f"with no Start (its dates run from {MIN_YEAR} to {MAX_YEAR})")
                task.constraint, task.constraint_date, task.precision = ConstraintType.FNET, stored, precision
            elif last < first:
                raise _bad(line, "Finish", f"'{finish}' is before the start '{start}'")
            else:
                task.duration = duration_finishing_on(self.project, task, first, last)

    def _duration(self, text: str, line: int) -> int:
        try:
            return parse_duration(text, self.units, rounded=True)
        except PlannerError as error:
            raise _bad(line, "Duration", error.message) from None

    def _date(self, text: str, line: int, column: str, end: bool = False) -> tuple[date, Precision]:
        try:
            return fuzzy_date(text, end=end)
        except PlannerError as error:
            raise _bad(line, column, error.message) from None

    def _text(self, record: dict[str, str], field: str, line: int) -> str:
        text = clean(record.get(field, ""), multiline=field == "notes")
        if len(text) > TEXT_LIMITS[field]:
            raise _bad(line, field.capitalize(), f"{len(text):,} characters; at most {TEXT_LIMITS[field]:,} fit")
        return text

    def _key(self, wanted: str, task: Task) -> str:
        """The key given, or the window's next 'T-n' ('M-n' for a milestone); one the plan has already
        gets a number after it."""
        if not wanted:
            prefix = "M" if task.duration == 0 else "T"
            number = self.numbered[prefix]
            while f"{prefix}-{number}" in self.keys:
                number += 1
            self.numbered[prefix], wanted = number, f"{prefix}-{number}"
        return self.numbered_keys.take(wanted)

    def _references(self, records: list[dict[str, str]], tasks: list[Task]) -> dict[str, str]:
        """What a Predecessors entry may name -> task id: the plan's keys, the rows' keys, the rows' IDs."""
        refs = {task.key: task.id for task in self.project.tasks.values()}
        refs.update({record["key"]: task.id for record, task in zip(records, tasks, strict=True) if record.get("key")})
        has_ids = any(record.get("id") for record in records)
        refs.update({(record.get("id", "") if has_ids else str(row)): task.id
                     for row, (record, task) in enumerate(zip(records, tasks, strict=True), start=1)})
        refs.pop("", None)
        return refs

    def _links(self, task: Task, text: str, refs: dict[str, str], known: set[str], line: int) -> list[Link]:
        if not text:
            return []
        entries = []
        for written in filter(None, (part.strip() for part in re.split(r"[;,]", text))):
            try:
                entries.append(parse_entry(written, known, self.units))
            except PlannerError as error:
                if error.code != "link.unknown_task":
                    raise _bad(line, "Predecessors", error.message) from None
                # A row copied from a table names its predecessors outside the copy by their IDs there:
                # the rest is pasted, and the links left out are named.
                self.left_out.append((line, written))
        links: dict[str, Link] = {}
        for entry in entries:
            if refs[entry.ref] == task.id:
                raise _bad(line, "Predecessors", f"'{entry.ref}' is the row itself")
            pred = refs[entry.ref]
            links[pred] = Link(pred, task.id, entry.type, entry.lag, next(self.ids), entry.elapsed)
        return list(links.values())


def _bad(line: int, column: str, message: str) -> PlannerError:
    return PlannerError("paste.bad_cell", f"Pasted line {line}, {column}: {message}; nothing was pasted")

"""The roadmap's structure (roadmap.toml) joined with its facts: one TaskSpec per task of the plan."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ..domain import LinkType, PlannerError, Precision, parse_fuzzy_date, reference_id
from ..domain.task_mode import parse_task_mode
from .facts import Fact, Window, announced_window, facts_by_base, read_data_toml

ROADMAP_FILE = "roadmap.toml"

_AFTER = re.compile(r"^(?P<key>[\w-]+)(?:\s+(?P<type>FS|SS|FF|SF)(?P<lag>[+-]\d+)?)?$")


def stable_id(kind: str, name: str) -> str:
    """The fixed id of a reference-roadmap object (task, link, participant, baseline): derived from keys, not
    random, so every copy of the reference roadmap gives a task the same id, and plans that partners start
    from it merge task by task later on."""
    return reference_id(kind, name)


@dataclass(frozen=True, slots=True)
class After:
    """A predecessor as written in roadmap.toml: 'luna-27 SS+1461'."""

    key: str
    type: LinkType = LinkType.FS
    lag: int = 0


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """One task of roadmap.toml with the fact rows that carry its dates and history."""

    key: str
    name: str
    kind: str
    owner: str
    parent: str | None
    rows: tuple[Fact, ...]  # oldest statement first; actual-event rows last
    duration: int | None
    actual_finish: date | None
    window: Window | None  # the current plan's own dates, replacing the latest statement's
    implied: Window | None  # dates implied by a latest statement that names no year
    after: tuple[After, ...]
    classification: str
    precision: str | None
    source: str
    notes: str
    key_milestone: bool = False
    # Another official's different figure for the same item, on the same footing as the plan's: kept
    # out of the plan's dates and history (it is not a change of plan) and shown as an alternative.
    alternatives: tuple[Fact, ...] = ()
    confidence: str | None = None  # sourced / inferred / assumption; None: not stated
    source_date: date | None = None  # the date of the cited source
    # Progress at the plan's status date of work under way that no fact row dates (its start is the
    # day its first recorded step happened), as the Update progress flow records it.
    actual_start: date | None = None
    percent_complete: int = 0
    manual: bool = False  # MS Project's Task Mode: a manual task keeps its start whatever its predecessors say

    @property
    def current(self) -> Fact | None:
        """The row the current plan follows: the latest statement (or the actual event)."""
        return self.rows[-1] if self.rows else None

    def dates_of(self, row: Fact) -> Window | None:
        """What a row says about dates; the latest one borrows `implied` when it names no year."""
        if row.window is None and row is self.current:
            return self.implied
        return row.window


def _after(text: str, key: str) -> After:
    match = _AFTER.match(text.strip())
    if not match:
        raise PlannerError("task.bad_value",
                           f"roadmap task '{key}': predecessor '{text}' is not 'KEY [SS+N]'", [key])
    return After(match["key"], LinkType(match["type"] or "FS"), int(match["lag"] or 0))


def _window(pair: list[str] | None) -> Window | None:
    return announced_window(*pair) if pair else None


def _rows(entry: dict, grouped: dict[str, list[Fact]]) -> tuple[Fact, ...]:
    bases = entry.get("facts", [entry["key"]] if entry["key"] in grouped else [])
    excluded = set(entry.get("exclude", [])) | set(entry.get("alternatives", []))
    known = {row.id for base in bases for row in grouped.get(base, [])}
    missing = [b for b in bases if b not in grouped] + sorted(excluded - known)
    if missing:
        raise PlannerError("task.bad_value", f"roadmap task '{entry['key']}' names no fact row '{missing[0]}'",
                           [entry["key"]])
    rows = [row for base in bases for row in grouped.get(base, []) if row.id not in excluded]
    rows.sort(key=lambda f: (f.known_from is None, f.known_from or date.min))
    return tuple(rows)


def _alternatives(entry: dict, grouped: dict[str, list[Fact]]) -> tuple[Fact, ...]:
    """The rows roadmap.toml names as alternatives, in the order given (checked to exist by _rows)."""
    by_id = {row.id: row for rows in grouped.values() for row in rows}
    return tuple(by_id[row_id] for row_id in entry.get("alternatives", []))


def _source_date(source: str, rows: tuple[Fact, ...]) -> date | None:
    """The date of the latest statement published at the cited address, when it names the day."""
    days = [parse_fuzzy_date(row.announced_on) for row in rows if row.source_url == source and row.announced_on]
    return max((day for day, precision in days if precision is Precision.DAY), default=None)


def _spec(entry: dict, grouped: dict[str, list[Fact]]) -> TaskSpec:
    rows = _rows(entry, grouped)
    source = entry.get("source") or (rows[-1].source_url if rows else "")
    return TaskSpec(
        key=entry["key"], name=entry["name"], kind=entry["kind"], owner=entry["owner"],
        parent=entry.get("parent"), rows=rows, duration=entry.get("duration"),
        actual_finish=entry.get("actual_finish"), window=_window(entry.get("window")),
        implied=_window(entry.get("implied")),
        after=tuple(_after(text, entry["key"]) for text in entry.get("after", [])),
        classification=entry.get("classification", "public"), precision=entry.get("precision"),
        source=source, notes=entry.get("notes", ""), key_milestone=bool(entry.get("key_milestone", False)),
        alternatives=_alternatives(entry, grouped),
        confidence=entry.get("confidence"), source_date=entry.get("source_date") or _source_date(source, rows),
        actual_start=entry.get("actual_start"), percent_complete=int(entry.get("percent_complete", 0)),
        manual=_task_mode(entry),
    )


def _task_mode(entry: dict) -> bool:
    """`task_mode = "manual"` or `"auto"` (the default), or MS Project's words for them."""
    text = entry.get("task_mode", "auto")
    try:
        return parse_task_mode(text if isinstance(text, str) else repr(text))
    except ValueError as error:
        raise PlannerError("task.bad_value", f"roadmap task '{entry['key']}': task_mode {error}",
                           [entry["key"]]) from None


def load_roadmap() -> tuple[dict, list[TaskSpec], dict[str, str]]:
    """The plan header, the task specs in WBS order, and the baseline names by announcement date."""
    data = read_data_toml(ROADMAP_FILE)
    grouped = facts_by_base()
    specs = [_spec(entry, grouped) for entry in data["task"]]
    return data["plan"], specs, dict(data.get("baselines", {}))

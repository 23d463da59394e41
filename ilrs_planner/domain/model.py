"""The plan model: what a planner enters. Dates a scheduler derives live in engine.Schedule, not here."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from operator import attrgetter
from types import MappingProxyType

from .calendar import Calendar, continuous_calendar
from .choices import choices_text
from .enums import (
    Classification,
    Confidence,
    ConstraintType,
    LinkType,
    ParticipantKind,
    Precision,
    TaskKind,
)
from .errors import PlannerError

_POSITION = attrgetter("position")
SECRET_BYTES = 32  # a plan's secret: as long as the HMAC-SHA256 key it is


def new_id() -> str:
    """A fresh stable id. UUIDs, never reused, because merging shared plans matches on them."""
    return uuid.uuid4().hex


@dataclass(slots=True)
class Task:
    """A task, summary task (has children) or milestone (duration 0) in the WBS."""

    key: str
    name: str
    duration: int = 0
    kind: TaskKind = TaskKind.TASK
    id: str = field(default_factory=new_id)
    parent_id: str | None = None
    position: int = 0  # order among siblings; gaps allowed
    owner_id: str | None = None
    constraint: ConstraintType = ConstraintType.ASAP
    constraint_date: date | None = None
    deadline: date | None = None
    actual_start: date | None = None
    actual_finish: date | None = None
    percent_complete: int = 0
    precision: Precision = Precision.DAY
    optimistic: int | None = None
    most_likely: int | None = None
    pessimistic: int | None = None
    classification: Classification = Classification.PUBLIC
    source_url: str = ""
    notes: str = ""
    calendar_id: str | None = None  # None: the plan's default calendar
    elapsed: bool = False  # duration in calendar days whatever the calendar (MS Project's "edays")
    key_milestone: bool = False  # a date the programme is judged by: drawn larger, with a key-date line
    confidence: Confidence | None = None  # None: not stated (see domain/provenance.py for how it is shown)
    source_date: date | None = None  # the date of the source that source_url cites
    # MS Project's Task Mode "Manually Scheduled": the task keeps its start whatever its predecessors
    # say (its manual start, else where its own constraint date or the plan's start puts it); its
    # float is still computed.
    manual: bool = False
    # Where a manual task sits, kept apart from its constraint as MS Project keeps ManualStart beside
    # ConstraintType: the first day it is shown on; None: placed by its constraint (or the plan's start).
    manual_start: date | None = None
    # A manual milestone at the END of its manual start's day (MS Project's 17:00), as one that follows
    # a task finishing that day stands; else at the day's start.
    manual_start_at_day_end: bool = False

    @property
    def is_milestone(self) -> bool:
        return self.duration == 0

    @property
    def has_estimate(self) -> bool:
        return None not in (self.optimistic, self.most_likely, self.pessimistic)


@dataclass(slots=True)
class Link:
    """A dependency: `succ_id` depends on `pred_id` by `type`, offset by `lag` days (negative = lead)."""

    pred_id: str
    succ_id: str
    type: LinkType = LinkType.FS
    lag: int = 0
    id: str = field(default_factory=new_id)
    elapsed: bool = False  # lag in calendar days (MS Project's "edays"), else working days of the successor


@dataclass(slots=True)
class Participant:
    """A member state, agency, international organisation or institution."""

    key: str
    name: str
    kind: ParticipantKind = ParticipantKind.COUNTRY
    joined: date | None = None  # agreement signed
    joined_precision: Precision = Precision.DAY
    source_url: str = ""
    notes: str = ""
    color: str = ""  # '#rrggbb' for the Gantt legend; empty = derived from the key
    id: str = field(default_factory=new_id)
    # Who may know this participant takes part: a partner copy below it leaves the participant out.
    classification: Classification = Classification.PUBLIC


@dataclass(frozen=True, slots=True)
class Baseline:
    """An immutable named snapshot of every task's (start, finish) as known on `as_of`."""

    name: str
    as_of: date
    entries: Mapping[str, tuple[date, date]]  # task id -> (start, finish)
    notes: str = ""
    id: str = field(default_factory=new_id)
    prev_hash: str = ""  # hash of the previous baseline in the chain (signed-plan history)
    # Who may see this snapshot: a partner copy below it leaves the whole baseline out.
    classification: Classification = Classification.PUBLIC

    def __post_init__(self) -> None:
        object.__setattr__(self, "entries", MappingProxyType(dict(self.entries)))

    def __reduce__(self) -> tuple[type[Baseline], tuple[object, ...]]:
        # A read-only mapping cannot be pickled or deep-copied; rebuild from a plain dict instead
        # (plan snapshots for undo tests and worker processes copy baselines this way).
        return (Baseline, (self.name, self.as_of, dict(self.entries), self.notes, self.id, self.prev_hash,
                           self.classification))


@dataclass(frozen=True, slots=True)
class PlanSignature:
    """An Ed25519 signature over the canonical serialisation of a plan's content."""

    signer: str  # the key's display name, e.g. "SUPARCO planning"
    public_key: bytes  # raw 32-byte Ed25519 public key
    signature: bytes
    content_hash: str  # hex SHA-256 of the canonical content that was signed
    signed_at: str  # ISO timestamp (UTC)


@dataclass(frozen=True, slots=True)
class SentCopy:
    """A partner copy written from a plan, as the plan's owner recorded it: the copy's own plan id (drawn
    fresh for every copy), the level it was made for, whether it left notes out, and the day it was
    written. A merge of the partner's edits reads what they were sent from this, never from their file."""

    copy_id: str
    level: Classification
    without_notes: bool
    written: date


@dataclass(slots=True)
class Project:
    """One plan: tasks in a WBS, links, participants and baselines, plus plan-level facts."""

    name: str
    start: date
    status_date: date | None = None
    author: str = ""
    id: str = field(default_factory=new_id)
    tasks: dict[str, Task] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    participants: dict[str, Participant] = field(default_factory=dict)
    baselines: list[Baseline] = field(default_factory=list)
    signature: PlanSignature | None = None
    calendars: dict[str, Calendar] = field(default_factory=dict)
    default_calendar_id: str | None = None  # None: the 7-day Continuous calendar
    # A partner copy (`redact`, Export for partner) records the level it was made for and whether it
    # left notes out, so a merge of the partner's edits knows what they could not see. None: a plan of
    # one's own.
    partner_level: Classification | None = None
    partner_without_notes: bool = False
    # Primavera P6's project "Must Finish By": late dates are counted back from the end of this day
    # rather than from the latest early finish (see engine.cpm). None: from the latest early finish.
    must_finish_by: date | None = None
    # A random key kept in the owner's plan file only, never in a partner copy: what the ids of a
    # copy's links over withheld work are keyed on (sharing/bridge_ids.py), so a partner who guesses
    # a withheld task cannot recompute one. Not content: not compared, signed, diffed or merged.
    # None until the plan is first saved or shared (`own_secret`); a file of format 10 or older has
    # none, nor has a partner copy until its partner first shares it on (`secret_to_save`).
    secret: bytes | None = field(default=None, compare=False, repr=False)
    # The ids of tasks and participants whose name, key or source address a merge took from another plan
    # (a partner's copy): words only they hold are the partner's, so they never make a word of withheld
    # work one a copy may show (sharing/redact_scrub.py). The owner's record, like the secret: not content.
    supplied: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)
    # Digests of the texts (a note, a calendar's name, the plan's name, ...) a merge took from another plan
    # as that plan wrote them, each bound to the place it stands (sharing/partner_texts.py): a copy shows
    # such a text as written while it still reads so, since withholding a word there would tell its writer
    # which of their guesses names withheld work. The owner's record, like the secret: not content.
    partner_texts: frozenset[str] = field(default_factory=frozenset, compare=False, repr=False)
    # The partner copies written from this plan (SentCopy), oldest first: kept in the owner's file only,
    # never in a copy. Not content, like the secret: not compared, signed, diffed or merged.
    sent_copies: tuple[SentCopy, ...] = field(default=(), compare=False, repr=False)

    def own_secret(self) -> bytes:
        """The plan's secret, drawn the first time it is needed (and kept by the next save)."""
        if self.secret is None:
            self.secret = os.urandom(SECRET_BYTES)  # the system's source for keys, as secrets.token_bytes
        return self.secret

    def secret_to_save(self) -> bytes | None:
        """What a save keeps: a plan of one's own gains its secret here; a partner copy keeps only one its
        partner drew (by sharing it on), never one drawn where the copy was made, which its owner would know."""
        return self.secret if self.partner_level is not None else self.own_secret()

    # -- calendars --------------------------------------------------------------------------
    def default_calendar(self) -> Calendar:
        """The calendar of every task that names none."""
        if self.default_calendar_id is None:
            return continuous_calendar()
        return self.calendar(self.default_calendar_id)

    def calendar(self, calendar_id: str) -> Calendar:
        """A calendar by id; an id no calendar has is refused by name."""
        found = self.calendars.get(calendar_id)
        if found is None:
            raise PlannerError("calendar.unknown", f"no calendar has the id '{calendar_id}'", [calendar_id])
        return found

    def calendar_name(self, calendar_id: str | None) -> str:
        """The name of a calendar a row names, or "" for none (or one the plan does not have)."""
        found = self.calendars.get(calendar_id) if calendar_id else None
        return found.name if found else ""

    def task_calendar(self, task: Task) -> Calendar:
        """The calendar a task's duration and incoming lags are counted in."""
        return self.default_calendar() if task.calendar_id is None else self.calendar(task.calendar_id)

    def add_calendar(self, calendar: Calendar) -> Calendar:
        self.calendars[calendar.id] = calendar
        return calendar

    # -- adding -----------------------------------------------------------------------------
    def add_task(self, task: Task) -> Task:
        """Add a task at the end of its parent's children (unless it already has a position)."""
        if task.id in self.tasks:
            raise PlannerError("task.duplicate_key", f"task id {task.id} is already in the plan", [task.id])
        self.tasks[task.id] = task
        return task

    def add_link(self, link: Link) -> Link:
        self.links[link.id] = link
        return link

    def add_participant(self, participant: Participant) -> Participant:
        self.participants[participant.id] = participant
        return participant

    # -- looking up -------------------------------------------------------------------------
    def task_by_key(self, key: str) -> Task:
        """The task with `key`. Keys need not be unique (a partner's plan chooses its own); a key
        several tasks share is refused, naming them: the first of them may not be the one meant."""
        found = [task for task in self.tasks.values() if task.key == key]
        if len(found) == 1:
            return found[0]
        if not found:
            raise PlannerError("task.unknown", f"no task has the key '{key}'", [key])
        named = ", ".join(f"'{task.name}' (id {task.id})" for task in found[:5]) + (", ..." if len(found) > 5 else "")
        raise PlannerError("task.ambiguous_key", f"{len(found)} tasks have the key '{key}': {named}; give each "
                           "its own key to name one", [task.id for task in found])

    def participant_by_key(self, key: str) -> Participant:
        for participant in self.participants.values():
            if participant.key == key:
                return participant
        raise PlannerError("task.unknown", f"no participant has the key '{key}'", [key])

    def numbered_baselines(self) -> list[Baseline]:
        """The baselines in the order they are numbered (1 = the first): oldest "as of" first, baselines of
        one day by name, so the same plan numbers them the same in every listing and every run."""
        return sorted(self.baselines, key=lambda b: (b.as_of, b.name))

    def baseline(self, name: str) -> Baseline:
        """The baseline named `name`, or else numbered `name` ('3': the third of `numbered_baselines`);
        a name that is itself a number is found by that name first."""
        for baseline in self.baselines:
            if baseline.name == name:
                return baseline
        number = name.strip()
        if number.isdigit() and 1 <= int(number) <= len(self.baselines):
            return self.numbered_baselines()[int(number) - 1]
        numbers = f"; or give its number, 1-{len(self.baselines)}" if self.baselines else ""
        raise PlannerError("baseline.unknown", f"no baseline is named '{name}' "
                           f"({choices_text([b.name for b in self.baselines], name, 'baselines')}){numbers}",
                           [name])

    # -- the WBS ----------------------------------------------------------------------------
    def children_map(self) -> dict[str | None, list[str]]:
        """Parent id -> child ids in display order (None holds the top level)."""
        # One stable sort of every task by position keeps siblings in display order (ties in
        # plan order); a sort per parent with a lookup per task cost more at 100,000 tasks.
        children: dict[str | None, list[str]] = {}
        for task in sorted(self.tasks.values(), key=_POSITION):
            children.setdefault(task.parent_id, []).append(task.id)
        return children

    def with_descendants(self, ids: Iterable[str]) -> set[str]:
        """These tasks (those that exist) and every task below them in the outline."""
        children = self.children_map()
        found: set[str] = set()
        stack = [tid for tid in ids if tid in self.tasks]
        while stack:
            tid = stack.pop()
            if tid not in found:
                found.add(tid)
                stack.extend(children.get(tid, []))
        return found

    def walk(self) -> Iterator[tuple[Task, int]]:
        """Every task in WBS order (pre-order) with its outline depth (0 = top level)."""
        children, tasks = self.children_map(), self.tasks
        stack = [(tid, 0) for tid in reversed(children.get(None, []))]
        pop, push = stack.pop, stack.extend
        while stack:
            tid, depth = pop()
            yield tasks[tid], depth
            below = children.get(tid)
            if below:  # most tasks are leaves: nothing to push
                push(zip(reversed(below), repeat(depth + 1)))

    def is_summary(self, task_id: str) -> bool:
        return any(t.parent_id == task_id for t in self.tasks.values())

    def summary_ids(self) -> set[str]:
        return {t.parent_id for t in self.tasks.values() if t.parent_id is not None}

    def next_position(self, parent_id: str | None) -> int:
        positions = [t.position for t in self.tasks.values() if t.parent_id == parent_id]
        return max(positions, default=-1) + 1

"""The parts of a plan a planner enters: tasks, links, participants, baselines, the plan's signature and
the partner copies sent from it. The plan holding them is domain.model.Project."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from .enums import (
    Classification,
    Confidence,
    ConstraintType,
    LinkType,
    ParticipantKind,
    Precision,
    TaskKind,
)
from .ids import new_id


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
    # The plan's records of partner copies sent when it was signed: how many, and their digest
    # (sharing/signed_beside.py). Copies recorded after signing follow them, not covered until it is signed again.
    sent_count: int = 0
    sent_digest: str = ""


@dataclass(frozen=True, slots=True)
class SentCopy:
    """A partner copy written from a plan, as the plan's owner recorded it: the copy's own plan id (drawn
    fresh for every copy), the level it was made for, whether it left notes out, and the day it was
    written. A merge of the partner's edits reads what they were sent from this, never from their file."""

    copy_id: str
    level: Classification
    without_notes: bool
    written: date

"""The plan model: what a planner enters. Dates a scheduler derives live in engine.Schedule, not here.

The plan's parts (Task, Link, Participant, Baseline, PlanSignature, SentCopy) are in domain/plan_parts.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from operator import attrgetter

from .calendar import Calendar, continuous_calendar
from .choices import choices_text
from .enums import Classification
from .errors import PlannerError
from .ids import new_id
from .plan_parts import Baseline, Link, Participant, PlanSignature, SentCopy, Task

__all__ = ["SECRET_BYTES", "PlanSignature", "Project"]

_POSITION = attrgetter("position")
SECRET_BYTES = 32  # a plan's secret: as long as the HMAC-SHA256 key it is


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

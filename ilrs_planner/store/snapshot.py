"""A copy of a plan taken a part at a time, to be written elsewhere while the plan is still edited.

Writing a 100,000-task plan takes most of a second, nearly all of it spent on the file rather
than on reading the plan: so a recovery copy is written on a thread of its own, from a copy of the
plan as it was at one moment. Taking that copy is all that must happen where the plan is edited,
and it is taken in steps (`take_snapshot` yields after each, under 10 ms apiece), so whoever drives
it can let other work run in between. The caller makes sure no edit falls between two steps of
one copy (else it starts again), so every value comes from the same moment.

A step reads the field values of a run of tasks or links, one object after another, into a flat
list, with a function compiled as the writer's own row functions are (packer.py), and keeps them
as a numpy array of objects: about 0.8 µs a task in all. Not a tuple per object, nor one long
list: the garbage collector walks every tuple holding an enum member and every item of a list at
each of its passes, 100-250 ms over a large plan's values, landing on whatever the window does
next; it never looks into a numpy array. The objects are made again from the values only by
`PlanSnapshot.project()`, on the writing thread. Baselines and signatures are immutable and
shared; a calendar's exceptions are never changed in place (commands replace the list, see
commands/calendars.py), so only the list is copied.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass, fields
from functools import lru_cache
from itertools import chain, starmap
from typing import Any

import numpy as np

from ..domain import Baseline, Calendar, Link, Participant, PlanSignature, Project, Task
from .gcpause import gc_paused
from .packer import fields_into

ROWS_PER_STEP = 10_000  # tasks or links read in one step: under 10 ms on a slow, busy machine


@dataclass(frozen=True, slots=True)
class ObjectRows:
    """The objects of one of the plan's dicts as they were: their keys, and their field values (all of
    the first object's fields in order, then the second's, ...), a run of objects to an array."""

    keys: np.ndarray  # of str, in the dict's order
    values: list[np.ndarray]

    def objects(self, make: type) -> dict[str, Any]:
        """The objects made again, filed under the same keys (in the same order)."""
        values = chain.from_iterable(self.values)
        rows = zip(*[values] * len(_field_names(make)))  # in C: one tuple reused per object
        return dict(zip(self.keys, starmap(make, rows)))


@dataclass(frozen=True, slots=True)
class PlanSnapshot:
    """A plan's content at one moment, independent of the plan (which may change after)."""

    plan: dict[str, Any]  # the Project's own fields (name, dates, ...), by name
    tasks: ObjectRows
    links: ObjectRows
    participants: ObjectRows
    calendars: dict[str, Calendar]
    baselines: list[Baseline]
    signature: PlanSignature | None

    def project(self) -> Project:
        """The plan as it was, as new objects (nothing shared that an edit changes in place)."""
        with gc_paused():  # 300,000 new objects, none of them garbage
            return Project(**self.plan, tasks=self.tasks.objects(Task), links=self.links.objects(Link),
                           participants=self.participants.objects(Participant), baselines=list(self.baselines),
                           signature=self.signature, calendars=dict(self.calendars))


def take_snapshot(project: Project, rows_per_step: int | None = None) -> Generator[None, None, PlanSnapshot]:
    """Copy `project` a step at a time: each `next()` reads at most `rows_per_step` (ROWS_PER_STEP)
    tasks or links; the generator returns the snapshot (StopIteration.value) after the last of them.

    No edit may be made to `project` between the first step and the last (see the module docstring)."""
    per_step = rows_per_step or ROWS_PER_STEP
    plan = {name: getattr(project, name) for name in _PLAN_FIELDS}
    calendars = {key: _calendar_copy(calendar) for key, calendar in project.calendars.items()}
    participants = _rows_at_once(project.participants, Participant)
    tasks = yield from _rows_in_steps(project.tasks, Task, per_step)
    links = yield from _rows_in_steps(project.links, Link, per_step)
    return PlanSnapshot(plan, tasks, links, participants, calendars, list(project.baselines), project.signature)


# The Project's fields that are values, derived so that a field added to Project is not left out of
# recovery copies (its collections and signature are copied object by object above).
_COPIED_APART = frozenset({"tasks", "links", "participants", "baselines", "signature", "calendars"})
_PLAN_FIELDS = tuple(f.name for f in fields(Project) if f.name not in _COPIED_APART)


@lru_cache(maxsize=8)
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def _rows_at_once(objects: dict[str, Any], kind: type) -> ObjectRows:
    return ObjectRows(_keys(objects), [_values(fields_into(_field_names(kind)), list(objects.values()))])


def _rows_in_steps(objects: dict[str, Any], kind: type, per_step: int) -> Generator[None, None, ObjectRows]:
    keys, objects_in_order = _keys(objects), list(objects.values())
    read_into = fields_into(_field_names(kind))
    values: list[np.ndarray] = []
    for first in range(0, len(objects_in_order), per_step):
        values.append(_values(read_into, objects_in_order[first:first + per_step]))
        yield  # this step ends here: let other work run
    return ObjectRows(keys, values)


def _keys(objects: dict[str, Any]) -> np.ndarray:
    return np.fromiter(objects, object, len(objects))


def _values(read_into: Callable[[list[Any], list[Any]], None], objects: list[Any]) -> np.ndarray:
    """The field values of `objects`, one after another, as an array the garbage collector never walks."""
    values: list[Any] = []
    read_into(objects, values)
    return np.fromiter(values, object, len(values))


def _calendar_copy(calendar: Calendar) -> Calendar:
    return Calendar(calendar.name, calendar.weekdays, list(calendar.exceptions), calendar.id)


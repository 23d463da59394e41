"""Task edits: add, delete, set fields, durations and starts, plus the outline moves."""

from __future__ import annotations

import copy
from datetime import date
from operator import attrgetter

from ..domain import Confidence, ConstraintType, Precision, Project, Task, TaskKind
from ..domain.durations import format_days
from ..domain.provenance import shown_confidence
from .base import ChangeSet, Command
from .history_dates import coarsens_history, refuse_finish_over_history, refuse_start_over_history
from .link_ends import placed_links_touching
from .link_journal import link_taken, links_rearranged
from .link_places import Placed, put_back
from .outline import (
    IndentTask,
    OutdentTask,
    Place,
    renumber,
    restore_places,
    siblings,
    task_or_error,
)
from .outline_moves import MoveTaskDown, MoveTaskUp
from .plan_index import index_of
from .task_values import SCHEDULE_FIELDS, TEXT_FIELDS, check_task_consistent, coerce_value

__all__ = [
    "AddTask", "DeleteTasks", "IndentTask", "MoveTaskDown", "MoveTaskStart", "MoveTaskUp",
    "OutdentTask", "SetDuration", "SetPlannedDates", "SetPlannedFinish", "SetPlannedStart", "SetTaskFields",
]


class AddTask(Command):
    """Add `task` under its parent_id, right after `after_id` (a sibling) or at the end."""

    def __init__(self, task: Task, after_id: str | None = None):
        self.task = copy.copy(task)
        self.after_id = after_id
        self.text = self._add_text()
        # The name typed into the task just added is part of adding it, one undo step as MS Project's
        # "Entry": the same key as that task's rename (SetTaskFields), which Qt merges only when it
        # comes straight after (and not across a save).
        self.merge_key = ("task-fields", self.task.id, ("name",))
        self._before: dict[str, Place] = {}

    def _add_text(self) -> str:
        return f"Add {'milestone' if self.task.is_milestone else 'task'} '{self.task.name}'"

    def apply(self, project: Project) -> ChangeSet:
        if self.task.parent_id is not None:
            task_or_error(project, self.task.parent_id)
        check_task_consistent(project, self.task, {name: getattr(self.task, name) for name in TEXT_FIELDS})
        row = siblings(project, self.task.parent_id)
        index = row.index(self.after_id) + 1 if self.after_id in row else len(row)
        kept = index_of(project)
        project.add_task(self.task)
        if kept is not None:
            kept.added(self.task)
        self._before = renumber(project, self.task.parent_id, row[:index] + [self.task.id] + row[index:])
        return self._changes()

    def revert(self, project: Project) -> ChangeSet:
        restore_places(project, self._before)
        kept = index_of(project)
        del project.tasks[self.task.id]
        if kept is not None:
            kept.removed(self.task)
        return self._changes()

    def merge(self, other: Command) -> bool:
        """Take in the name given to the task right after adding it (the plan's task is `self.task`,
        so a redo after an undo adds it under that name)."""
        if not isinstance(other, SetTaskFields) or other.merge_key != self.merge_key:
            return False
        self.text = self._add_text()
        return True

    def _changes(self) -> ChangeSet:
        return ChangeSet(frozenset(self._before), structure=True, dates=True)


class DeleteTasks(Command):
    """Delete tasks with everything under them and every link that touches them."""

    def __init__(self, task_ids: list[str]):
        self.task_ids = list(dict.fromkeys(task_ids))
        self.text = f"Delete {len(self.task_ids)} tasks" if len(self.task_ids) != 1 else "Delete task"
        self._tasks: list[Task] = []
        self._links: Placed = []

    def apply(self, project: Project) -> ChangeSet:
        for tid in self.task_ids:
            task_or_error(project, tid)
        if len(self.task_ids) == 1:
            self.text = f"Delete '{project.tasks[self.task_ids[0]].name}'"
        doomed = _with_descendants(project, self.task_ids)
        self._tasks = [project.tasks[tid] for tid in doomed]
        self._links = placed_links_touching(project, doomed)
        for _place, link in self._links:
            del project.links[link.id]
            link_taken(project, link)
        kept = index_of(project)
        for task in self._tasks:
            del project.tasks[task.id]
            if kept is not None:
                kept.removed(task)
        return ChangeSet(frozenset(doomed), structure=True, dates=True, links=bool(self._links))

    def revert(self, project: Project) -> ChangeSet:
        # The same objects go back, so their places and fields are exactly as before.
        kept = index_of(project)
        for task in self._tasks:
            project.tasks[task.id] = task
            if kept is not None:
                kept.added(task)
        put_back(project.links, self._links)  # each at its place: a successor's predecessors keep their order
        if self._links:
            links_rearranged(project)
        ids = frozenset(t.id for t in self._tasks)
        return ChangeSet(ids, structure=True, dates=True, links=bool(self._links))


def _with_descendants(project: Project, ids: list[str]) -> set[str]:
    """Project.with_descendants, the same set in the same order; tasks with nothing under them (the
    usual deletion) found in one column-wise pass, without ordering the whole outline, or from the
    window's index of its plan."""
    kept = index_of(project)
    if kept is not None and not kept.has_children(ids):
        return set(reversed(ids))
    if any(map(set(ids).__contains__, map(attrgetter("parent_id"), project.tasks.values()))):
        return project.with_descendants(ids)
    return set(reversed(ids))  # with_descendants pops them from the end; every id was checked to exist


def kind_of_duration(task: Task, values: dict[str, object]) -> dict[str, object]:
    """`values` with the kind a new duration gives, as in MS Project: a task given 0 days is a
    milestone (its Kind reads so in the task dialog and CSV, as a roadmap milestone's does), and a
    milestone given days is a task again. Other kinds (a mission, an agreement) stay what they are."""
    days = values.get("duration")
    if days is None or days == task.duration:
        return values
    kind = values.get("kind", task.kind)
    if days == 0 and kind == TaskKind.TASK:
        return values | {"kind": TaskKind.MILESTONE}
    if task.duration == 0 and kind == TaskKind.MILESTONE:
        return values | {"kind": TaskKind.TASK}
    return values


TASK_NAMED = "{task}"  # in a command's text: the task's name, quoted, once the command has found the task


class SetTaskFields(Command):
    """Set any editable fields of one task (name, owner, dates, estimates…) as one step."""

    def __init__(self, task_id: str, text: str | None = None, **fields: object):
        self.task_id = task_id
        self.fields = dict(fields)
        self.text = text or self._default_text()
        self.merge_key = ("task-fields", task_id, tuple(sorted(fields)))
        self._old: dict[str, object] | None = None

    def _default_text(self) -> str:
        names = sorted(self.fields)
        if names == ["name"]:
            return f"Rename to '{self.fields['name']}'"
        return "Edit " + ", ".join(name.replace("_", " ") for name in names)

    def apply(self, project: Project) -> ChangeSet:
        task = task_or_error(project, self.task_id)
        self.text = self.text.replace(TASK_NAMED, f"'{task.name}'")  # the Undo list names the task
        values = kind_of_duration(task, {name: coerce_value(task, name, value) for name, value in self.fields.items()})
        check_task_consistent(project, task, values)
        old = {name: getattr(task, name) for name in values}
        self._set(project, task, values)
        if self._old is None:  # keep the first capture: a merged command reverts to the start
            self._old = old
        else:  # a field the first left alone (a kind a later drag changed) still held its first value
            self._old = old | self._old
        return self._changes()

    def revert(self, project: Project) -> ChangeSet:
        self._set(project, project.tasks[self.task_id], self._old or {})
        return self._changes()

    @staticmethod
    def _set(project: Project, task: Task, values: dict[str, object]) -> None:
        """Give `task` the values (a new key told to the index of the plan kept)."""
        kept = index_of(project) if "key" in values else None
        before = task.key
        for name, value in values.items():
            setattr(task, name, value)
        if kept is not None:
            kept.rekeyed(task.id, before, task.key)

    def merge(self, other: Command) -> bool:
        if not isinstance(other, SetTaskFields) or other.merge_key != self.merge_key:
            return False
        self.fields = dict(other.fields)
        # The undo goes back to every field's first value: one the later step changed alone (the kind
        # a duration typed as 0 gave) was held only by that step.
        self._old = {**(other._old or {}), **(self._old or {})}
        return True

    def _changes(self) -> ChangeSet:
        return ChangeSet(frozenset({self.task_id}), dates=bool(SCHEDULE_FIELDS & set(self.fields)))


class SetDuration(SetTaskFields):
    """Set a task's duration in calendar days (drags of a bar's end merge into one step)."""

    def __init__(self, task_id: str, days: int):
        super().__init__(task_id, text=f"Set duration of {TASK_NAMED} to {format_days(days)}", duration=days)

    def merge(self, other: Command) -> bool:
        merged = super().merge(other)
        if merged:
            self.text = other.text
        return merged


class SetPlannedDates(SetTaskFields):
    """Dates the planner sets (a start or finish typed, a bar dragged). Dates that rested on a source or
    an inference are the planner's from then on, so the same step states the task's confidence as
    `assumption`: a partner must not read the planner's 2031 as the 2029 the source announced (the
    source stays cited, with its date: it says what was announced). History is known as recorded: a
    task with an actual start is never made to read coarser (history_dates), and a finished one keeps
    its confidence too (nothing typed moves its dates)."""

    def apply(self, project: Project) -> ChangeSet:
        task = task_or_error(project, self.task_id)
        if self._old is None and coarsens_history(task, self.fields.get("precision")):
            del self.fields["precision"]
        if self._old is None and "confidence" not in self.fields and shown_confidence(task) in _ANNOUNCED \
                and task.actual_finish is None:
            self.fields["confidence"] = Confidence.ASSUMPTION
        return super().apply(project)

    def merge(self, other: Command) -> bool:
        restated = self.fields.get("confidence")
        if not super().merge(other):
            return False
        if restated is not None:  # the later edit found the task restated already: the step keeps it
            self.fields.setdefault("confidence", restated)
        return True


_ANNOUNCED = frozenset({Confidence.SOURCED.value, Confidence.INFERRED.value})


class SetPlannedStart(SetPlannedDates):
    """Start a task on `day` (a Start typed, a milestone's date typed, a bar dragged): an auto-scheduled
    task by a Start No Earlier Than on it; a manual leaf task on its manual start, where the scheduler
    places it whatever its constraint says (a constraint there would move nothing and stay hidden)."""

    def __init__(self, task_id: str, day: date, precision: Precision, text: str):
        super().__init__(task_id, text=text, constraint=ConstraintType.SNET, constraint_date=day, precision=precision)

    def apply(self, project: Project) -> ChangeSet:
        task = task_or_error(project, self.task_id)
        if self._old is None:
            refuse_start_over_history(task)
        if self._old is None and "constraint_date" in self.fields and _manual_leaf(project, task):
            day = self.fields.pop("constraint_date")
            del self.fields["constraint"]
            self.fields.update(manual_start=day, manual_start_at_day_end=False)
        return super().apply(project)


class SetPlannedFinish(SetPlannedDates):
    """Finish a task on a day (a Finish typed, a bar's end dragged): the duration whose last day it is,
    refused for a task that has finished (its finish is its actual finish)."""

    def apply(self, project: Project) -> ChangeSet:
        if self._old is None:
            refuse_finish_over_history(task_or_error(project, self.task_id))
        return super().apply(project)


def _manual_leaf(project: Project, task: Task) -> bool:
    """Is `task` manually scheduled and no summary (a summary spans its tasks, manual or not)?"""
    if not task.manual:
        return False
    kept = index_of(project)
    return not (kept.has_children([task.id]) if kept is not None else project.is_summary(task.id))


class MoveTaskStart(SetPlannedStart):
    """Move a task's start to `new_start` (what a bar drag does). The planner chose a day, so the task's
    dates are known to the day from then on."""

    def __init__(self, task_id: str, new_start: date):
        super().__init__(task_id, new_start, Precision.DAY, f"Move start of {TASK_NAMED} to {new_start.isoformat()}")
        self.merge_key = ("move-start", task_id)

    def merge(self, other: Command) -> bool:
        if not isinstance(other, MoveTaskStart) or other.merge_key != self.merge_key:
            return False
        self.fields, self.text = {**self.fields, **other.fields}, other.text
        self._old = {**(other._old or {}), **(self._old or {})}  # every field back to its first value
        return True

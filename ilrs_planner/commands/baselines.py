"""Baselines as undoable edits: capture, rename and delete named snapshots of the schedule.

A baseline itself is immutable; renaming replaces it with a copy under the new name (same id and
entries), so a redo after an undo restores exactly the object that was there.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from ..domain import Baseline, Classification, PlannerError, Project
from ..domain.baseline_entry import kept_entry
from ..domain.chain import next_prev_hash
from ..domain.dates import MAX_YEAR, MIN_YEAR
from ..domain.text import check_typed_text
from ..engine.schedule import Schedule
from .base import ChangeSet, Command


def classification_named(level: Classification | str) -> Classification:
    """The classification `level` names, or `task.bad_value` listing the three there are."""
    found = level if isinstance(level, Classification) else Classification.named(level)
    if found is None:
        allowed = ", ".join(member.label.lower() for member in Classification)
        raise PlannerError("task.bad_value", f"a classification is one of {allowed}, not {level!r}")
    return found


def check_baseline_name(project: Project, name: str, ignore_id: str | None = None) -> str:
    """The trimmed name, or `baseline.bad_name` / `baseline.duplicate` naming the problem."""
    clean = (name or "").strip()
    if not clean:
        raise PlannerError("baseline.bad_name", "a baseline needs a name")
    check_typed_text("name", clean, "the baseline")
    for baseline in project.baselines:
        if baseline.name == clean and baseline.id != ignore_id:
            # The code's sentence says the name is taken; this names it once, and what to do.
            raise PlannerError("baseline.duplicate", f"choose a name other than '{clean}'", [baseline.id])
    return clean


def snapshot(project: Project, schedule: Schedule, name: str, as_of: date, notes: str = "") -> Baseline:
    """A baseline holding every scheduled task's early start and early finish."""
    from ..engine.shown_precision import ShownPrecision  # the engine's reading of each task's precision

    shown = ShownPrecision(project, schedule, at_once=True).of
    # Each entry keeps how the plan read it that day, so the baseline reads so whatever the plan says later.
    entries = {tid: kept_entry(dates.early_start, dates.early_finish, shown(tid),
                               int(dates.early_at_day_end) | dates.summary_moments)
               for tid, dates in schedule.tasks.items() if tid in project.tasks}
    return Baseline(name=name, as_of=as_of, entries=entries, notes=notes)


def _current_schedule(project: Project) -> Schedule:
    from ..engine.cpm import (
        schedule,  # imported late: the engine is the scheduler's module
    )

    return schedule(project)


class CaptureBaseline(Command):
    """Capture the current schedule as a new named baseline ("as of" a report date)."""

    def __init__(self, name: str, as_of: date, *, schedule: Schedule | None = None, notes: str = ""):
        self.name = name
        self.as_of = as_of
        self.notes = notes
        self._schedule = schedule  # the document's schedule, when it already has one
        self.baseline: Baseline | None = None
        self.text = f"Capture baseline '{(name or '').strip()}'"

    def apply(self, project: Project) -> ChangeSet:
        if self.baseline is None:  # first apply: take the snapshot; redo re-inserts the same one
            name = check_baseline_name(project, self.name)
            sched = self._schedule or _current_schedule(project)
            # Chained to the newest baseline, so a signed plan's history cannot be rewritten unseen.
            self.baseline = dataclasses.replace(snapshot(project, sched, name, self.as_of, self.notes),
                                                prev_hash=next_prev_hash(project))
            _check_storable(project, self.baseline)
            self._schedule = None  # the snapshot holds what is needed; drop the big object
        else:
            check_baseline_name(project, self.baseline.name)
        project.baselines.append(self.baseline)
        return ChangeSet(baselines=True)

    def revert(self, project: Project) -> ChangeSet:
        assert self.baseline is not None, "revert follows apply"
        baseline_id = self.baseline.id
        project.baselines[:] = [b for b in project.baselines if b.id != baseline_id]
        return ChangeSet(baselines=True)


def _check_storable(project: Project, baseline: Baseline) -> None:
    """A snapshot a plan file can hold: dates of 1900-2200 only. A plan may schedule later (a
    300-year task), but such a baseline would make every later save of the plan fail."""
    for task_id, (start, finish) in baseline.entries.items():
        for day in (start, finish):
            if not MIN_YEAR <= day.year <= MAX_YEAR:
                key = project.tasks[task_id].key if task_id in project.tasks else task_id
                raise PlannerError("baseline.out_of_range",
                                   f"cannot capture '{baseline.name}': task '{key[:60]}' is scheduled into "
                                   f"{day.year}, and a plan file holds dates from {MIN_YEAR} to {MAX_YEAR} only",
                                   [task_id])


def _index_of(project: Project, name: str) -> int:
    for index, baseline in enumerate(project.baselines):
        if baseline.name == name:
            return index
    project.baseline(name)  # raises baseline.unknown listing the names there are
    raise AssertionError("unreachable")


class RenameBaseline(Command):
    """Give a baseline a new name; its dates do not change."""

    def __init__(self, old_name: str, new_name: str):
        self.old_name = old_name
        self.new_name = (new_name or "").strip()
        self.text = f"Rename baseline '{old_name}' to '{self.new_name}'"

    def apply(self, project: Project) -> ChangeSet:
        return self._rename(project, self.old_name, self.new_name)

    def revert(self, project: Project) -> ChangeSet:
        return self._rename(project, self.new_name, self.old_name)

    @staticmethod
    def _rename(project: Project, old: str, new: str) -> ChangeSet:
        index = _index_of(project, old)
        current = project.baselines[index]
        if not new.strip():  # the code's sentence says a name is needed; this says what became of it
            raise PlannerError("baseline.bad_name", f"'{old}' keeps its name", [current.id])
        clean = check_baseline_name(project, new, ignore_id=current.id)
        project.baselines[index] = dataclasses.replace(current, name=clean)
        return ChangeSet(baselines=True)


class DeleteBaseline(Command):
    """Remove a baseline; undo puts the same snapshot back in its place."""

    def __init__(self, name: str):
        self.name = name
        self.removed: tuple[int, Baseline] | None = None
        self.text = f"Delete baseline '{name}'"

    def apply(self, project: Project) -> ChangeSet:
        index = _index_of(project, self.name)
        self.removed = (index, project.baselines.pop(index))
        return ChangeSet(baselines=True)

    def revert(self, project: Project) -> ChangeSet:
        assert self.removed is not None, "revert follows apply"
        index, baseline = self.removed
        project.baselines.insert(min(index, len(project.baselines)), baseline)
        return ChangeSet(baselines=True)


class ClassifyBaseline(Command):
    """Set who may see a baseline: a partner copy below its classification leaves it out."""

    def __init__(self, name: str, level: Classification | str):
        self.name = name
        self.level = classification_named(level)
        self.old: Classification | None = None
        self.text = f"Classify baseline '{name}' as {self.level.value}"

    def apply(self, project: Project) -> ChangeSet:
        index = _index_of(project, self.name)
        self.old = project.baselines[index].classification
        project.baselines[index] = dataclasses.replace(project.baselines[index], classification=self.level)
        return ChangeSet(baselines=True)

    def revert(self, project: Project) -> ChangeSet:
        assert self.old is not None, "revert follows apply"
        index = _index_of(project, self.name)
        project.baselines[index] = dataclasses.replace(project.baselines[index], classification=self.old)
        return ChangeSet(baselines=True)

"""The input changes between two versions of a plan, each as a step that can be replayed.

Attribution replays them one at a time, upstream first, on a copy of the older plan and credits
each with how far it moves a milestone.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from typing import Any

from ..domain import ConstraintType, Link, Project, Task
from ..domain.durations import format_days
from .schedule import Schedule

Apply = Callable[[Project], None]  # replays one change on a copy of the older plan

TASK_FIELDS = (("duration", "duration"), ("actual_start", "actual start"), ("actual_finish", "actual finish"),
               ("percent_complete", "% complete"))  # with a status date, % complete sets the work left


def align_task_ids(old: Project, new: Project) -> Project:
    """The older plan with its task ids replaced by the newer plan's where only the keys agree.

    Plans copied from each other share ids; two files imported separately from the same table do
    not, and then the keys are what says which task is which.
    """
    new_ids = {t.key: tid for tid, t in new.tasks.items()}
    remap = {tid: new_ids[t.key] for tid, t in old.tasks.items() if tid not in new.tasks and t.key in new_ids}
    if not remap:
        return old
    moved = copy.deepcopy(old)
    moved.tasks = {remap.get(tid, tid): t for tid, t in moved.tasks.items()}
    for tid, task in moved.tasks.items():
        task.id = tid
        task.parent_id = remap.get(task.parent_id, task.parent_id) if task.parent_id is not None else None
    for link in moved.links.values():
        link.pred_id, link.succ_id = remap.get(link.pred_id, link.pred_id), remap.get(link.succ_id, link.succ_id)
    return moved


def ordered_changes(old: Project, new: Project, new_sched: Schedule) -> list[tuple[Any, ...]]:
    """(order, kind, key, description, apply(state)) for every input change, upstream first."""
    rank = {tid: (d.early_start, d.early_finish) for tid, d in new_sched.tasks.items()}
    changes = []
    if old.start != new.start:
        changes.append(((date.min, date.min, 0), "plan_start", "", f"plan start {old.start} → {new.start}",
                        lambda s: setattr(s, "start", new.start)))
    if old.status_date != new.status_date:  # no remaining work is forecast before it
        changes.append(((date.min, date.min, 0), "status_date", "",
                        f"status date {old.status_date or 'none'} → {new.status_date or 'none'}",
                        lambda s: setattr(s, "status_date", new.status_date)))
    for tid, task in new.tasks.items():
        if tid not in old.tasks:
            changes.append(((date.min, date.min, 1), "task_added", task.key, f"task {named(task)} added",
                            _adder(task)))
            continue
        changes.extend(_task_changes(old.tasks[tid], task, rank.get(tid, (date.max, date.max))))
    changes.extend(_link_changes(old, new, rank))
    for tid, task in old.tasks.items():
        if tid not in new.tasks:
            changes.append(((date.max, date.max, 9), "task_removed", task.key, f"task {named(task)} removed",
                            _remover(tid)))
    return sorted(changes, key=lambda c: c[0])


def _adder(task: Task) -> Apply:
    def apply(state: Project) -> None:
        state.tasks[task.id] = copy.deepcopy(task)
    return apply


def _remover(task_id: str) -> Apply:
    def apply(state: Project) -> None:
        state.tasks.pop(task_id, None)
        for lid in [lid for lid, ln in state.links.items() if task_id in (ln.pred_id, ln.succ_id)]:
            del state.links[lid]
    return apply


def _setter(task_id: str, **values: object) -> Apply:
    def apply(state: Project) -> None:
        for name, value in values.items():
            setattr(state.tasks[task_id], name, value)
    return apply


def _task_changes(old_task: Task, new_task: Task, rank: tuple[date, date]) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    for name, label in TASK_FIELDS:
        before, after = getattr(old_task, name), getattr(new_task, name)
        if before != after:
            text = f"{label} of {named(new_task)}: {_value(old_task, name)} → {_value(new_task, name)}"
            out.append(((*rank, 2), name, new_task.key, text, _setter(new_task.id, **{name: after})))
    if (old_task.constraint, old_task.constraint_date) != (new_task.constraint, new_task.constraint_date):
        text = f"constraint of {named(new_task)}: {_constraint_text(old_task)} → {_constraint_text(new_task)}"
        out.append(((*rank, 3), "constraint", new_task.key, text,
                    _setter(new_task.id, constraint=new_task.constraint, constraint_date=new_task.constraint_date)))
    if _mode_of(old_task) != _mode_of(new_task):  # a manual task keeps its start whatever its predecessors say
        out.append(((*rank, 3), "task_mode", new_task.key, _mode_text(old_task, new_task),
                    _setter(new_task.id, **dict(zip(_MODE_FIELDS, _mode_of(new_task))))))
    if old_task.parent_id != new_task.parent_id:
        out.append(((*rank, 4), "moved_in_wbs", new_task.key, f"{named(new_task)} moved in the WBS",
                    _setter(new_task.id, parent_id=new_task.parent_id)))
    return out


_MODE_FIELDS = ("manual", "manual_start", "manual_start_at_day_end")


def _mode_of(task: Task) -> tuple[object, ...]:
    """The task's mode and the start a manual task is kept on: they change together (commands.task_mode)."""
    return tuple(getattr(task, name) for name in _MODE_FIELDS)


def _mode_text(old_task: Task, new_task: Task) -> str:
    if old_task.manual != new_task.manual:
        return f"{named(new_task)} now {'manually scheduled' if new_task.manual else 'auto scheduled'}"
    return f"manual start of {named(new_task)}: {old_task.manual_start or 'none'} → {new_task.manual_start or 'none'}"


def _constraint_text(task: Task) -> str:
    dated = ConstraintType(task.constraint).dated
    return f"{task.constraint} {task.constraint_date}" if dated else f"{task.constraint}"


def _link_changes(old: Project, new: Project, rank: dict[str, tuple[date, date]]) -> list[tuple[Any, ...]]:
    def pairs(project: Project) -> dict[tuple[str, str], Link]:
        return {(ln.pred_id, ln.succ_id): ln for ln in project.links.values()}

    old_links, new_links = pairs(old), pairs(new)
    out: list[tuple[Any, ...]] = []
    for pair, link in new_links.items():
        names = f"{_name(new, link.pred_id)} → {_name(new, link.succ_id)}"
        order = (*rank.get(link.succ_id, (date.max, date.max)), 5)
        if pair not in old_links:
            text = f"link {names} added ({link.type}{_lag(link.lag)})"
            out.append((order, "link_added", _key(new, link.succ_id), text, _link_setter(link)))
            continue
        was = old_links[pair]
        if (was.type, was.lag) != (link.type, link.lag):
            kind = "lag" if was.type == link.type else "link_type"
            text = f"link {names}: {was.type}{_lag(was.lag)} → {link.type}{_lag(link.lag)}"
            out.append((order, kind, _key(new, link.succ_id), text, _link_setter(link, was.id)))
    for pair, link in old_links.items():
        if pair not in new_links:
            text = f"link {_name(old, link.pred_id)} → {_name(old, link.succ_id)} removed"
            order = (*rank.get(link.succ_id, (date.max, date.max)), 1)  # before additions: no false loops
            out.append((order, "link_removed", _key(old, link.succ_id), text, _link_dropper(link.id)))
    return out


def _key(project: Project, task_id: str) -> str:
    return project.tasks[task_id].key if task_id in project.tasks else task_id


def _name(project: Project, task_id: str) -> str:
    return f"'{project.tasks[task_id].name}'" if task_id in project.tasks else task_id


def named(task: Task) -> str:
    """A task as the table and the rest of `why` read it: its name first, its key beside it."""
    return named_as(task.name, task.key)


def named_as(name: str, key: str) -> str:
    """A task's name and key as `named` writes them ('ILRS basic station complete' (ilrs-basic))."""
    return f"'{name}' ({key})"


def _value(task: Task, name: str) -> str:
    """A replayed field's value in its unit: a duration as the Duration column writes it (working
    days of the task's calendar, '1,490 d'; '5 ed' elapsed), % complete with its sign, a date."""
    value = getattr(task, name)
    if value is None:
        return "none"
    if name == "duration":
        return format_days(value, task.elapsed)
    return f"{value} %" if name == "percent_complete" else str(value)


def _lag(lag: int) -> str:
    return f" {format_days(lag, signed=True)}" if lag else ""


def _link_setter(link: Link, replace_id: str | None = None) -> Apply:
    def apply(state: Project) -> None:
        if replace_id is not None:
            state.links.pop(replace_id, None)
        state.links[link.id] = copy.deepcopy(link)
    return apply


def _link_dropper(link_id: str) -> Apply:
    def apply(state: Project) -> None:
        state.links.pop(link_id, None)
    return apply

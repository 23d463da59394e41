"""Copy, paste and duplicate of tasks: what the copy holds and the one undoable command a paste is.

The copy is a snapshot (tasks with everything under them, and the links among them), so a paste
still works after the originals were edited or deleted. A paste adds fresh tasks with new ids and
unused keys, right after the selected task, as one step of the undo history.
"""

from __future__ import annotations

import dataclasses

from ..commands.composite import AllOrNothing
from ..commands.links import AddLink
from ..commands.tasks import AddTask
from ..domain import Link, Project, Task, new_id


@dataclasses.dataclass(frozen=True)
class TaskCopy:
    """Copied tasks in outline order (each parent before its children) and the links among them."""

    tasks: tuple[Task, ...]
    links: tuple[Link, ...]
    owner_keys: dict[str, str] = dataclasses.field(default_factory=dict)  # owner id -> participant key
    calendar_names: dict[str, str] = dataclasses.field(default_factory=dict)  # calendar id -> name

    def as_text(self) -> str:
        """Tab-separated key and name per line, for pasting into a spreadsheet or a message."""
        return "\n".join(f"{task.key}\t{task.name}" for task in self.tasks)


def copy_tasks(project: Project, ids: list[str]) -> TaskCopy | None:
    """Snapshot the selected tasks and everything under them (None when nothing is selected)."""
    wanted = project.with_descendants(ids)
    if not wanted:
        return None
    tasks = tuple(dataclasses.replace(task) for task, _ in project.walk() if task.id in wanted)
    links = tuple(dataclasses.replace(link) for link in project.links.values()
                  if link.pred_id in wanted and link.succ_id in wanted)
    owners = {t.owner_id: project.participants[t.owner_id].key for t in tasks if t.owner_id in project.participants}
    calendars = {t.calendar_id: project.calendars[t.calendar_id].name for t in tasks
                 if t.calendar_id in project.calendars}
    return TaskCopy(tasks, links, owners, calendars)


def fitted_to(project: Project, copied: TaskCopy) -> tuple[TaskCopy, list[str]]:
    """`copied` as it can go into `project` (another plan, or this one since changed): owners and
    calendars found there by key and name; those it lacks left out, each named in the notes."""
    owners = {p.key: p.id for p in project.participants.values()}
    calendars = {c.name: c.id for c in project.calendars.values()}
    notes: list[str] = []
    tasks = []
    for task in copied.tasks:
        owner_key, calendar_name = copied.owner_keys.get(task.owner_id or ""), copied.calendar_names.get(
            task.calendar_id or "")
        owner_id = owners.get(owner_key) if owner_key else None
        calendar_id = calendars.get(calendar_name) if calendar_name else None
        if owner_key and owner_id is None:
            notes.append(f"{task.key} without its owner {owner_key}, not a participant of this plan")
        if calendar_name and calendar_id is None:
            notes.append(f"{task.key} on the plan's default calendar ('{calendar_name}' is not one of its calendars)")
        tasks.append(dataclasses.replace(task, owner_id=owner_id, calendar_id=calendar_id))
    return dataclasses.replace(copied, tasks=tuple(tasks)), notes

def paste_command(project: Project, copied: TaskCopy, after_id: str | None, verb: str = "Paste") -> AllOrNothing:
    """Fresh copies of `copied` after task `after_id` (in its summary), links included: one undo step."""
    anchor = project.tasks.get(after_id) if after_id else None
    parent_of_roots = anchor.parent_id if anchor else None
    new_ids = {task.id: new_id() for task in copied.tasks}
    keys = {task.key for task in project.tasks.values()}
    parts, previous_root = [], after_id if anchor else None
    for task in copied.tasks:
        is_root = task.parent_id not in new_ids
        fresh = dataclasses.replace(task, id=new_ids[task.id], key=_unused(f"{task.key}-copy", keys),
                                    parent_id=parent_of_roots if is_root else new_ids[task.parent_id])
        keys.add(fresh.key)
        parts.append(AddTask(fresh, after_id=previous_root if is_root else None))
        previous_root = fresh.id if is_root else previous_root
    parts += [AddLink(new_ids[link.pred_id], new_ids[link.succ_id], link.type, link.lag) for link in copied.links]
    count = len(copied.tasks)
    text = f"{verb} '{copied.tasks[0].name}'" if count == 1 else f"{verb} {count} tasks"
    return AllOrNothing(text, parts)


def _unused(key: str, keys: set[str]) -> str:
    if key not in keys:
        return key
    number = 2
    while f"{key}-{number}" in keys:
        number += 1
    return f"{key}-{number}"

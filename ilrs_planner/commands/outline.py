"""Moving tasks in the WBS: indent, outdent, up, down. Each restores every place it changed."""

from __future__ import annotations

from itertools import compress, repeat
from operator import attrgetter, eq

from ..domain import Link, PlannerError, Project, Task
from .base import ChangeSet, Command
from .link_ends import placed_links_touching
from .link_journal import link_taken, links_rearranged
from .link_places import Placed, put_back
from .links import ancestors, links_changed
from .plan_index import index_of

Place = tuple[str | None, int]  # (parent id, position)
_PARENT, _POSITION, _ID = attrgetter("parent_id"), attrgetter("position"), attrgetter("id")


def task_or_error(project: Project, task_id: str) -> Task:
    """The task with this id, or task.unknown."""
    task = project.tasks.get(task_id)
    if task is None:
        raise PlannerError("task.unknown", f"no task has the id {task_id!r}", [task_id])
    return task


def named(task: Task) -> str:
    """A task as a refusal names it: its ID and name ("T-1 'Launch'")."""
    return f"{task.key} '{task.name}'"


def siblings(project: Project, parent_id: str | None) -> list[str]:
    """Children of `parent_id` in display order (by position, ties in plan order), as
    Project.children_map orders them: the children picked column-wise and sorted alone, as sorting
    all 100,000 tasks for one sibling row was most of an add, indent or outdent; from the window's
    index of its plan when it keeps one (reading every task's parent cost as much again)."""
    index = index_of(project)
    found = index.siblings(parent_id) if index is not None else None
    if found is not None:
        return found
    tasks = project.tasks.values()
    mine = compress(tasks, map(eq, map(_PARENT, tasks), repeat(parent_id)))
    return list(map(_ID, sorted(mine, key=_POSITION)))


def renumber(project: Project, parent_id: str | None, ordered: list[str]) -> dict[str, Place]:
    """Give `ordered` the parent and positions 0..n-1; return the places they had before."""
    before, index = {}, index_of(project)
    for position, tid in enumerate(ordered):
        task = project.tasks[tid]
        before[tid] = (task.parent_id, task.position)
        if index is not None:
            index.moved(tid, task.parent_id, parent_id)
        task.parent_id, task.position = parent_id, position
    return before


def restore_places(project: Project, places: dict[str, Place]) -> None:
    """Put tasks back where `places` says they were."""
    index = index_of(project)
    for tid, (parent_id, position) in places.items():
        task = project.tasks[tid]
        if index is not None:
            index.moved(tid, task.parent_id, parent_id)
        task.parent_id, task.position = parent_id, position


class PlacesCommand(Command):
    """Base of the commands that move tasks in the outline: undone by putting back the places kept
    in `_before` (task id -> its parent and position before)."""

    _before: dict[str, Place]

    def revert(self, project: Project) -> ChangeSet:
        restore_places(project, self._before)
        return self._changes()

    def _changes(self) -> ChangeSet:
        return ChangeSet(task_ids=frozenset(self._before), structure=True, dates=True)


class _OutlineCommand(PlacesCommand):
    """Base: compute the new sibling orders, apply them, remember the old places."""

    verb = "Move"

    def __init__(self, task_id: str):
        self.task_id = task_id
        self._before: dict[str, Place] = {}
        self.text = f"{self.verb} task"

    def new_orders(self, project: Project, task: Task) -> list[tuple[str | None, list[str]]]:
        raise NotImplementedError

    def apply(self, project: Project) -> ChangeSet:
        task = task_or_error(project, self.task_id)
        self.text = f"{self.verb} '{task.name}'"
        orders = self.new_orders(project, task)  # raises before anything changes
        self._before = {}
        for parent_id, ordered in orders:
            for tid, place in renumber(project, parent_id, ordered).items():
                self._before.setdefault(tid, place)
        return self._changes()


class IndentTask(_OutlineCommand):
    """Make a task the last child of the sibling above it. A link joining that sibling to the moved
    branch goes in the same step (`dropped`): a summary linked to its own sub-task can be scheduled
    by no one, so keeping the link would leave every task of the plan undated."""

    verb = "Indent"

    def __init__(self, task_id: str):
        super().__init__(task_id)
        self.dropped: list[Link] = []
        self._placed: Placed = []  # the dropped links with their places, for the undo to put them back

    def new_orders(self, project: Project, task: Task) -> list[tuple[str | None, list[str]]]:
        row = siblings(project, task.parent_id)
        index = row.index(task.id)
        if index == 0:
            raise PlannerError("task.cannot_move", f"{named(task)} has no task above it to go under", [task.id])
        new_parent = row[index - 1]
        return [(task.parent_id, row[:index] + row[index + 1:]),
                (new_parent, siblings(project, new_parent) + [task.id])]

    def apply(self, project: Project) -> ChangeSet:
        changes = super().apply(project)
        task = project.tasks[self.task_id]
        self._placed = links_into_branch(project, task.parent_id, task.id)
        self.dropped = [link for _place, link in self._placed]
        for link in self.dropped:
            del project.links[link.id]
            link_taken(project, link)
        if self.dropped:
            self.text += f" (and {dropped_links_text(project, self.dropped)})"
        return changes | links_changed(*self.dropped)

    def revert(self, project: Project) -> ChangeSet:
        put_back(project.links, self._placed)
        if self._placed:
            links_rearranged(project)
        return super().revert(project) | links_changed(*self.dropped)


def links_into_branch(project: Project, parent_id: str | None, task_id: str) -> Placed:
    """The links joining `parent_id` to `task_id` or to one of its sub-tasks, in plan order, with
    their places. Only the parent is new above the moved branch (`task_id` was its sibling), so only
    its links count."""
    if parent_id is None:
        return []
    found = []
    for place, link in placed_links_touching(project, {parent_id}):
        other = link.succ_id if link.pred_id == parent_id else link.pred_id
        if other != parent_id and (other == task_id or task_id in ancestors(project, other)):
            found.append((place, link))
    return found


def dropped_links_text(project: Project, links: list[Link]) -> str:
    """'remove the link 'Design' → 'Build'' (or '… and 2 more links')."""
    first = links[0]
    named = f"'{project.tasks[first.pred_id].name}' → '{project.tasks[first.succ_id].name}'"
    more = f" and {len(links) - 1} more" if len(links) > 1 else ""
    return f"remove the link {named}{more}"


class OutdentTask(_OutlineCommand):
    """Make a task the sibling right after its parent."""

    verb = "Outdent"

    def new_orders(self, project: Project, task: Task) -> list[tuple[str | None, list[str]]]:
        if task.parent_id is None:
            raise PlannerError("task.cannot_move", f"{named(task)} is already at the top level", [task.id])
        parent = project.tasks[task.parent_id]
        old_row = [tid for tid in siblings(project, parent.id) if tid != task.id]
        new_row = siblings(project, parent.parent_id)
        new_row.insert(new_row.index(parent.id) + 1, task.id)
        return [(parent.id, old_row), (parent.parent_id, new_row)]

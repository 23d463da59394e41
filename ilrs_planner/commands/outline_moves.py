"""Move up and Move down: every chosen task one place among its siblings, as one undo step."""

from __future__ import annotations

from collections.abc import Sequence

from ..domain import PlannerError, Project, Task
from .base import ChangeSet
from .outline import Place, PlacesCommand, named, renumber, siblings, task_or_error

_NAMED = 3  # tasks named in a refusal before "and N more"


class _MoveCommand(PlacesCommand):
    """Move each chosen task one place up (step -1) or down (+1) within its own group, as
    MS Project moves a selection: contiguous or not, in several groups at once, the rows keeping
    their order. A task under another chosen one moves with it, not on its own. Rows at their
    group's edge (and those packed against them) stay, named in `stuck`; when no row can move the
    edit is refused, saying why."""

    verb, step, edge = "Move", 0, ""

    def __init__(self, task_ids: str | Sequence[str]):
        self.task_ids = [task_ids] if isinstance(task_ids, str) else list(task_ids)
        self.stuck: list[str] = []
        self._before: dict[str, Place] = {}
        self.text = f"{self.verb} task"

    def apply(self, project: Project) -> ChangeSet:
        chosen = _outermost(project, [task_or_error(project, tid) for tid in self.task_ids])
        groups: dict[str | None, set[str]] = {}
        for task in chosen:
            groups.setdefault(task.parent_id, set()).add(task.id)
        orders, self.stuck = [], []
        for parent_id, ids in groups.items():
            row = siblings(project, parent_id)
            moved, stuck = self._shifted(row, ids)
            self.stuck += stuck
            if moved != row:
                orders.append((parent_id, moved))
        if not orders:
            raise PlannerError("task.cannot_move", self._refusal(project), self.stuck)
        self._before = {}
        for parent_id, ordered in orders:
            self._before.update(renumber(project, parent_id, ordered))
        self.text = self._describe(chosen)
        return self._changes()

    def _shifted(self, row: list[str], chosen: set[str]) -> tuple[list[str], list[str]]:
        """The row with each chosen id one place further (a run at the edge stays), and those that stayed."""
        order = row[::-1] if self.step > 0 else row[:]
        stuck: set[str] = set()
        for place, tid in enumerate(order):
            if tid not in chosen:
                continue
            if place == 0 or order[place - 1] in stuck:
                stuck.add(tid)
            else:
                order[place - 1], order[place] = tid, order[place - 1]
        moved = order[::-1] if self.step > 0 else order
        return moved, [tid for tid in row if tid in stuck]

    def _describe(self, chosen: list[Task]) -> str:
        return f"{self.verb} '{chosen[0].name}'" if len(chosen) == 1 else f"{self.verb} {len(chosen)} tasks"

    def _refusal(self, project: Project) -> str:
        """"A-1 'Alpha' is already the first in its group" (several: "A-1 'Alpha', B-2 'Bravo' are ...
        their groups"), each task by its ID and name as other refusals name it."""
        names = [named(project.tasks[tid]) for tid in self.stuck]
        if len(names) == 1:
            return f"{names[0]} is already the {self.edge} in its group"
        shown = ", ".join(names[:_NAMED]) + (f" and {len(names) - _NAMED} more" if len(names) > _NAMED else "")
        return f"{shown} are already the {self.edge} in their groups"

    def stuck_text(self, project: Project) -> str:
        """What stayed when others moved ("" when every row moved), for the status bar."""
        return self._refusal(project) if self.stuck and self._before else ""


def _outermost(project: Project, tasks: list[Task]) -> list[Task]:
    """The tasks not under another of them (at any depth), in the order given."""
    chosen = {task.id for task in tasks}

    def under_chosen(task: Task) -> bool:
        parent = task.parent_id
        while parent is not None:
            if parent in chosen:
                return True
            parent = project.tasks[parent].parent_id
        return False

    return [task for task in tasks if not under_chosen(task)]


class MoveTaskUp(_MoveCommand):
    """Move each chosen task above the sibling above it."""

    verb, step, edge = "Move up", -1, "first"


class MoveTaskDown(_MoveCommand):
    """Move each chosen task below the sibling below it."""

    verb, step, edge = "Move down", 1, "last"

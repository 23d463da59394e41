"""Many tasks and their links inserted as one step: a paste, a duplicate, rows from a spreadsheet.

An AddTask and an AddLink per pasted task and link each looked over the whole plan and renumbered
the row pasted into, so 10,000 tasks took 16 s. This command checks the block once (paste_checks),
puts the tasks in with their places, renumbers the row they go into once, and adds the links;
undone, it takes them out and gives every task it renumbered its place back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..domain import Link, Project, Task
from .base import ChangeSet, Command
from .link_journal import link_made, link_taken
from .outline import Place, renumber, restore_places, siblings
from .paste_checks import check_block
from .plan_index import index_of


class PasteTasks(Command):
    """Insert `tasks` (in outline order, each summary before its tasks; the top ones under
    `parent_id`, right after its child `after_id`, else at the end) and `links` (each into a pasted
    task, from a pasted task or one of the plan's). The tasks and links become the plan's own."""

    def __init__(self, tasks: Sequence[Task], links: Sequence[Link], parent_id: str | None,
                 after_id: str | None = None, text: str = "", supplied: frozenset[str] = frozenset(),
                 partner_texts: frozenset[str] = frozenset()):
        """`supplied`: pasted tasks whose names a partner wrote (copies of such tasks: Project.supplied);
        `partner_texts`: the records of their texts a partner wrote (Project.partner_texts)."""
        self.tasks, self.links = list(tasks), list(links)
        self.supplied, self.partner_texts = supplied, partner_texts
        self.parent_id, self.after_id = parent_id, after_id
        count = len(self.tasks)
        self.text = text or (f"Paste '{self.tasks[0].name}'" if count == 1 else f"Paste {count:,} tasks")
        self._before: dict[str, Place] = {}  # the places of the plan's tasks the paste renumbered

    @property
    def task_ids(self) -> list[str]:
        """The pasted tasks' ids, in outline order."""
        return [task.id for task in self.tasks]

    def apply(self, project: Project) -> ChangeSet:
        check_block(project, self.tasks, self.links, self.parent_id)  # raises before anything changes
        row = siblings(project, self.parent_id)
        at = row.index(self.after_id) + 1 if self.after_id in row else len(row)
        tops = self._number_nested()
        kept = index_of(project)
        for task in self.tasks:
            project.tasks[task.id] = task
            if kept is not None:
                kept.added(task)
        moved = renumber(project, self.parent_id, row[:at] + tops + row[at:])
        self._before = {tid: moved[tid] for tid in row}  # the pasted tasks go on undo, placed anew on redo
        for link in self.links:
            project.links[link.id] = link
            link_made(project, link)
        project.supplied |= self.supplied  # a copy of a partner's task is still theirs (sharing/redact_scrub.py)
        project.partner_texts |= self.partner_texts
        return self._changes()

    def revert(self, project: Project) -> ChangeSet:
        project.supplied -= self.supplied
        project.partner_texts -= self.partner_texts
        for link in reversed(self.links):  # the last made first: the kept link lists are cut at their end
            del project.links[link.id]
            link_taken(project, link)
        restore_places(project, self._before)
        kept = index_of(project)
        for task in reversed(self.tasks):
            del project.tasks[task.id]
            if kept is not None:
                kept.removed(task)
        return self._changes()

    def _number_nested(self) -> list[str]:
        """Number the tasks under pasted summaries in the order given; the top tasks' ids."""
        ids = set(self.task_ids)
        count: Counter[str] = Counter()
        tops = []
        for task in self.tasks:
            if task.parent_id in ids:
                task.position = count[task.parent_id]
                count[task.parent_id] += 1
            else:
                tops.append(task.id)
        return tops

    def _changes(self) -> ChangeSet:
        outside = {link.pred_id for link in self.links}  # a link from a task of the plan changes its successors
        return ChangeSet(frozenset(self.task_ids) | frozenset(self._before) | outside, structure=True, dates=True,
                         links=bool(self.links))

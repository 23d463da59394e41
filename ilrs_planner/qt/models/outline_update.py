"""The outline after a structural edit, worked out where the edit touched it, in plain Python.

An edit (add, delete, indent, outdent, move) names the tasks it touched. Only the child lists of
their old and new parents can change, and only the rows below the lowest summary holding all of
those parents: at 100,000 tasks, sorting every task again and walking every row again for one
added task was most of the table's work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ...domain import Task
from .task_outline import visible_rows

Children = dict[str | None, list[str]]
SMALL_EDIT = 2000  # tasks touched; past this, rebuilding the whole outline costs about the same


@dataclass
class OutlineEdit:
    """The parents whose child lists an edit changed, and the lowest task above all of them
    (`top`; None: the top level) whose rows below it are the only ones that can change."""

    parents: set[str | None]
    top: str | None


def parents_of(children: Children) -> dict[str, str | None]:
    """Task id -> parent id (None at the top level), from child lists."""
    return {tid: parent for parent, kids in children.items() for tid in kids}


def outline_edit(tasks: Mapping[str, Task], parent_of: dict[str, str | None], touched) -> OutlineEdit:
    """What an edit touching `touched` changed; `parent_of` is the outline before it."""
    parents: set[str | None] = set()
    for tid in touched:
        if tid in parent_of:
            parents.add(parent_of[tid])
        task = tasks.get(tid)
        if task is not None:
            parents.add(task.parent_id)
    chains = [_chain(p, lambda t: parent_of.get(t)) for p in parents]  # where they were...
    chains += [_chain(p, lambda t: tasks[t].parent_id if t in tasks else None) for p in parents if p in tasks]
    common = set.intersection(*map(set, chains)) if chains else {None}
    top = next((node for node in chains[0] if node in common), None) if chains else None
    return OutlineEdit(parents, top)


def _chain(node: str | None, parent) -> list[str | None]:
    """`node` and the tasks above it, ending with None (the top level)."""
    chain: list[str | None] = []
    seen: set[str | None] = set()
    while node is not None and node not in seen:  # a cycle is not an outline: stop rather than loop
        chain.append(node)
        seen.add(node)
        node = parent(node)
    chain.append(None)
    return chain


def update_children(tasks: Mapping[str, Task], children: Children, parent_of: dict[str, str | None],
                    touched, parents: set[str | None]) -> None:
    """Rebuild the child lists of `parents` in place (and `parent_of`), siblings by position as
    Project.children_map orders them (ties: those already there first, in their order)."""
    arrived: Children = {}
    for tid in touched:
        parent_of.pop(tid, None)
        task = tasks.get(tid)
        if task is not None:
            arrived.setdefault(task.parent_id, []).append(tid)
    for parent in parents:
        candidates = dict.fromkeys(children.get(parent, []) + arrived.get(parent, []))
        kids = [tid for tid in candidates if tid in tasks and tasks[tid].parent_id == parent]
        kids.sort(key=lambda tid: tasks[tid].position)
        if kids and (parent is None or parent in tasks):
            children[parent] = kids
            parent_of.update(dict.fromkeys(kids, parent))
        else:
            children.pop(parent, None)


def block(children: Children, open_ids: set[str], top: str | None, kept: set[str] | None = None) -> list[str]:
    """The rows below `top` (None: every row) as the table shows them (`kept`: a filter's tasks)."""
    return visible_rows(children, open_ids, top, kept) if top is None or top in open_ids else []

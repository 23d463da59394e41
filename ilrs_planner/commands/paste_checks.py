"""A block of tasks and links to paste, checked as a whole before any of it enters the plan.

Pasted one AddTask and one AddLink at a time, each part looked over the whole plan (is the key
taken, would the link close a loop): 10,000 tasks took 16 s. Here the plan's keys are read once,
each task and link is checked against the plan and the block, and loops are searched for once:
within the block (paste_loops), and through the plan only where a link comes into the block from
one of its tasks. The rules are AddTask's and AddLink's, with their codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from ..domain import Link, PlannerError, Project, Task
from ..domain.text import check_typed_text
from .links import ancestors
from .outline import task_or_error
from .paste_loops import refuse_loops
from .task_values import TEXT_FIELDS, check_dates_held, check_task_consistent

_KEY = attrgetter("key")
_CHECKED_TEXT = tuple(name for name in TEXT_FIELDS if name != "key")  # the key is checked against a set


def check_block(project: Project, tasks: Sequence[Task], links: Sequence[Link], parent_id: str | None) -> None:
    """Raise the PlannerError pasting `tasks` (parents before their tasks; the first tasks under
    `parent_id`) and `links` (into the block, from its tasks or the plan's) would cause."""
    if parent_id is not None:
        task_or_error(project, parent_id)
    block = _checked_tasks(project, tasks, parent_id)
    _check_links(project, block, links, parent_id)
    refuse_loops(project, block, links, parent_id)


def _checked_tasks(project: Project, tasks: Sequence[Task], parent_id: str | None) -> dict[str, Task]:
    """The block by id, each task checked as AddTask checks one; keys against the plan's and the block's."""
    keys = set(map(_KEY, project.tasks.values()))  # read once: a look over 100,000 tasks per pasted task was most of it
    block: dict[str, Task] = {}
    for task in tasks:
        if task.id in project.tasks or task.id in block:
            raise PlannerError("task.duplicate_key", f"task id {task.id} is already in the plan", [task.id])
        if task.parent_id != parent_id and task.parent_id not in block:
            raise PlannerError("task.unknown", f"{task.key}: its summary is not pasted before it", [task.id])
        check_task_consistent(project, task, {name: getattr(task, name) for name in _CHECKED_TEXT})
        check_dates_held(task)  # a copy's date the plan file cannot hold would make every later save fail
        _check_key(task, keys)
        keys.add(task.key)
        block[task.id] = task
    return block


def _check_key(task: Task, keys: set[str]) -> None:
    """A key as a typed one is checked, and one neither the plan nor the block has yet."""
    check_typed_text("key", task.key, task.key, [task.id])
    if not task.key.strip():
        raise PlannerError("task.bad_value", f"{task.name}: the key cannot be empty", [task.id])
    if task.key in keys:
        raise PlannerError("task.duplicate_key", f"{task.key}: the key '{task.key}' is already used", [task.id])


def _check_links(project: Project, block: dict[str, Task], links: Sequence[Link], parent_id: str | None) -> None:
    """Each link's ends (its successor pasted, its predecessor pasted or in the plan), no link twice,
    none between a summary and its own sub-task."""
    above = ancestors(project, parent_id) | {parent_id} if parent_id is not None else set()
    spans = _spans(block)
    seen: set[tuple[str, str]] = set()
    for link in links:
        pred = block.get(link.pred_id) or project.tasks.get(link.pred_id)
        succ = block.get(link.succ_id)
        if pred is None or succ is None:
            missing = link.succ_id if succ is None else link.pred_id
            raise PlannerError("link.unknown_task", f"no task has the id {missing!r}", [missing])
        if link.id in project.links:
            raise PlannerError("link.duplicate", f"link id {link.id} is already in the plan", [link.id])
        if pred is succ:
            raise PlannerError("link.self", f"{pred.key} cannot depend on itself", [pred.id])
        if (pred.id, succ.id) in seen:
            raise PlannerError("link.duplicate", f"{succ.key} already depends on {pred.key}", [pred.id, succ.id])
        seen.add((pred.id, succ.id))
        if pred.id in above or _inside(spans, pred.id, succ.id) or _inside(spans, succ.id, pred.id):
            raise PlannerError("link.summary_child", f"{pred.key} and {succ.key} are a summary and its own sub-task",
                               [pred.id, succ.id])


def _spans(block: dict[str, Task]) -> dict[str, tuple[int, int]]:
    """Each pasted task's first and last place in the block's outline (pre-order): a task lies under
    another exactly when its span lies within the other's. One walk, however deep the outline."""
    children: dict[str | None, list[str]] = {}
    for task in block.values():
        children.setdefault(task.parent_id if task.parent_id in block else None, []).append(task.id)
    spans: dict[str, tuple[int, int]] = {}
    count, stack = 0, [(tid, False) for tid in reversed(children.get(None, []))]
    while stack:
        tid, done = stack.pop()
        if done:
            spans[tid] = (spans[tid][0], count - 1)
            continue
        spans[tid] = (count, count)
        count += 1
        stack.append((tid, True))
        stack.extend((child, False) for child in reversed(children.get(tid, [])))
    return spans


def _inside(spans: dict[str, tuple[int, int]], summary: str, task: str) -> bool:
    """Is pasted `task` under pasted `summary`?"""
    if summary not in spans or task not in spans or summary == task:
        return False
    first, last = spans[summary]
    return first < spans[task][0] <= last

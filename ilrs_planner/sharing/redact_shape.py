"""What the outline of a partner copy gives away, closed: summary spans in baselines, sibling gaps.

A kept summary's baseline entries were captured over all its sub-tasks, hidden ones included, so
an entry that starts on a hidden task's date tells when the hidden work was planned. Each such
entry is recomputed from the kept sub-tasks' entries of the same baseline (and dropped when no
kept sub-task has one). So is an entry reaching before or after every kept sub-task's entry of a
summary that lost none: it was captured over sub-tasks since moved under a withheld phase, or
deleted (whose classification is not known, so whose entries are withheld), and it dated their work.
An entry its kept sub-tasks' entries span exactly is kept as captured, with how it was read.
Positions among siblings are renumbered 0, 1, 2... so a gap does not show
where a hidden task stood. (Current spans need nothing: the scheduler derives them from the kept
sub-tasks.)
"""

from __future__ import annotations

import dataclasses

from ..domain import Baseline, Project


def _kept_leaves_under(plan: Project) -> dict[str, set[str]]:
    """Each summary of the redacted plan -> the ids of the leaf tasks below it."""
    children = plan.children_map()
    leaves: dict[str, set[str]] = {}
    # Deepest first, without recursion: a partner's file may nest tasks thousands of levels deep.
    for task_id in reversed(_top_down(plan, children)):
        kids = children.get(task_id, [])
        leaves[task_id] = set().union(*(leaves[kid] for kid in kids)) if kids else {task_id}
    return {sid: leaves[sid] for sid in plan.summary_ids() if sid in leaves}


def _top_down(plan: Project, children: dict[str | None, list[str]]) -> list[str]:
    order = [tid for tid, task in plan.tasks.items() if task.parent_id is None or task.parent_id not in plan.tasks]
    for task_id in order:  # grows while it is walked: breadth first
        order.extend(children.get(task_id, []))
    return order


def _respanned(baseline: Baseline, spans: dict[str, set[str]], shrunk: set[str]) -> Baseline:
    entries = dict(baseline.entries)
    for summary in set(spans) & set(entries):
        known = [entries[leaf] for leaf in spans[summary] if leaf in entries]
        if not known:
            del entries[summary]
            continue
        start, finish = min(s for s, _ in known), max(f for _, f in known)
        captured = entries[summary]
        if summary in shrunk or captured[0] < start or captured[1] > finish:
            entries[summary] = (start, finish)
    return dataclasses.replace(baseline, entries=entries)


def respan_baselines(original: Project, plan: Project, removed: set[str]) -> None:
    """Recompute the baseline entries of every kept summary that lost a sub-task (see module doc)."""
    lost = {t.parent_id for t in original.tasks.values() if t.id in removed and t.parent_id}
    shrunk = set()
    for lost_id in lost:  # the summary that lost a child, and every summary above it
        task_id: str | None = lost_id
        while task_id is not None and task_id in original.tasks:
            shrunk.add(task_id)
            task_id = original.tasks[task_id].parent_id
    spans = _kept_leaves_under(plan)
    shrunk &= set(spans)
    plan.baselines[:] = [_respanned(b, spans, shrunk) for b in plan.baselines]


def renumber_positions(plan: Project) -> None:
    """Siblings numbered 0, 1, 2... in their display order."""
    for child_ids in plan.children_map().values():
        for position, task_id in enumerate(child_ids):
            plan.tasks[task_id].position = position

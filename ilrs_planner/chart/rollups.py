"""Roll-ups (MS Project's name): a collapsed summary shows its sub-milestones on its own row.

"Agreements & membership" folded to one row still shows when each member joined; a phase
folded still shows its key dates. Only milestones roll up: bars would hide one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..domain import Project


@dataclass
class Rollups:
    """Diamonds drawn on collapsed summary rows: one entry per rolled-up milestone."""

    row: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # the summary's row
    at: np.ndarray = field(default_factory=lambda: np.zeros(0))  # date ordinal of the milestone
    color: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    actual: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    key: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    task_ids: list[str] = field(default_factory=list)  # the milestones, for refreshes and tooltips
    names: list[str] = field(default_factory=list)  # their names, for key-date lines

    def __len__(self) -> int:
        return len(self.row)


def folded_milestones(project: Project, shown: dict[str, int], summaries: set[str],
                      children: dict[str | None, list[str]] | None = None) -> list[tuple[int, str]]:
    """(summary row, milestone id) for every milestone under a shown summary whose children are
    all hidden (collapsed), in WBS order. `children` is the plan's children_map, if at hand."""
    children = project.children_map() if children is None else children
    pairs: list[tuple[int, str]] = []
    # Only a parent can be folded: the shown ones in row order, not every row (100,000 at most).
    parents = sorted((shown[tid], tid) for tid in shown.keys() & children.keys())
    for row, summary_id in parents:
        kids = children[summary_id]
        if not kids or any(kid in shown for kid in kids):
            continue
        stack = list(reversed(kids))
        while stack:
            tid = stack.pop()
            if tid in summaries:
                stack.extend(reversed(children.get(tid, [])))
            elif project.tasks[tid].duration == 0:
                pairs.append((row, tid))
    return pairs

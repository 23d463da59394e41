"""Roll-ups (MS Project's name): a collapsed summary shows its sub-milestones on its own row.

"Agreements & membership" folded to one row still shows when each member joined; a phase
folded still shows its key dates. Only milestones roll up: bars would hide one another.

Zoomed out, a dozen signings of the same two years fall on one another; drawn all, they made a
smudge of diamonds. As MS Project and GanttProject do, the diamonds that would overlap are drawn
as one, the earliest, with how many it stands for beside it ("×5"), and the summary's own name
goes past the marks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

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


ROLLUP_HALF = 0.3  # a roll-up diamond's half width, in rows
MARK_GAP_PX = 3.0  # between a diamond and its count, and between one mark and the next


@dataclass(frozen=True, slots=True)
class RollupMark:
    """What a collapsed summary's row shows of some of its milestones: one diamond standing for
    `count` of them (the earliest, at index `shown` of the scene's roll-ups) and, for more than
    one, the count after it; `left` to `right` is all it covers."""

    row: int
    shown: int
    count: int
    left: float
    right: float
    count_x: float  # where the count's text starts

    @property
    def text(self) -> str:
        return count_text(self.count)


def rollup_marks(rows: np.ndarray, xs: np.ndarray, row_height: float,
                 text_width: Callable[[str], float]) -> list[RollupMark]:
    """The marks of roll-ups at rows / xs, none overlapping another: left to right along each row,
    a diamond that would touch the mark before joins it and raises its count instead."""
    half = ROLLUP_HALF * row_height
    marks: list[RollupMark] = []
    for i in np.lexsort((xs, rows)).tolist():
        row, x = int(rows[i]), float(xs[i])
        last = marks[-1] if marks else None
        if last is not None and last.row == row and x - half < last.right + MARK_GAP_PX:
            count = last.count + 1
            marks[-1] = replace(last, count=count, right=last.count_x + text_width(count_text(count)))
        else:
            marks.append(RollupMark(row, i, 1, x - half, x + half, x + half + MARK_GAP_PX))
    return marks


def count_text(count: int) -> str:
    """What a mark says of the milestones it stands for: nothing for one, '×5' for five."""
    return f"×{count}" if count > 1 else ""


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

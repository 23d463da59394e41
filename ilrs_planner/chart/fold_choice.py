"""Which branches to fold so a picture shows the most rows its height holds.

Opening branches smallest first stops at the first that does not fit: an A4 sheet with room for
38 of the roadmap's 65 rows showed 32, its Crewed programme (10 rows) and its agreements (23)
folded, the rows then stretched to fill the page. Choosing the branches to fold together shows 38:
the agreements, whose milestones the roll-up still draws on their summary row, and two branches of
two rows. The choice hides the fewest critical bars (a manager's picture is read for its critical
path: the roadmap's A4 sheet folded Utilisation and its two critical tasks for three more rows of
history), then the fewest bars (a folded branch's milestones stay on its summary row, its bars do
not: 23 agreements fold before a programme's missions), then shows the most rows, then folds the
fewest branches, then the latest (the earlier phases tell the story).

The choice is a knapsack over the outline: for each branch, the best way to show each number of
its rows. A plan with very many branches would make that slow, and is folded smallest first
(fold.py) instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Project

# (hidden critical bars, hidden bars, branches folded, which): smaller is better; the last is the sum
# of 2 ** (branches after it) over the folded branches, so folding one weighs more than every later one
Cost = tuple[int, int, int, int]
NOTHING: Cost = (0, 0, 0, 0)
Choice = tuple[Cost, tuple[str, ...]]  # and the branches left folded
MOST_WORK = 1_000_000  # branches x rows squared: beyond this the smallest-first opening is used


def affordable(branches: int, max_rows: int) -> bool:
    """Is choosing the folds worth the work for `branches` branches and `max_rows` rows?"""
    return branches * max_rows * max_rows <= MOST_WORK


@dataclass(frozen=True, slots=True)
class Outline:
    """The rows to fold: each branch's children, the rows' order, the critical rows."""

    project: Project
    children: dict[str, list[str]]
    later: dict[str, int]  # branch -> how many branches come after it
    critical: frozenset[str]


def best_folds(project: Project, top: list[str], children: dict[str, list[str]], order: dict[str, int],
               max_rows: int, critical: frozenset[str] = frozenset()) -> set[str] | None:
    """The branches to leave folded so the most rows up to `max_rows` show, or None when even the
    top rows do not fit."""
    later = {tid: len(children) - rank for rank, tid in enumerate(sorted(children, key=order.__getitem__))}
    choices = _combined(Outline(project, children, later, critical), top, max_rows)
    if not choices:
        return None
    shown = min(choices, key=lambda rows: (choices[rows][0][:2], -rows, choices[rows][0][2:]))
    return set(choices[shown][1])


def _combined(outline: Outline, rows: list[str], max_rows: int, start: int = 0) -> dict[int, Choice]:
    """For each count of rows (from `start`) `rows` and what is opened under them can show, the best way."""
    best: dict[int, Choice] = {start: (NOTHING, ())}
    for tid in rows:
        options = _options(outline, tid, max_rows) if tid in outline.children else {1: (NOTHING, ())}
        merged: dict[int, Choice] = {}
        for shown, (cost, folded) in best.items():
            for more, (more_cost, more_folded) in options.items():
                total = shown + more
                if total > max_rows:
                    continue
                choice = (_add(cost, more_cost), folded + more_folded)
                if total not in merged or choice[0] < merged[total][0]:
                    merged[total] = choice
        best = merged
    return best


def _options(outline: Outline, tid: str, max_rows: int) -> dict[int, Choice]:
    """The best way to show each count of rows of the branch under `tid`, its own row included."""
    options = _combined(outline, outline.children[tid], max_rows, start=1)
    folded = ((*_bars_under(outline, tid), 1, 1 << outline.later[tid]), (tid,))
    if 1 not in options or folded[0] < options[1][0]:
        options[1] = folded
    return options


def _bars_under(outline: Outline, tid: str) -> tuple[int, int]:
    """Rows under `tid` drawn as bars (a folded branch's milestones still show, rolled up): the
    critical ones, and all."""
    critical, bars, stack = 0, 0, list(outline.children.get(tid, ()))
    while stack:
        row = stack.pop()
        if row in outline.children or outline.project.tasks[row].duration != 0:
            bars += 1
            critical += row in outline.critical
        stack.extend(outline.children.get(row, ()))
    return critical, bars


def _add(a: Cost, b: Cost) -> Cost:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3])

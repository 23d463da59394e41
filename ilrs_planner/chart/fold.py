"""Folding summaries so a picture of fixed size keeps its text readable.

A slide is 1080 pixels tall; 61 rows at a readable height do not fit. Rather than shrink the
text, the outline is shown as far down as fits: the top rows, and under them the branches chosen
so that the most rows show (fold_choice.py); a plan of very many branches is opened one level at
a time instead, the smallest first (of equal ones the earlier: the earlier phases tell the story),
while their rows still fit. A branch left closed shows on its summary row, with its milestones as
a roll-up. So a plan of 1,000 tasks in five phases fills the slide with a phase opened to its work
packages and one of those to its tasks, not five rows and an empty page. The caller says what was
folded.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Project
from .fold_choice import affordable, best_folds


@dataclass(frozen=True, slots=True)
class Folded:
    """A summary collapsed to fit: its name and how many rows it hides."""

    name: str
    hidden: int


def _outline(project: Project, rows: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The top rows of `rows` and each row's children among them (its nearest ancestor shown)."""
    shown = set(rows)
    top: list[str] = []
    children: dict[str, list[str]] = {}
    for tid in rows:
        parent = project.tasks[tid].parent_id
        while parent is not None and parent not in shown:
            parent = project.tasks[parent].parent_id
        (top if parent is None else children.setdefault(parent, [])).append(tid)
    return top, children


def _branch_size(tid: str, children: dict[str, list[str]]) -> int:
    """How many rows lie under `tid`."""
    below, stack = 0, list(children.get(tid, ()))
    while stack:
        below += 1
        stack.extend(children.get(stack.pop(), ()))
    return below


def fold_to_fit(project: Project, rows: list[str], max_rows: int,
                critical: frozenset[str] = frozenset()) -> tuple[list[str], list[Folded]]:
    """`rows` (display order) opened down the outline as far as `max_rows` allows, and the branches
    left folded, the biggest first; `critical` rows are the last to fold. When even the top rows do
    not fit, they are all that is left (the caller then shrinks or refuses)."""
    if len(rows) <= max_rows:
        return rows, []
    top, children = _outline(project, rows)
    order = {tid: i for i, tid in enumerate(rows)}
    chosen = (best_folds(project, top, children, order, max_rows, critical)
              if affordable(len(children), max_rows) else None)
    closed = chosen if chosen is not None else _smallest_first(top, children, order, max_rows)
    kept = _shown(top, children, closed)
    folded = sorted(closed, key=lambda tid: (-_branch_size(tid, children), order[tid]))
    return ([tid for tid in rows if tid in kept],
            [Folded(project.tasks[tid].name, _branch_size(tid, children)) for tid in folded])


def _smallest_first(top: list[str], children: dict[str, list[str]], order: dict[str, int],
                    max_rows: int) -> set[str]:
    """The branches left folded when they are opened one at a time, the smallest first, while their rows fit."""
    kept, closed = len(top), {tid for tid in top if tid in children}
    while True:
        fits = [tid for tid in closed if kept + len(children[tid]) <= max_rows]
        if not fits:
            return closed
        opened = min(fits, key=lambda tid: (len(children[tid]), order[tid]))
        closed.discard(opened)
        kept += len(children[opened])
        closed.update(tid for tid in children[opened] if tid in children)


def _shown(top: list[str], children: dict[str, list[str]], closed: set[str]) -> set[str]:
    """The rows shown: the top rows and the children of every branch shown and not folded."""
    shown, stack = set(top), [tid for tid in top if tid in children and tid not in closed]
    while stack:
        below = children[stack.pop()]
        shown.update(below)
        stack.extend(tid for tid in below if tid in children and tid not in closed)
    return shown


NAMED_FOLDS = 5  # a warning names this many folded branches, the biggest, and counts the rest


def folding_note(folded: list[Folded], size: str) -> str:
    """The warning a person reads: what was folded to fit (the biggest branches by name), and how
    to see it all."""
    parts = ", ".join(f"“{f.name}” ({f.hidden} rows)" for f in folded[:NAMED_FOLDS])
    if len(folded) > NAMED_FOLDS:
        rest = folded[NAMED_FOLDS:]
        parts += f" and {len(rest)} more ({sum(f.hidden for f in rest)} rows)"
    return (f"to keep the text readable at {size}, folded {parts} into their summary rows; "
            "choose a taller size, milestones only or a PDF to show every row")

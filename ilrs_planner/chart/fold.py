"""Folding summaries so a picture of fixed size keeps its text readable.

A slide is 1080 pixels tall; 61 rows at a readable height do not fit. Rather than shrink the
text, the branch that hides the most rows is collapsed to its summary row (which then shows its
milestones as a roll-up), and so on until the rows fit. The caller says what was folded.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import Project


@dataclass(frozen=True, slots=True)
class Folded:
    """A summary collapsed to fit: its name and how many rows it hides."""

    name: str
    hidden: int


def _hidden_counts(project: Project, rows: list[str], summaries: set[str]) -> dict[str, int]:
    """Summary id -> how many of `rows` below it would go if it were folded."""
    shown = set(rows)
    counts: dict[str, int] = {}
    for tid in rows:
        parent = project.tasks[tid].parent_id
        while parent is not None:
            if parent in shown and parent in summaries:
                counts[parent] = counts.get(parent, 0) + 1
            parent = project.tasks[parent].parent_id
    return counts


def _without_branch(project: Project, rows: list[str], summary_id: str) -> list[str]:
    """`rows` without the descendants of `summary_id`."""
    def under(tid: str) -> bool:
        parent = project.tasks[tid].parent_id
        while parent is not None:
            if parent == summary_id:
                return True
            parent = project.tasks[parent].parent_id
        return False

    return [tid for tid in rows if not under(tid)]


def fold_to_fit(project: Project, rows: list[str], max_rows: int) -> tuple[list[str], list[Folded]]:
    """`rows` (display order) with the largest branches folded until at most `max_rows` remain,
    and what was folded. Stops when nothing is left to fold (the caller then shrinks or refuses)."""
    summaries = project.summary_ids()
    folded: dict[str, int] = {}  # summary id -> rows it hides, in the order folded
    while len(rows) > max_rows:
        counts = _hidden_counts(project, rows, summaries)
        if not counts:
            break
        # The biggest branch first; of equal ones the later (the earlier phases tell the story).
        order = {tid: i for i, tid in enumerate(rows)}
        biggest = max(counts, key=lambda tid: (counts[tid], order[tid]))
        rows = _without_branch(project, rows, biggest)
        folded = {tid: n for tid, n in folded.items() if tid in rows}  # swallowed by this fold
        folded[biggest] = counts[biggest]
    return rows, [Folded(project.tasks[tid].name, n) for tid, n in folded.items()]


def folding_note(folded: list[Folded], size: str) -> str:
    """The warning a person reads: what was folded to fit, and how to see it all."""
    parts = ", ".join(f"“{f.name}” ({f.hidden} rows)" for f in folded)
    return (f"to keep the text readable at {size}, folded {parts} into their summary rows; "
            "choose a taller size, milestones only or a PDF to show every row")

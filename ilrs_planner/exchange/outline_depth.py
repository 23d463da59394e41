"""How deep an outline an exported file can carry: outline numbers grow with the square of the depth.

MS Project XML (WBS, OutlineNumber) and the XLSX sheet (WBS column) give every task its whole
outline path ("1.4.2" has three parts), so a partner's plan nesting 50,000 tasks one inside the
other (2 MB) would have been a file of 5 GB, written for many minutes. A real plan has a few parts
per task; the bound refuses such an outline before anything is written.
"""

from __future__ import annotations

from ..domain import PlannerError, Project

MAX_OUTLINE_PARTS = 20_000_000  # outline-number parts of all tasks together


def refuse_deep_outline(project: Project, what: str) -> None:
    """`export.failed` naming the depth when `project`'s outline numbers would pass the bound."""
    parts = deepest = 0
    for _task, depth in project.walk():
        parts += depth + 1
        deepest = max(deepest, depth + 1)
    if parts > MAX_OUTLINE_PARTS:
        raise PlannerError("export.failed", f"the outline is {deepest:,} levels deep: the outline numbers of "
                           f"{what} would have {parts:,} parts, more than the {MAX_OUTLINE_PARTS:,} an exported "
                           "plan is allowed; move tasks up the outline to export it")

"""The rows the task table shows, and what an edit did to them, in plain Python.

The table is a flat list of the visible tasks (the outline walked through the open summaries).
After an edit the model compares the old and new lists and tells the view only what happened to
them — a block of rows inserted, removed or moved — so the view keeps its selection, scroll and
open summaries, and 100,000 rows are never laid out again for one added task.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...chart.list_ends import agreed, agreeing_ends, common_prefix, common_suffix

INSERT, REMOVE, MOVE, REPLACE, SAME = "insert", "remove", "move", "replace", "same"


def visible_rows(children: dict[str | None, list[str]], open_ids: set[str], top: str | None = None,
                 kept: set[str] | None = None) -> list[str]:
    """The tasks below `top` (None: the whole plan) in display order, entering only open summaries
    and, with a filter, only the tasks it `kept` (None: every task)."""
    rows: list[str] = []
    stack = list(reversed(children.get(top, [])))
    pop, push, add = stack.pop, stack.extend, rows.append
    if kept is not None:  # a filtered-out task is left out with its branch, as a closed summary hides its own
        stack[:] = [tid for tid in stack if tid in kept]
        pushed = push
        push = lambda below: pushed(tid for tid in below if tid in kept)  # noqa: E731
    while stack:
        tid = pop()
        add(tid)
        if tid in open_ids:
            below = children.get(tid)
            if below:
                push(reversed(below))
    return rows


@dataclass(frozen=True)
class RowEdit:
    """The one contiguous change between two row lists, starting at row `first`.

    `old` rows leave and `new` rows arrive there. For a MOVE, the first `split` rows of `old` end
    up after the rest (rows `first`..`first + split - 1` go to before row `first + len(old)`)."""

    kind: str
    first: int
    old: list[str]
    new: list[str]
    split: int = 0


def row_edit(before: list[str], after: list[str], ends: tuple[int, int] | None = None) -> RowEdit:
    """What turns `before` into `after`: an insert, a removal, a move of a block, or (anything
    else) a replacement of one stretch of rows. `ends`: where the two agree, when the caller
    knows it (see block_ends)."""
    if ends is None:
        ends = agreeing_ends(before, after)  # the chart asks the same of the same two lists
    else:
        agreed(before, after, ends)  # and is given this answer
    first, last = ends
    old, new = before[first:len(before) - last], after[first:len(after) - last]
    if not old and not new:
        return RowEdit(SAME, first, old, new)
    if not old:
        return RowEdit(INSERT, first, old, new)
    if not new:
        return RowEdit(REMOVE, first, old, new)
    if len(old) == len(new) and new[0] in old:
        split = old.index(new[0])
        if split and new == old[split:] + old[:split]:
            return RowEdit(MOVE, first, old, new, split)
    return RowEdit(REPLACE, first, old, new)


def block_ends(rows: int, row: int, before: list[str], after: list[str]) -> tuple[int, int]:
    """agreeing_ends of a list of `rows` rows and the list made from it by replacing the block
    `before`, which follows row `row`, with `after`: found from the two blocks alone (the rows
    around them are the same objects), not by comparing 100,000 rows (1-2 ms an edit)."""
    if before == after:
        return rows, 0
    shared = common_prefix(before, after)  # rows are distinct: the agreement stops inside the blocks
    tail = rows - (row + 1) - len(before)
    return row + 1 + shared, tail + common_suffix(before, after, shared)

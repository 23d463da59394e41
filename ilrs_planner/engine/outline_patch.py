"""The outline in order after an edit that moved a few tasks in it, made from the order before.

Putting a 100,000-task outline in order (engine/outline_order.py) cost some 7 ms after every edit that
added, removed, indented or outdented a task, though such an edit changes the order of one task and
its sub-tasks. A summary none of whose sub-tasks (at any depth) gained, lost or reordered a child
keeps its rows together and in the same order: its block of the order before is taken whole. Only the
summaries whose children changed (the `touched` parents) and those above them are laid out again,
child by child. Whether a child changed is read from the outline and the positions themselves, not
from what the edit says it did: a task is new, or its parent or its position is not what it was.
Anything larger (many parents touched, thousands of children to lay out, rows reordered) is put in
order afresh.
"""

from __future__ import annotations

import numpy as np

MOST_ABOVE = 256  # touched parents and the summaries above them laid out again, at most
MOST_CHILDREN = 4096  # their children, at most


class OrderBefore:
    """What the order is patched from: the outline before (each row's parent, position), in order
    (each row's place and count of rows under it), and each new row's row before (-1: new)."""

    def __init__(self, parent: np.ndarray, positions: np.ndarray, where: np.ndarray, size: np.ndarray,
                 order: np.ndarray, old_of_new: np.ndarray):
        self.parent, self.positions, self.where, self.size = parent, positions, where, size
        self.order, self.old_of_new = order, old_of_new


def patched_order(before: OrderBefore, parent: np.ndarray,
                  positions: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """(the rows in outline order, each row's count of rows under it) of the outline `parent` (each
    row's parent row, -1 at the top) with `positions`; None when the edit moved too much to patch
    (the order is then made afresh)."""
    n, old = len(parent), before.old_of_new
    known = old >= 0
    if len(old) != n or not np.all(np.diff(old[known]) > 0):
        return None  # rows reordered: ties among positions could fall otherwise
    new_of_old = np.full(len(before.parent), -1, np.int64)
    new_of_old[old[known]] = np.flatnonzero(known)
    touched = _touched_parents(before, new_of_old, parent, positions)
    above = None if touched is None else _with_summaries_above(touched, parent)
    if touched is None or above is None:
        return None
    size = np.ones(n, np.int64)
    size[known] = before.size[old[known]]
    layout = _Layout(before, new_of_old[before.order], size, touched, above, (parent, positions))
    if layout.lay_out(-1) != n:
        return None
    order = np.concatenate(layout.pieces) if layout.pieces else np.zeros(0, np.int64)
    return (order, size) if len(order) == n else None


def _touched_parents(before: OrderBefore, new_of_old: np.ndarray, parent: np.ndarray,
                     positions: np.ndarray) -> set[int] | None:
    """The parents (-1: the top level) whose children are not those before, or not in the same
    positions: a new row's parent, a row's parent now and before when it moved or changed position,
    and the parent of a row gone."""
    old = before.old_of_new
    known = old >= 0
    at = np.maximum(old, 0)
    parent_then = before.parent[at]
    carried = np.where(parent_then >= 0, new_of_old[np.maximum(parent_then, 0)], -1)
    lost_parent = (parent_then >= 0) & (carried < 0)  # its parent gone, the row kept
    rows = np.flatnonzero(~known | lost_parent | (carried != parent) | (before.positions[at] != positions))
    gone = np.flatnonzero(new_of_old < 0)
    if len(rows) + len(gone) > MOST_ABOVE:
        return None
    gone_parents = before.parent[gone]
    gone_parents = np.where(gone_parents >= 0, new_of_old[np.maximum(gone_parents, 0)], -1)
    return {*parent[rows].tolist(), *carried[rows[known[rows]]].tolist(), *gone_parents.tolist()}


def _with_summaries_above(touched: set[int], parent: np.ndarray) -> dict[int, list[int]] | None:
    """Each of `touched` and every summary above one of them (-1, the top level, always), with its
    children among them."""
    rows = {-1}
    for row in touched:
        while row >= 0 and row not in rows:
            rows.add(row)
            if len(rows) > MOST_ABOVE:
                return None
            row = int(parent[row])
    above: dict[int, list[int]] = {row: [] for row in rows}
    for row in rows:
        if row >= 0:
            above[int(parent[row])].append(row)
    return above


class _Layout:
    """The new order laid out in pieces: blocks of the order before, and the rows laid out again."""

    def __init__(self, before: OrderBefore, carried: np.ndarray, size: np.ndarray, touched: set[int],
                 above: dict[int, list[int]], outline: tuple[np.ndarray, np.ndarray]):
        self.before, self.carried, self.size, self.touched, self.above = before, carried, size, touched, above
        self.parent, self.positions = outline
        self.pieces: list[np.ndarray] = []

    def lay_out(self, row: int) -> int:
        """Append `row` (-1: the top level) and the rows under it, in order; set the sizes of the
        summaries laid out again; the count of rows laid out (-1: too many children to lay out)."""
        count = self._children_anew(row) if row in self.touched else self._block_kept(row)
        if row >= 0 and count >= 0:
            self.size[row] = count
        return count

    def _block_kept(self, row: int) -> int:
        """A row whose children are those before, in the same order: its block before, the blocks of
        its children laid out again put in theirs."""
        before, pieces = self.before, self.pieces
        was = int(before.old_of_new[row]) if row >= 0 else -1
        start, stop = (int(before.where[was]), int(before.where[was] + before.size[was])) if was >= 0 \
            else (0, len(self.carried))
        count = stop - start
        for kid in sorted(self.above[row], key=lambda kid: int(before.where[max(int(before.old_of_new[kid]), 0)])):
            was_kid = int(before.old_of_new[kid])
            if was_kid < 0:
                return -1  # (a new child makes its parent touched: not met)
            place, rows = int(before.where[was_kid]), int(before.size[was_kid])
            pieces.append(self.carried[start:place])
            laid = self.lay_out(kid)
            if laid < 0:
                return -1
            count += laid - rows
            start = place + rows
        pieces.append(self.carried[start:stop])
        return count

    def _children_anew(self, row: int) -> int:
        """A row whose children changed: itself, then each child's rows in display order."""
        before, pieces = self.before, self.pieces
        kids = np.flatnonzero(self.parent == row)  # in display order: by position, ties in row order
        if len(kids) > MOST_CHILDREN:
            return -1
        count = 0
        if row >= 0:
            pieces.append(np.array([row], np.int64))
            count = 1
        for kid in kids[np.argsort(self.positions[kids], kind="stable")].tolist():
            was = int(before.old_of_new[kid])
            if kid in self.above:
                laid = self.lay_out(kid)
                if laid < 0:
                    return -1
                count += laid
            elif was < 0:  # a new row without children (one with children has them touched, and is above)
                pieces.append(np.array([kid], np.int64))
                count += 1
            else:
                place, rows = int(before.where[was]), int(before.size[was])
                pieces.append(self.carried[place:place + rows])
                count += rows
        return count

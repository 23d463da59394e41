"""After the passes: summary tasks rolled up from their sub-tasks, total float, critical flags."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ._bounds import BIG
from ._network import Network

# Single precision: half the memory traffic of doubles, which is what the passes are bound by.
# Day counts from the project start stay exact (whole numbers below 2**24); sampled dates carry
# about 0.004 days of rounding at a century's distance (hence TOLERANCE).
DTYPE = np.float32
TOLERANCE = 0.01  # days: float32 dates carry about 0.004 days of rounding at a century's distance


@dataclass(slots=True)
class BlockResult:
    """Per task, for one block of iterations: early finish and the critical flags."""

    finish: np.ndarray
    critical: np.ndarray


def settle(net: Network, summaries: list[tuple[int, slice | list[int]]], early: np.ndarray, finish: np.ndarray,
           late: np.ndarray, float_from: Sequence[tuple[int, np.ndarray]] = (),
           start_caps: Sequence[StartCap] = ()) -> BlockResult:
    """Task rows: leaves as computed; summaries span their sub-tasks and take their least float.

    `early` and `late` hold the starts (tasks first), `finish` the tasks' finishes; all are
    overwritten in place (the late starts become total floats). `float_from`: (task, start its
    float counts from) of the tasks held as late as possible, whose float is the room they had.
    `start_caps`: the summaries held by an SNLT/MSO date (see start_caps).
    """
    n = len(net.task_ids)
    start = early[:n]
    slack = late[:n]
    np.subtract(slack, start, out=slack)  # total float, in place of the late starts
    for task, first_start in float_from:
        slack[task] += start[task]
        slack[task] -= first_start
    slack[net.finished] = np.inf  # finished work is never critical and does not make its phase critical
    for s, kids in summaries:
        np.min(start[kids], axis=0, out=start[s])
        np.max(finish[kids], axis=0, out=finish[s])
        np.min(slack[kids], axis=0, out=slack[s])
    critical = slack <= TOLERANCE
    for s, groups in start_caps:  # SNLT/MSO on a summary lowers its own float only
        critical[s] |= np.isfinite(slack[s]) & (_starts_past_cap(start, s, groups) >= -TOLERANCE)
    return BlockResult(finish, critical)


StartCap = tuple[int, list[tuple[float, list[int] | None]]]


def _starts_past_cap(start: np.ndarray, summary: int, groups: list[tuple[float, list[int] | None]]) -> np.ndarray:
    """Per iteration: how far the summary's earliest sub-task starts past its SNLT/MSO date (less than
    0: before it), each sub-task counted on its own calendar (None: all on one, the summary's start)."""
    margin = np.full(start.shape[1], np.inf, dtype=start.dtype)
    for cap, leaves in groups:
        first = start[summary] if leaves is None else start[leaves].min(axis=0)
        np.minimum(margin, first - cap, out=margin)
    return margin


def start_caps(net: Network) -> list[StartCap]:
    """(summary, [(its SNLT/MSO date as a position, the leaves under it on that calendar)]) per summary
    held to start by a date, as the passes count (days from the start; working days on working calendars).

    A summary keeps the date itself (_bounds), and the scheduler compares it with the day its earliest
    sub-task starts: a Friday 31 days after a Tuesday start is 23 working days on a Monday-to-Friday
    calendar, not 31 (which left a phase held to its date 8 days of float). Positions of two calendars
    do not compare, so the summary's own start (the least of its sub-tasks' positions) serves only
    where they share one; otherwise each calendar's sub-tasks meet the date counted on theirs (a
    phase on one calendar held against a sub-task's start on another read critical, or not, at random).
    """
    capped = np.flatnonzero(net.is_summary & (net.start_cap < BIG)).tolist()
    if not capped:
        return []
    under = _leaves_under(net)
    found: list[StartCap] = []
    for s in capped:
        day = int(net.start_cap[s])
        by_row: dict[int, list[int]] = {}
        for leaf in under.get(s, []):
            by_row.setdefault(int(net.node_row[leaf]), []).append(leaf)
        groups: list[tuple[float, list[int] | None]] = [(_position(net, row, day), leaves)
                                                        for row, leaves in by_row.items()]
        if len(by_row) <= 1:
            groups = [(_position(net, next(iter(by_row), int(net.task_row[s])), day), None)]
        found.append((s, groups))
    return found


def _position(net: Network, row: int, day: int) -> float:
    if net.time is None:
        return float(day - net.start)
    return float(net.time.pos(row, day) - net.start)


def _leaves_under(net: Network) -> dict[int, list[int]]:
    """Per summary: the leaves anywhere under it."""
    under: dict[int, list[int]] = {}
    parents = net.parent.tolist()
    for leaf in np.flatnonzero(~net.is_summary[: len(net.task_ids)]).tolist():
        up = parents[leaf]
        while up >= 0:
            under.setdefault(up, []).append(leaf)
            up = parents[up]
    return under


def summaries_bottom_up(net: Network) -> list[tuple[int, slice | list[int]]]:
    """(summary, its direct children), deepest summaries first.

    Children in consecutive rows (the usual outline) come as a slice: a view of the matrix, where
    a list of rows would copy them before every reduction.
    """
    kids: dict[int, list[int]] = {}
    for child, parent in enumerate(net.parent.tolist()):
        if parent >= 0:
            kids.setdefault(parent, []).append(child)
    ordered = sorted(kids.items(), key=lambda item: -int(net.depth[item[0]]))
    return [(s, slice(rows[0], rows[-1] + 1) if rows[-1] - rows[0] == len(rows) - 1 else rows)
            for s, rows in ordered]

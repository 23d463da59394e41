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
           late: np.ndarray, float_from: Sequence[tuple[int, np.ndarray]] = ()) -> BlockResult:
    """Task rows: leaves as computed; summaries span their sub-tasks and take their least float.

    `early` and `late` hold the starts (tasks first), `finish` the tasks' finishes; all are
    overwritten in place (the late starts become total floats). `float_from`: (task, start its
    float counts from) of the tasks held as late as possible, whose float is the room they had.
    """
    n = len(net.task_ids)
    start = early[:n]
    slack = late[:n]
    np.subtract(slack, start, out=slack)  # total float, in place of the late starts
    for task, first_start in float_from:
        slack[task] += start[task]
        slack[task] -= first_start
    slack[net.finished] = np.inf  # finished work is never critical and does not make its phase critical
    own_cap = {}
    for s, kids in summaries:
        np.min(start[kids], axis=0, out=start[s])
        np.max(finish[kids], axis=0, out=finish[s])
        np.min(slack[kids], axis=0, out=slack[s])
        if net.start_cap[s] < BIG:  # SNLT/MSO on a summary lowers its own float only
            own_cap[s] = _latest_start(net, s) - start[s]
    critical = slack <= TOLERANCE
    for s, own in own_cap.items():
        critical[s] |= np.isfinite(slack[s]) & (own <= TOLERANCE)
    return BlockResult(finish, critical)


def _latest_start(net: Network, summary: int) -> float:
    """A summary's SNLT/MSO date as the passes count (days from the start; working days of its calendar
    on working calendars): a summary keeps the date itself (_bounds), a Friday 31 days after a Tuesday
    start being 23 working days on, not 31, which left a phase held to its date 8 days of float."""
    day = int(net.start_cap[summary])
    if net.time is None:
        return float(day - net.start)
    return float(net.time.pos(int(net.task_row[summary]), day) - net.start)


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

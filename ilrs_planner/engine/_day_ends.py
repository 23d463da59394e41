"""Which milestones sit at the END of a working day, and which at the start of one (MS Project's moments).

A position on a working calendar is the moment between one working day and the next, so a milestone
at position p is either at the end of the working day before it (Friday 17:00, as MS Project puts a
milestone after a task that finishes on Friday, and shows it on Friday) or at the start of the next
(Monday 08:00: the plan's start, an SNET/MSO/FNET/MFO date, the status date, an actual date, or an
SS/SF link from a task's start). Per edge of the network the moment it hands on is fixed when it
leaves a task of some duration (its finish is an end of day, its start a start of day), inherited
when it leaves a milestone or a summary's gate, and an end of day after a positive lag (work counted
from any moment ends at the end of a day). A milestone takes the moment of what drives it: its own
date, or the edges whose bound equals its early position; when several tie, the start of the next
day is the later moment and wins (MPXJ's MicrosoftScheduler agrees, see the tests).

Where links cross calendars, the moments are found by the forward pass itself, which reads them
(see _moments); here they are only looked up. The rule below serves networks on one calendar each
way, on which a milestone's two moments read alike.
"""

from __future__ import annotations

import numpy as np

from . import _loops_moments
from ._edges import FROM_START, INHERITED
from ._moments import recall, tracked
from ._network import Network
from ._summary_starts import forward_bounds

_VECTOR_ROUNDS = 32  # chains of milestones are short; past this many rounds a plain sweep is cheaper


class _Last:
    """The flags last found without `held_late`: the scheduler asks for the same network and early
    positions twice (for the late caps of milestones with deadlines, then for the dates), and the
    positions are read-only once asked for, so the same objects hold the same values."""

    found: tuple[Network, np.ndarray, np.ndarray] | None = None


def day_end_flags(net: Network, early: np.ndarray, held_late: np.ndarray | None = None) -> np.ndarray:
    """Per task: True for a milestone whose early moment is the end of a working day (read-only).

    `held_late`: tasks an as-late-as-possible rule holds on their late dates, which are ends of days.
    """
    if tracked(net):  # found by the forward pass (see _moments)
        ends = recall(net, early)
        if ends is None:  # no longer kept: the pass that finds them, again
            ends = np.array(_loops_moments.forward(net)[2], dtype=bool)
        return ends[: len(net.task_ids)]
    last = _Last.found
    if held_late is None and last is not None and last[0] is net and last[1] is early:
        return last[2]
    flags = _flags(net, early, held_late)
    if held_late is None:
        early.flags.writeable = flags.flags.writeable = False
        _Last.found = (net, early, flags)
    return flags


def _flags(net: Network, early: np.ndarray, held_late: np.ndarray | None) -> np.ndarray:
    n = len(net.task_ids)
    point = np.zeros(net.n_nodes, dtype=bool)
    point[:n] = ~net.is_summary & (net.duration == 0)
    if not point.any():
        return point[:n]
    point[n:] = True  # a gate hands on the moment that drives it
    own = point & ((early == net.base) | (early == net.fixed))
    edges = np.flatnonzero(point[net.targets])
    driving = edges[forward_bounds(net, early, edges) == early[net.targets[edges]]]
    src = net.edge_sources()[driving]
    dst, kind = net.targets[driving], net.edge_moments[driving]
    driven = np.zeros(net.n_nodes, dtype=bool)
    driven[dst] = True
    at_end = point & ~own & driven
    if held_late is not None:
        at_end[:n] |= held_late & point[:n]
        own[:n] |= held_late
    kept = _manual_day_ends(net, early, point)
    at_end[:n] |= kept
    own[:n] |= kept
    at_end = _settle(at_end, own, src, dst, kind)
    return at_end[:n]


def _manual_day_ends(net: Network, early: np.ndarray, point: np.ndarray) -> np.ndarray:
    """Per task: a manual milestone on its manual start at the end of that day (the moment it was
    kept at: MS Project's ManualStart 17:00), which no edge into it decides."""
    n = len(net.task_ids)
    kept = np.zeros(n, dtype=bool)
    if not net.manual.any():
        return kept
    for i in np.flatnonzero(net.manual & point[:n]).tolist():
        task = net.tasks[i]
        kept[i] = task.manual_start is not None and task.manual_start_at_day_end is True and \
            early[i] == net.fixed[i] and not net.history[i]
    return kept


def _settle(at_end: np.ndarray, own: np.ndarray, src: np.ndarray, dst: np.ndarray, kind: np.ndarray) -> np.ndarray:
    """Clear the flag of every node some driving edge hands a start of day (a fixed point on the DAG)."""
    keep = ~own[dst]  # a node on its own date needs no edge
    src, dst, kind = src[keep], dst[keep], kind[keep]
    for _ in range(_VECTOR_ROUNDS):
        hands_start = np.where(kind == INHERITED, ~at_end[src], kind == FROM_START)
        cleared = np.unique(dst[hands_start & at_end[dst]])
        if not cleared.size:
            return at_end
        at_end[cleared] = False
    return _settle_by_sweeps(at_end, src.tolist(), dst.tolist(), kind.tolist())


def _settle_by_sweeps(at_end: np.ndarray, src: list[int], dst: list[int], kind: list[int]) -> np.ndarray:
    """_settle for long chains of milestones: repeat plain sweeps until nothing changes."""
    flags = at_end.tolist()
    changed = True
    while changed:
        changed = False
        for u, v, k in zip(src, dst, kind):
            if flags[v] and (not flags[u] if k == INHERITED else k == FROM_START):
                flags[v], changed = False, True
    return np.asarray(flags, dtype=bool)

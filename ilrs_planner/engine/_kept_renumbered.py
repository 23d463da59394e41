"""Kept passes carried over to a network whose nodes an added or removed last task renumbered.

A task added to a plan goes to the end of its tasks: it becomes node n and every gate node moves up
by one; its undo (or deleting it) moves them down again. The kept passes (see _kept_passes) then
match no network by their nodes, and the full passes ran, though the edit reached a handful of
nodes. Here the kept record is written in the new numbering: a new node holds UNKNOWN (a value no
pass computes) as its bound, cap and dates, so it is computed again; an edge to or from a node that
is gone is dropped, its target marked for the forward pass and its source for the backward pass.
Every other input is then compared as for a network with the same nodes, and the result is the
full passes' to the day (the property tests compare both).
"""

from __future__ import annotations

import numpy as np

from ._kept_passes import PassRecord
from ._network import Network

UNKNOWN = np.iinfo(np.int64).min  # a bound, cap or date no pass computes: the node is computed again
_MOST_RANK = 2**60  # ranks are doubled at each task added: past this, the full passes number them again


def renumbered(record: PassRecord, net: Network) -> PassRecord | None:
    """The record in `net`'s numbering when `net` has the record's tasks with one more or one fewer
    at the end (and the same gates, moved up or down by one); None otherwise."""
    assert record.caps is not None and record.late is not None and record.free is not None
    assert record.open_weights is not None, "a kept pass is kept with its backward pass"
    if net.crossings is not None or not _same_gates(record, net):
        return None
    at = min(record.n_tasks, len(net.task_ids))  # the node added or removed
    grows = len(net.task_ids) > record.n_tasks
    offsets, targets, kept, lost = _edges(record, at, grows)
    base, caps, fixed, early, late, free = (_moved(values, at, grows) for values in (
        record.base, record.caps, record.fixed, record.early, record.late, record.free))
    base[lost[1]] = UNKNOWN  # lost a predecessor: computed again forward
    caps[lost[0]] = UNKNOWN  # lost a successor: computed again backward
    rank = _ranks(record.rank, at, net) if grows else np.delete(record.rank, at)
    if rank is None:
        return None
    least = np.insert(record.least, at, False) if grows else np.delete(record.least, at)
    weights, open_weights = (column if kept is None else column[kept]
                             for column in (record.weights, record.open_weights))
    return PassRecord(offsets, targets, net.node_task, net.gates, len(net.task_ids), weights, base, fixed, least,
                      rank, early, caps, open_weights, late, free, carried=True)


def _same_gates(record: PassRecord, net: Network) -> bool:
    """Has `net` the record's gates, moved by the one task added or removed at the end (which has none)?"""
    old_n, new_n = record.n_tasks, len(net.task_ids)
    step = new_n - old_n
    if abs(step) != 1 or net.n_nodes - record.node_task.size != step:
        return False
    common = min(old_n, new_n)
    for kind, gates in record.gates.items():
        if gates[common:].max(initial=-1) >= 0 or net.gates[kind][common:].max(initial=-1) >= 0:
            return False  # the task added or removed is a summary
        if not np.array_equal(np.where(gates[:common] >= 0, gates[:common] + step, -1), net.gates[kind][:common]):
            return False
    return True


def _moved(values: np.ndarray, at: int, grows: bool) -> np.ndarray:
    """Per-node values with node `at` added (holding UNKNOWN) or removed."""
    return np.insert(values, at, UNKNOWN) if grows else np.delete(values, at)


def _edges(record: PassRecord, at: int,
           grows: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, tuple[np.ndarray, np.ndarray]]:
    """(offsets, targets) in the new numbering, the old edges kept (None: all), and the ends, in the
    new numbering, of the edges that went with the node removed: (their sources, their targets)."""
    offsets, targets = record.offsets, record.targets
    if grows:
        none = targets[:0]
        return np.insert(offsets, at, offsets[at]), np.where(targets >= at, targets + 1, targets), None, (none, none)
    into = np.flatnonzero(targets == at)
    out = np.arange(offsets[at], offsets[at + 1])
    gone = np.union1d(into, out)
    kept = np.ones(targets.size, dtype=bool)
    kept[gone] = False
    new_offsets = np.delete(offsets - np.searchsorted(gone, offsets), at)
    lost = (_down(np.searchsorted(offsets, into, "right") - 1, at), _down(targets[out], at))
    return new_offsets, _down(targets[kept], at), kept, lost


def _down(nodes: np.ndarray, gone: int) -> np.ndarray:
    """Nodes numbered after node `gone` was removed."""
    return np.asarray(np.where(nodes > gone, nodes - 1, nodes))


def _ranks(rank: np.ndarray, at: int, net: Network) -> np.ndarray | None:
    """The kept ranks doubled, and the new node's between its predecessors' and its successors'."""
    if rank.size and int(rank.max()) >= _MOST_RANK:
        return None
    ranks = np.insert(rank * 2, at, 0)
    before = net.edge_sources()[net.targets == at]
    after = net.targets[net.offsets[at]:net.offsets[at + 1]]
    ranks[at] = int(ranks[before].max()) + 1 if before.size else (int(ranks[after].min()) - 1 if after.size else 0)
    if after.size and int(ranks[after].min()) <= ranks[at]:
        return None
    return ranks

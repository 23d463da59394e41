"""The WBS as jump pointers: ancestor questions in O(n log depth) numpy work, whatever the depth.

A loop per outline level costs a few numpy calls per level, so a 20,000-deep outline made
20,000 passes over the summaries (quadratic). Jump pointers (`jumps[k][i]` is the ancestor
2**k levels above task i) answer the same questions in log2(depth) whole-array passes: a flag
spread down to every descendant, a min/max gathered up from every descendant, and "is a an
ancestor of b". Index n stands for "above the top level" and points at itself, so jumps never
need a test for -1.
"""

from __future__ import annotations

import numpy as np

from ._recent import Recent


def ancestor_jumps(parent: np.ndarray, depth: np.ndarray) -> list[np.ndarray]:
    """jumps[k][i]: the ancestor 2**k levels above task i (n past the top); length n+1 each."""
    n = len(parent)
    step = np.append(np.where(parent < 0, n, parent), n)
    step.flags.writeable = False  # the levels of the outline are known by it (see _levels_of)
    jumps = [step]
    deepest = int(depth.max()) if n else 0
    while (1 << len(jumps)) <= deepest:
        step = step[step]
        jumps.append(step)
    return jumps


def spread_down(flags: np.ndarray, jumps: list[np.ndarray]) -> np.ndarray:
    """Each task's flag or'ed with every ancestor's (flags: (..., n) bool)."""
    n = flags.shape[-1]
    reach = np.concatenate([flags, np.zeros(flags.shape[:-1] + (1,), dtype=bool)], axis=-1)
    for step in jumps:  # after pass k, every ancestor up to 2**(k+1)-1 levels above is folded in
        reach = reach | reach[..., step]
    return reach[..., :n]


def gather_up(values: np.ndarray, jumps: list[np.ndarray], ufunc: np.ufunc) -> np.ndarray:
    """Each task's value folded (np.minimum / np.maximum) with every descendant's."""
    n = len(values)
    levels = _levels_of(jumps[0]) if n and len(jumps) <= _LEVELLED_JUMPS else None
    if levels is not None:
        return _gather_by_levels(values, levels, ufunc)
    folded = np.append(values, values[:1] if n else values)
    for step in jumps:  # pass k brings in the descendants 2**k .. 2**(k+1)-1 levels below
        ufunc.at(folded, step[:n], folded[:n].copy())
    return folded[:n]


# An outline up to 2**this levels deep is folded a level at a time, the deepest first: one reduceat
# per level over the runs of children with one parent (in plan order), where a pass per jump reaches
# every task each time.
_LEVELLED_JUMPS = 5
Levels = list[tuple[np.ndarray, np.ndarray, np.ndarray]]  # per level, deepest first: children, run parents, run starts
_LEVELS: Recent[Levels] = Recent(size=2)  # an edit's outline and the one before it, for undo and redo


def _levels_of(step: np.ndarray) -> Levels:
    """The tasks of each level of the outline (`step`: jumps[0]) in plan order, split in runs of one
    parent (a parent's children are mostly together), the deepest level first; kept while the
    outline stays, and carried to the outline with a task added at the end of the plan or a leaf
    moved under another parent."""
    last = _Asked.last
    if last is not None and last[0] is step and not step.flags.writeable:  # four columns, one outline
        return last[1]
    levels = _LEVELS.get((step,), None, lambda: _with_last_task(step) or _with_leaf_moved(step) or _levels(step))
    _Asked.last = (step, levels)
    return levels


class _Asked:
    """The outline last asked about (its jumps[0], never written to) and its levels: one schedule
    asks four times, and comparing 100,000 parents each time cost a fraction of a millisecond."""

    last: tuple[np.ndarray, Levels] | None = None


def _with_last_task(step: np.ndarray) -> Levels | None:
    """The levels of the outline last asked for, with the plan's last task put at the end of its
    level (where a task added goes: every other task keeps its level and its place in it), when
    `step` is that outline with one task appended; else None. Finding the levels again took an Add
    task on a 100,000-task plan about 4 ms, this a fraction of one."""
    latest = _LEVELS.latest()
    n = step.size - 1
    if latest is None or latest[0][0].size != n:
        return None
    old, levels = latest[0][0][:-1], latest[1]
    if not np.array_equal(np.where(old == n - 1, n, old), step[:n - 1]):  # "above the top" was n - 1
        return None
    depth, up = 0, int(step[n - 1])
    while up < n and depth <= len(levels):
        depth, up = depth + 1, int(step[up])
    if depth > len(levels):
        return None  # a level deeper than any before (or a loop, which the checks refuse)
    if depth == 0:
        return list(levels)  # a top-level task folds into nothing
    place = len(levels) - depth  # the deepest level first
    children, parents, starts = levels[place]
    parent = int(step[n - 1])
    if not children.size or int(parents[-1]) != parent:  # a run of its own
        parents, starts = np.append(parents, parent), np.append(starts, children.size)
    grown = (np.append(children, n - 1), parents, starts)
    return [*levels[:place], grown, *levels[place + 1:]]


def _with_leaf_moved(step: np.ndarray) -> Levels | None:
    """The levels of the outline last asked for, with one task that has no sub-tasks taken out of
    its level and put into its new one in plan order (Indent, Outdent, their undo and redo: every
    other task keeps its level), when `step` is that outline with this one task's parent changed;
    else None. Only the two levels it leaves and joins are listed again, where finding every
    level again took an indent on a 100,000-task plan some 3 ms."""
    latest = _LEVELS.latest()
    n = step.size - 1
    if latest is None or latest[0][0].size != step.size:
        return None
    old, levels = latest[0][0], list(latest[1])
    differ = np.flatnonzero(old != step)
    if differ.size != 1 or differ[0] == n:
        return None
    leaf = int(differ[0])
    if (step[:n] == leaf).any():
        return None  # a branch moved: its sub-tasks change level too
    was, now = _depth_of(old, leaf, len(levels)), _depth_of(step, leaf, len(levels))
    if was is None or now is None:
        return None  # a level deeper than any before (or a loop, which the checks refuse)
    if was:
        children = levels[len(levels) - was][0]
        levels[len(levels) - was] = _level(np.delete(children, np.searchsorted(children, leaf)), step)
    if now:
        children = levels[len(levels) - now][0]
        levels[len(levels) - now] = _level(np.insert(children, np.searchsorted(children, leaf), leaf), step)
    return levels[1:] if levels and not levels[0][0].size else levels  # its deepest level emptied


def _depth_of(step: np.ndarray, task: int, most: int) -> int | None:
    """The task's level (0: the top), None when deeper than `most`."""
    n, depth, up = step.size - 1, 0, int(step[task])
    while up < n:
        depth, up = depth + 1, int(step[up])
        if depth > most:
            return None
    return depth


def _level(children: np.ndarray, step: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A level's entry of these children (in plan order): their runs of one parent."""
    parents = step[children]
    starts = np.flatnonzero(np.concatenate([[True], parents[1:] != parents[:-1]]))[: children.size]
    return children, parents[starts], starts


def _levels(step: np.ndarray) -> Levels:
    n = step.size - 1
    depth = np.zeros(n, dtype=np.int16)  # fewer than 2**_LEVELLED_JUMPS levels
    up, rows = step[:n].copy(), np.arange(n)
    while rows.size:
        rows = rows[up[rows] < n]
        depth[rows] += 1
        up[rows] = step[up[rows]]
    deepest = int(depth.max())
    order = np.argsort(deepest - depth, kind="stable")  # the deepest level first, each in plan order
    bounds = np.searchsorted(deepest - depth[order], np.arange(deepest + 1))
    levels: Levels = []
    for level in range(deepest):  # the top level has no parent to fold into
        levels.append(_level(order[bounds[level]:bounds[level + 1]], step))
    return levels


def _gather_by_levels(values: np.ndarray, levels: Levels, ufunc: np.ufunc) -> np.ndarray:
    """gather_up a level at a time: each run of children folded by reduceat, the runs into their
    parents by ufunc.at (a parent whose children lie in several runs takes each)."""
    folded = values.copy()
    for children, parents, starts in levels:
        if children.size:
            ufunc.at(folded, parents, ufunc.reduceat(folded[children], starts))
    return folded


def is_ancestor(above: np.ndarray, below: np.ndarray, depth: np.ndarray, jumps: list[np.ndarray]) -> np.ndarray:
    """Per pair: True when task `above` is a proper ancestor of task `below`."""
    gap = depth[below] - depth[above]
    up = below.copy()
    for k, step in enumerate(jumps):
        lift = ((np.maximum(gap, 0) >> k) & 1).astype(bool)
        up[lift] = step[up[lift]]
    return np.asarray((gap > 0) & (up == above))

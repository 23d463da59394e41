"""The scheduler's two passes over a network (see cpm): by the numpy levels, by the plain loops, or
from the passes kept from the edit before (see _kept_passes), with the late caps they start from."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np

from ..domain import PlannerError, Project
from . import _kept_passes, _levels, _loops, _loops_moments
from ._bounds import BIG
from ._day_ends import day_end_flags
from ._kept_moved import raised, regated
from ._kept_renumbered import renumbered
from ._late_tasks import late_tasks
from ._moments import pinned_ends, remember, tracked
from ._network import Network
from ._summary_starts import binding_only
from .graph import loop_nodes, loop_task_ids, raise_loop

# Level passes cost a few numpy calls per level, the loops about a microsecond per edge: past one
# level per this many edges (measured on 100,000-task plans) the loops win, or soon will.
LEVELS_PER_EDGE = 100
SMALL_PLAN_NODES = 3000  # below this, numpy's per-call cost outweighs what the level passes save


Passes = tuple[np.ndarray, np.ndarray, np.ndarray, int]  # early, late, free, project finish day
_KEPT = _kept_passes.KeptPasses()  # the last passes, for the next edit's (see _kept_passes)


def passes(project: Project, net: Network, vectorised: bool | None, keep: bool = True) -> Passes:
    """(early, late, free, project finish day) by the level passes or the loops, or from the kept
    passes where an edit changed little (by shape only: the tests compare both ways with it).
    `keep` False: neither read nor leave kept passes (an analysis, perhaps on a risk run's thread,
    must not push out the window's pair for its next edit)."""
    keep = keep and vectorised is None
    prior = _prior(net) if keep else None
    again = _passes_again(project, net, prior) if prior is not None else None
    if again is not None:
        return again
    found = None
    if vectorised or (vectorised is None and net.n_nodes >= SMALL_PLAN_NODES):
        budget = net.n_nodes + 1 if vectorised else max(64, net.targets.size // LEVELS_PER_EDGE)
        found = _levels.levels(net, budget)
    passes, record = _by_loops(project, net) if found is None else _by_levels(project, net, *found)
    if keep and net.crossings is None:
        _KEPT.keep(record)
    return passes


def _prior(net: Network) -> _kept_passes.PassRecord | None:
    """The kept passes of a network with these nodes, or of one an added or removed last task
    renumbered (see _kept_renumbered), or gates made or unmade by an outline edit (see _kept_moved)."""
    prior = _KEPT.prior(net)
    if prior is None and net.crossings is None:
        prior = next(filter(None, (renumbered(entry, net) for entry in _KEPT.entries())), None)
    if prior is None and net.crossings is None:
        prior = next(filter(None, (regated(entry, net) for entry in _KEPT.entries())), None)
    return prior


def _passes_again(project: Project, net: Network, prior: _kept_passes.PassRecord) -> Passes | None:
    """The passes from the kept ones, or None when the edit reached too far (see _kept_passes)."""
    edges = prior.edges(net)
    if not edges.climbing:
        if not edges.climbs(prior.rank):  # an edge against the kept order
            rank = raised(prior.rank, net)
            if rank is None:
                return None
            prior = dataclasses.replace(prior, rank=rank)
        edges.climbing = True  # the ranks, kept or raised, order every edge: not checked again
    forward = _kept_passes.forward_again(net, prior, edges)
    if forward is None:
        return None
    early, moved = forward
    finish = _project_finish(net, early)
    caps = _late_caps(net, backward_from(project, finish), early)
    bound = binding_only(net, early)
    backward = _kept_passes.backward_again(bound, prior, edges, early, moved, caps)
    if backward is None:
        return None
    late, free = backward
    _KEPT.keep(_kept_passes.finished(_kept_passes.started(net, prior.rank, early), bound, caps, late, free))
    return early, late, free, finish


def _by_levels(project: Project, net: Network, level: np.ndarray,
               order: np.ndarray) -> tuple[Passes, _kept_passes.PassRecord]:
    """(early, late, free, project finish) by the numpy level passes, and their record (see _kept_passes)."""
    if order.size < net.n_nodes:
        _refuse_loop(project, net, order.tolist())
    n_levels = int(level.max()) + 1 if level.size else 0
    ends = pinned_ends(net) if tracked(net) else None
    early = _levels.forward(net, level, n_levels, ends)
    if ends is not None:
        remember(net, early, ends)
    finish = _project_finish(net, early)
    caps, bound = _late_caps(net, backward_from(project, finish), early), binding_only(net, early, ends)
    late, free = _levels.backward(bound, level, n_levels, early, caps, ends)
    record = _kept_passes.started(net, level, early)
    return (early, late, free, finish), _kept_passes.finished(record, bound, caps, late, free)


def _by_loops(project: Project, net: Network) -> tuple[Passes, _kept_passes.PassRecord]:
    """(early, late, free, project finish) by the plain loops, and their record (see _kept_passes)."""
    ends, moments = None, None
    if tracked(net):
        order, early, moments = _loops_moments.forward(net)
        ends = np.array(moments, dtype=bool)
    else:
        order, early = _loops.forward(net)
    _refuse_loop(project, net, order)
    early_array = np.array(early, dtype=np.int64)
    if ends is not None:
        remember(net, early_array, ends)
    finish = _project_finish(net, early_array)
    caps = _late_caps(net, backward_from(project, finish), early_array)
    bound = binding_only(net, early_array, ends)
    late, free = _loops.backward(bound, order, early, caps, moments if ends is not None else None)
    late_array, free_array = np.array(late, dtype=np.int64), np.array(free, dtype=np.int64)
    rank = np.empty(net.n_nodes, dtype=np.int64)
    rank[np.array(order, dtype=np.int64)] = np.arange(net.n_nodes)
    record = _kept_passes.finished(_kept_passes.started(net, rank, early_array), bound, caps, late_array,
                                   free_array)
    return (early_array, late_array, free_array, finish), record


def _refuse_loop(project: Project, net: Network, order: list[int]) -> None:
    """Raise `link.cycle` naming a loop when the topological order could not take every node."""
    if len(order) < net.n_nodes:
        raise_loop(project, loop_task_ids(net, loop_nodes(net, order)))


def _project_finish(net: Network, early: np.ndarray) -> int:
    """The latest early finish (a day) of any task (the plan's start when it has none)."""
    leaf = ~net.is_summary
    n = len(net.task_ids)
    return int(net.finish_days(early[:n], net.duration)[leaf].max()) if leaf.any() else net.start


def backward_from(project: Project, finish: int) -> int:
    """The day the backward pass starts from (exclusive): the day after the plan's Must finish by (it
    is the end of its day, as a deadline is), else the plan's finish, the latest early finish."""
    must = project.must_finish_by
    if must is None:
        return finish
    if type(must) is not date:
        raise PlannerError("plan.bad_value", f"the plan's Must finish by {must!r} is not a date")
    return must.toordinal() + 1


def _late_caps(net: Network, finish: int, early: np.ndarray) -> np.ndarray:
    """The latest start each node may take before its successors are considered (`finish`: the day
    the backward pass starts from, see backward_from).

    A milestone with a deadline that the forward pass put at the end of a day may stand at the end
    of the deadline's day (see _bounds._apply_deadline); so may one held as late as possible, which
    sits on its late moment, an end of day (see _late_tasks).
    """
    n = len(net.task_ids)
    leaf = ~net.is_summary
    caps = np.full(net.n_nodes, BIG, dtype=np.int64)
    finish_cap = net.finish_cap
    lifted = net.day_end_cap < BIG
    if lifted.any():
        lifted &= day_end_flags(net, early) | late_tasks(net)
        finish_cap = np.where(lifted, net.day_end_cap, finish_cap)
    latest_finish = np.minimum(net.positions_of(np.full(n, finish)), finish_cap)
    caps[:n] = np.where(leaf, np.minimum(latest_finish - net.duration, net.start_cap), BIG)
    gate = net.gates["out_finish"]
    capped = (gate >= 0) & (net.finish_cap < BIG)
    caps[gate[capped]] = net.finish_cap[capped]  # the out-finish gate holds the latest finish
    return caps

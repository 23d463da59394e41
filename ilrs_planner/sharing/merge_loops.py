"""Dependency loops the two sides' links make together: each broken by dropping a link, and reported.

A loop is found as the scheduler finds one (through summaries too: a link into a summary binds its
sub-tasks), then one link of it is dropped: one the losing side added, else one either side added.
After each loop only the tasks a topological order could not place are searched again: every loop
left runs through them, and dropping links makes no new one. So a partner's copy closing a thousand
loops in a 100,000-task plan costs a thousand searches of those few tasks, not of the whole plan
(it took minutes). Past MAX_LOOPS_ONE_BY_ONE loops, the losing side's new links among the tasks
still in loops are dropped together, as one conflict: a bound on the work hostile input can ask for.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ..domain import Link, Project
from ..engine._network import Network, compile_network
from ..engine.graph import loop_nodes, loop_task_ids, node_order
from .merge_parts import Conflict

MAX_LOOPS_ONE_BY_ONE = 1000


@dataclasses.dataclass(slots=True)
class _Sides:
    base: Project
    ours: Project
    theirs: Project
    choices: dict[str, str]
    conflicts: list[Conflict]


def break_loops(merged: Project, base: Project, ours: Project, theirs: Project,
                choices: dict[str, str], conflicts: list[Conflict]) -> None:
    """Drop links until `merged` has no dependency loop, one conflict per loop (module doc)."""
    sides = _Sides(base, ours, theirs, choices, conflicts)
    scope = merged
    for _ in range(MAX_LOOPS_ONE_BY_ONE):
        net = compile_network(scope)
        order = node_order(net)
        if len(order) == net.n_nodes:
            return
        dropped = _break_one(merged, loop_task_ids(net, loop_nodes(net, order)), sides)
        if dropped is None:
            return
        scope = _still_unplaced(scope, net, order, dropped)
    _drop_the_rest(merged, scope, sides)


def _break_one(merged: Project, loop: list[str], sides: _Sides) -> Link | None:
    """Drop one link of `loop` from `merged` and report it; the link dropped (None: none could be)."""
    keys = " → ".join(merged.tasks[t].key for t in loop + loop[:1] if t in merged.tasks)
    members = set(loop)
    inside = [k for k in merged.links.values() if k.pred_id in members and k.succ_id in members]
    added = [k for k in inside if k.id not in sides.base.links]
    conflict = Conflict("loop", "-".join(sorted(loop)), keys, None, None, None, None,
                        "together the two sides' dependencies form a loop")
    conflict.resolution = sides.choices.get(conflict.key, "ours")
    loser = sides.theirs if conflict.resolution == "ours" else sides.ours
    drop = [k for k in added if k.id in loser.links] or added or inside
    sides.conflicts.append(conflict)
    if not drop:
        return None
    conflict.reason += f"; dropped the dependency {merged.tasks[drop[0].pred_id].key} → " \
                       f"{merged.tasks[drop[0].succ_id].key}"
    del merged.links[drop[0].id]
    return drop[0]


def _still_unplaced(scope: Project, net: Network, order: list[int], dropped: Link) -> Project:
    """The tasks of `scope` a topological order could not place (every loop runs through them), as a
    plan of their own without `dropped`: a sub-task whose summary is placed is taken as top level (the
    summary's gates, placed, lie on no loop)."""
    left = np.ones(net.n_nodes, dtype=bool)
    left[order] = False
    ids = {net.task_ids[t] for t in np.unique(net.node_task[left]).tolist()}
    tasks = {tid: t if t.parent_id is None or t.parent_id in ids else dataclasses.replace(t, parent_id=None)
             for tid, t in scope.tasks.items() if tid in ids}
    links = {lid: k for lid, k in scope.links.items()
             if k.pred_id in ids and k.succ_id in ids and lid != dropped.id}
    return Project(scope.name, scope.start, tasks=tasks, links=links, calendars=scope.calendars,
                   default_calendar_id=scope.default_calendar_id)


def _drop_the_rest(merged: Project, scope: Project, sides: _Sides) -> None:
    """Past the bound: drop every link the losing side added among the tasks still in loops, at once."""
    net = compile_network(scope)
    if len(node_order(net)) == net.n_nodes:
        return
    conflict = Conflict("loop", "many", f"{len(scope.tasks)} tasks", None, None, None, None,
                        f"the two sides' dependencies form more than {MAX_LOOPS_ONE_BY_ONE} loops")
    conflict.resolution = sides.choices.get(conflict.key, "ours")
    loser = sides.theirs if conflict.resolution == "ours" else sides.ours
    drop = [lid for lid in scope.links if lid in loser.links and lid not in sides.base.links]
    for lid in drop:
        del merged.links[lid]
    who = "they" if loser is sides.theirs else "we"
    conflict.reason += f"; dropped the {len(drop)} dependencies {who} added among them"
    sides.conflicts.append(conflict)

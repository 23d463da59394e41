"""The network's rules prepared once per run for the vectorised passes (_risk_passes): the forward and
backward steps as plain Python lists, the tasks held as late as possible and each node's late caps."""

from __future__ import annotations

import numpy as np

from ._bounds import BIG
from ._late_tasks import late_tasks
from ._risk_network import RiskNetwork
from ._risk_settle import start_caps, summaries_bottom_up


class PassPlan:
    """The network's rules as plain Python lists, prepared once per run (not once per block)."""

    def __init__(self, rnet: RiskNetwork, day_ends: np.ndarray | None = None):
        """`day_ends`: per task, a milestone the schedule puts at the end of a working day (see _day_ends)."""
        net = rnet.net
        self.rnet = rnet
        self.n_nodes, self.n_tasks = rnet.n_nodes, rnet.n_tasks
        self.forward = [(r.node, r.task, r.fixed, r.mfo, r.base, r.fnet, r.starts, r.finishes, r.least)
                        for r in rnet.rules]
        alap = late_tasks(net)
        self.alap = np.flatnonzero(alap).tolist()  # the leaves held late (a node's row is its task's)
        # The second forward pass: from the first ALAP task in the order on, the held tasks left out.
        first = next((k for k, r in enumerate(rnet.rules) if r.task >= 0 and alap[r.task]), len(rnet.rules))
        self.after_held = [rule for rule in self.forward[first:] if not (rule[1] >= 0 and alap[rule[1]])]
        caps = cap_rules(rnet, day_ends)
        self.backward = [(r.node, r.task, caps.get(r.node), rnet.out_start[r.node], rnet.out_finish[r.node],
                          rnet.out_least[r.node]) for r in reversed(rnet.rules)]
        self.leaves = np.flatnonzero(~net.is_summary[: self.n_tasks])
        self.summaries = summaries_bottom_up(net)
        self.start_caps = start_caps(net)
        self.sampled = rnet.sampled.tolist()
        # On working calendars: the leaves by calendar row, and the milestones on one (see _risk_backward.finish_caps);
        # on the calendar-days row a milestone's day is its position, however it got there.
        rows = net.node_row[self.leaves]
        point = (net.duration[self.leaves] == 0) & (rows != 0)
        self.milestones_on_calendars = self.leaves[point].tolist()
        self.leaves_by_row = {row: self.leaves[~point & (rows == row)] for row in np.unique(rows[~point]).tolist()}


def cap_rules(rnet: RiskNetwork, day_ends: np.ndarray | None = None) -> dict[int, tuple[float, float]]:
    """Per node with a late cap: (latest finish, latest start) in days, inf where none.

    A milestone with a deadline that the schedule puts at the end of a day may stand at the end of
    the deadline's day, as in the scheduler (_passes._late_caps): its moment of day is the schedule's in
    every iteration, as the samples are read (RiskResult._as_days).
    """
    net = rnet.net

    def to_days(cap: int) -> float:
        return float(cap - net.start) if cap < BIG else np.inf

    finish_cap = net.finish_cap
    if day_ends is not None:
        finish_cap = np.where(day_ends & (net.day_end_cap < BIG), net.day_end_cap, finish_cap)
    caps = {i: (to_days(finish_cap[i]), to_days(net.start_cap[i]))
            for i in np.flatnonzero(~net.is_summary[: rnet.n_tasks]).tolist()}
    gate = net.gates["out_finish"]
    for i in np.flatnonzero((gate >= 0) & (net.finish_cap < BIG)).tolist():
        caps[int(gate[i])] = (to_days(net.finish_cap[i]), np.inf)  # the gate holds the latest finish
    return caps

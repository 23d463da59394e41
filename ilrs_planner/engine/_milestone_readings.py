"""Links out of a milestone into another calendar, read at the milestone's moment of day.

A crossing (see _crossings) turns its source's position into a day: the exclusive day a finish
ends at, or the day a start falls on. A milestone's position is the moment between two working days
of its calendar, and which of the two it is, the end of the one before or the start of the next,
is known only once it is scheduled (see _day_ends). A milestone at the start of Monday on a
Monday-Friday calendar read as a finish would hand a successor on a 7-day calendar Saturday, before
the milestone itself; so the forward pass reads each such crossing at the milestone's early moment
and schedules again, until the moments no longer change (they settle along chains of milestones).
The backward pass reads a finish as before: a milestone's late moment is the end of a day.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ._network import Network

ROUNDS = 8  # chains of milestones between calendars are short; a plan past this keeps the last reading


def read_at_moments(net: Network, at_end: np.ndarray) -> Network | None:
    """The network whose crossings out of milestones read each one's moment (`at_end` per task: at
    the end of a working day, see _day_ends), or None when every one already does."""
    crossings = net.crossings
    if crossings is None:
        return None
    n = len(net.task_ids)
    source = net.edge_sources()[crossings.edges]
    task = np.minimum(source, n - 1)
    point = (source < n) & (net.duration[task] == 0) & ~net.is_summary[task]
    read = crossings.finish if crossings.early_finish is None else crossings.early_finish
    finish = np.where(point, at_end[task], crossings.finish)
    if np.array_equal(finish, read):
        return None
    return dataclasses.replace(net, crossings=dataclasses.replace(crossings, early_finish=finish))

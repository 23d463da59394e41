"""As-late-as-possible tasks, on MS Project's rule: each sits on its late dates.

The plan is first scheduled as if ALAP were ASAP; the backward pass gives each ALAP task its late
dates, within its successors' late dates and the project finish. The task is then held on its late
start and the passes run again, so that what follows it starts from its late finish: MS Project
(and MPXJ's MicrosoftScheduler, which reproduces it) schedules an ALAP task's successors from the
ALAP task's late dates, and they lose the float it took. Late dates do not move. The ALAP task's
total float stays the room it had (late start less its early start), so it is not critical merely
for sitting late; its free float is 0 when a successor follows it at once, or when nothing follows.

Only leaves without actual dates move: a summary's span comes from its sub-tasks, and history is
fixed. A task whose late start lies before its early start (negative float) stays on its early
dates, which its predecessors allow.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from ._network import Network


def late_tasks(net: Network) -> np.ndarray:
    """Per task: a leaf without actual dates, constrained as late as possible."""
    return np.asarray(net.as_late & ~net.is_summary & ~net.history)


def held_late(net: Network, early: np.ndarray, late: np.ndarray, alap: np.ndarray) -> Network:
    """The network with each ALAP task fixed on its late start (its early one when that is later)."""
    n = len(net.tasks)
    fixed = net.fixed.copy()
    fixed[:n][alap] = np.maximum(late[:n], early[:n])[alap]
    return dataclasses.replace(net, fixed=fixed, held=alap)

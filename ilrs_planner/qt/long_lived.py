"""A large plan's objects kept out of the garbage collector's full passes while it is open.

A plan of 100,000 tasks is some 300,000 tracked objects (tasks, links, the dicts and lists that hold
them), and a full pass of Python's cyclic collector walks every one: 40-170 ms, every few edits,
landing on whichever edit happened to allocate enough. They live as long as the plan is shown, so
once it is, `gc.freeze()` moves them (with everything else alive then) out of the collector's sight:
full passes then walk only what was made since. A frozen object is still freed the moment nothing
refers to it; only a cycle among frozen objects waits, until the plan is replaced: the frozen
objects are then handed back (`gc.unfreeze()`), and collected once before another plan is frozen,
which frees the plan before and any such cycle. Nothing outlives the plan shown with it; the first
freeze collects nothing first, as a full pass over a plan just read is what opening avoids
(store/gcpause.py).
"""

from __future__ import annotations

import gc

from ..domain import Project

# Below this many tasks a full pass is short (a few ms): the plan is left to the collector.
FREEZE_FROM_TASKS = 10_000


def settle(project: Project) -> None:
    """`project` is now the plan shown: freeze what is alive if it is large (see the module's text)."""
    was_frozen = gc.get_freeze_count() > 0
    large = len(project.tasks) >= FREEZE_FROM_TASKS
    if was_frozen:
        gc.unfreeze()
    if large:
        if was_frozen:
            gc.collect()  # the plan before (and any cycle frozen with it) goes before the freeze
        gc.freeze()

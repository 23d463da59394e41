"""Each row's coarsest rank along its chain of drivers (engine/chain_drivers.py), for the whole plan at once.

Found by pointer doubling: each round every row whose chain goes on looks twice as far along it. The
rounds depend on the drivers alone, not on the ranks, so they are laid out once (Doubling) and the
ranks carried along them as often as the ties ask (coarsest_with_ties): laying them out is some
three fifths of a pass over the ~90,000 rows with a driver of a 100,000-task plan (5 ms of 7), and
a pass over rounds laid out 2 ms.
"""

from __future__ import annotations

import numpy as np

from .chain_drivers import Drivers
from .shown_precision_columns import OutlineArrays

MOST_ROUNDS = 24  # rounds through ties (coarsest_with_ties) before the walk task by task takes over
MOST_TAIL = 64  # rows added or removed at the end that laid-out rounds are carried across


class Doubling:
    """The rounds of pointer doubling along `drivers` (each row's driver row, -1: none): each round's
    rows whose chain goes on and the row each reaches then. Small integers throughout: in int64 the
    rounds cost twice as much."""

    def __init__(self, drivers: np.ndarray):
        self.drivers = drivers
        self.tail: list[tuple[int, int]] = []  # rows after those of the rounds: (row, its driver), drivers first
        ahead = drivers.astype(np.int32)  # each row's row the steps looked along so far reach (-1: none)
        active = np.flatnonzero(ahead >= 0).astype(np.int32)
        step = ahead[active]
        self.rounds: list[tuple[np.ndarray, np.ndarray]] = []
        for _ in range(max(1, len(drivers).bit_length() + 1)):
            if not len(active):
                break
            self.rounds.append((active, step))
            step = ahead[step]  # twice as far (read before this round's steps are written)
            ahead[active] = step
            going = step >= 0
            active, step = active[going], step[going]

    def coarsest(self, ranks: np.ndarray) -> np.ndarray:
        """Each row's coarsest rank along its chain (itself, its driver, its driver's, ...). A chain that
        loops (none does in a plan the scheduler accepts) gives each of its rows the coarsest in the loop."""
        shown = ranks.astype(np.int8)
        for active, step in self.rounds:
            shown[active] = np.maximum(shown[active], shown[step])
        for row, driver in self.tail:
            shown[row] = max(shown[row], shown[driver])
        return shown.astype(ranks.dtype)

    def carried(self, drivers: np.ndarray) -> Doubling | None:
        """These rounds for `drivers`, when they differ from those laid out in rows added or removed
        at the end alone (a task added to the plan is its last row, and the deletion of that task
        removes it): the rows before keep their chains. None otherwise."""
        kept = min(len(drivers), len(self.drivers))
        if len(self.drivers) - kept > MOST_TAIL or len(drivers) - kept > MOST_TAIL \
                or not np.array_equal(drivers[:kept], self.drivers[:kept]):
            return None
        carried = Doubling.__new__(Doubling)
        carried.drivers = drivers
        if kept == len(self.drivers):  # rows added: each after the rounds, in chain order
            tail = _in_chain_order(drivers, kept)
            if tail is None or len(self.tail) + len(tail) > MOST_TAIL:
                return None
            carried.rounds, carried.tail = self.rounds, self.tail + tail
        else:  # rows removed (no row kept has its driver among them: the drivers kept are the same)
            carried.rounds = [(active[active < kept], step[active < kept]) for active, step in self.rounds]
            carried.tail = [(row, driver) for row, driver in self.tail if row < kept]
        return carried


def _in_chain_order(drivers: np.ndarray, kept: int) -> list[tuple[int, int]] | None:
    """The rows from `kept` on with a driver, each after its driver's row (None: a loop among them)."""
    waiting = {row: int(drivers[row]) for row in range(kept, len(drivers)) if drivers[row] >= 0}
    placed: list[tuple[int, int]] = []
    while waiting:
        ready = [row for row, driver in waiting.items() if driver not in waiting]
        if not ready:
            return None
        placed += [(row, waiting.pop(row)) for row in ready]
    return placed


def coarsest_with_ties(drivers: Drivers, ranks: np.ndarray, outline: OutlineArrays,
                       doubling: Doubling | None = None) -> np.ndarray | None:
    """Doubling.coarsest, also through the other equally late drivers: a task waiting as long on a date
    known to the year as on one known to the day is known to the year, whichever link came first; and
    a summary (and a task driven by one) through every sub-task finishing with it, whichever comes first
    in the outline. Rounds until no rank moves (each round carries the ties one more step down the
    chains); None past MOST_ROUNDS (a grid of equal tasks ties at every step: the walk task by task is
    quicker). `doubling`: the rounds along `drivers.first`, when laid out already."""
    doubling = doubling or Doubling(drivers.first)
    shown = doubling.coarsest(ranks)
    summaries = np.flatnonzero((outline.size > 1) & (drivers.first >= 0))  # not history
    if not len(drivers.tied_rows) and not len(summaries):
        return shown
    most = int(ranks.max(initial=0))
    for _ in range(MOST_ROUNDS):
        lifted = ranks.copy()
        np.maximum.at(lifted, drivers.tied_rows, shown[drivers.tied_drivers])
        if len(summaries) and shown.max(initial=0) > 0:
            ends = np.zeros_like(ranks)
            rows, coarsest = outline.coarsest_finishing(shown, most)
            ends[rows] = coarsest
            lifted[summaries] = np.maximum(lifted[summaries], ends[summaries])
            np.maximum.at(lifted, drivers.via_rows, ends[drivers.via_summaries])
        if np.all(lifted <= shown):  # the chains already carry every tie
            return shown
        shown = doubling.coarsest(lifted)
    return None

"""Places in an old schedule's columns turned into places in a new one's, after one edit (chart/refresh.py)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat

import numpy as np

from ..engine.schedule import TaskTable
from .list_ends import agreeing_ends, table_ids


class ScheduleMove:
    """Places in the old schedule's columns turned into places in the new one's. The scheduler
    keeps the plan's order, so an edit moves one run of tasks: places before it stay, places
    after it shift, and only tasks inside it are looked up (a look-up table of every task was
    a fifth of the chart's work after an edit)."""

    def __init__(self, before: list[str], table: TaskTable, same_table: bool = False):
        # The same columns (an edit that derived nothing) hold the same tasks: not listed again.
        self.before, self.after, self.table = before, before if same_table else table_ids(table), table
        self.same = same_table or self.after == before
        self.first, self.last = (len(before), 0) if self.same else agreeing_ends(before, self.after)
        run = self.after[self.first:len(self.after) - self.last]
        self.in_run = dict(zip(run, range(self.first, self.first + len(run))))

    def places(self, places: np.ndarray, id_at: Callable[[int], str]) -> np.ndarray:
        """Old places of some tasks in the new columns (`id_at(i)`: the task whose old place is places[i])."""
        if self.same:
            return places
        shifted = places + (len(self.after) - len(self.before))
        moved = np.where(places < self.first, places, np.where(places >= len(self.before) - self.last, shifted, -1))
        lost = np.flatnonzero(moved < 0).tolist()
        if lost:
            moved[lost] = self.find([id_at(i) for i in lost])
        return moved

    def find(self, ids: list[str]) -> np.ndarray:
        """New places of `ids` (-1: not scheduled)."""
        found = np.fromiter(map(self.in_run.get, ids, repeat(-1)), np.int64, len(ids))
        elsewhere = np.flatnonzero(found < 0).tolist()
        if elsewhere:  # rows shown anew (a summary unfolded): their tasks stayed where they were
            found[elsewhere] = self.table.positions([ids[i] for i in elsewhere])
        return found

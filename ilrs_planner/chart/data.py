"""Per-row arrays of everything the chart draws, computed once per change (not per paint).

A paint then only slices and scales these arrays for the visible rows, which is what keeps a
10,000-row plan under a frame budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..domain import LinkType
from .deadlines import deadline_symbols
from .rollups import Rollups
from .row_inputs import RowSource
from .variance import ON_TIME_STEP, SLIP_STEPS, Steps, slip_steps

KIND_TASK, KIND_SUMMARY, KIND_MILESTONE = 0, 1, 2
LINK_CODES = {LinkType.FS: 0, LinkType.SS: 1, LinkType.FF: 2, LinkType.SF: 3}
# The legend's symbol keys a row's task calls for, one bit each (ChartData.symbols).
SYMBOL_BITS = {"flown": 1, "soft": 2, "inferred": 4, "assumption": 8, "key": 16, "manual": 32}


class PickedIds(Sequence[str]):
    """The ids at some places of a list, each looked up when asked: in the middle of a large plan a
    scene holds thousands of links, and a hit test names one of them; a chart's 200,000 link ids
    copied into a list of their own after each edit cost 6 ms."""

    def __init__(self, ids: Sequence[str], places: np.ndarray):
        self._ids, self._places = ids, places

    def __getitem__(self, i):  # one id (no slices: nothing asks for them)
        return self._ids[int(self._places[i])]

    def __len__(self) -> int:
        return len(self._places)


@dataclass
class ChartData:
    """Row-aligned arrays (index = row) plus link arrays (index = link)."""

    task_ids: list[str]
    start: np.ndarray  # date ordinals, float64
    finish: np.ndarray  # exclusive
    kind: np.ndarray  # KIND_*
    critical: np.ndarray  # bool
    actual: np.ndarray  # bool: flown / done (has an actual start)
    color: np.ndarray  # index into `colors`
    soft0: np.ndarray  # the uncertain period at the announced end (nan = day-exact)
    soft1: np.ndarray
    ghost0: np.ndarray  # baseline start/finish (nan = not in the baseline / none chosen)
    ghost1: np.ndarray
    whisker0: np.ndarray  # P50..P80 (nan = none)
    whisker1: np.ndarray
    labels: list[str]
    colors: list[str]
    link_ids: Sequence[str] = field(default_factory=list)
    link_pred: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    link_succ: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    link_type: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    link_critical: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    phases: list[tuple[float, float, str]] = field(default_factory=list)  # (start, finish, name)
    key: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # key milestones
    confidence: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))  # CONF_*, as shown (chart/confidence)
    pushed: set[str] = field(default_factory=set)  # the rows' tasks drawn weaker than they state
    rollups: Rollups = field(default_factory=Rollups)
    # Where the work done ends (ordinal; nan = none): the whole bar once finished, the part before the
    # status date while under way, so a started bar shows actual against remaining.
    done_until: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))
    owner: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))  # index into `owners`
    owners: list[str | None] = field(default_factory=list)  # the owner ids the rows' tasks name
    symbols: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))  # SYMBOL_BITS of the row's task
    # A key milestone's slip badge ('+7 y'; '' elsewhere, and without a baseline): see variance.key_slip_words.
    slip_words: np.ndarray = field(default_factory=lambda: np.zeros(0, object))
    # The days each row's slip colour counts: its finish's move, in the periods its words count them
    # ('0 y' is 0; nan = not in the baseline): see variance.counted_slips.
    slip_counted: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))
    # Each row's deadline as the ordinal of its day's end (nan = none): see chart/deadlines.py.
    deadline: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))
    # Each row's deadline missed, read from the task's moment (see chart/deadlines.py): False for none.
    deadline_late: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    slip_scale: Steps = SLIP_STEPS  # the slip colours' steps for the plan's span (variance.plan_steps)
    source: RowSource | None = field(default=None, repr=False, compare=False)
    _row_of: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _row_hashes: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def row_of(self) -> dict[str, int]:
        """Task id -> row, built when first asked: a paint needs none, and a dict of 100,000 rows
        was a tenth of rebuilding the arrays after an edit."""
        if self._row_of is None:
            self._row_of = dict(zip(self.task_ids, range(len(self.task_ids))))
        return self._row_of

    @property
    def row_hashes(self) -> np.ndarray:
        """Each row's task id's hash, made when first asked: an edit finds the rows of the few tasks
        it touched among these numbers, and splices the numbers of the rows it moved (a dict of every
        row, as row_of, was lost whenever rows came or went, and cost 15 ms to make again)."""
        if self._row_hashes is None:
            self._row_hashes = id_hashes(self.task_ids)
        return self._row_hashes

    @property
    def slip(self) -> np.ndarray:
        """Finish variance in days against the baseline (positive = late; nan = not in it)."""
        return self.finish - self.ghost1

    def __len__(self) -> int:
        return len(self.task_ids)


def id_hashes(ids: Sequence[str]) -> np.ndarray:
    """The hashes of some ids, as an array."""
    return np.fromiter(map(hash, ids), np.int64, len(ids))


def symbols_in(data: ChartData) -> set[str]:
    """The legend's symbol keys the rows call for."""
    found = int(np.bitwise_or.reduce(data.symbols)) if len(data.symbols) else 0
    drawn = {name for name, bit in SYMBOL_BITS.items() if found & bit}
    drawn |= {f"slip{step}" for step in _slip_steps_in(data.slip_counted, data.slip_scale) if step != ON_TIME_STEP}
    return drawn | (deadline_symbols(data.deadline, data.deadline_late) if len(data.deadline) else set())


def _slip_steps_in(slip: np.ndarray, steps: Steps) -> list[int]:
    """The slip steps of the rows the baseline holds (a row it lacks has no slip to draw): counted
    in numpy, as a set made of every row's step cost 2-3 ms after each edit of 100,000 rows."""
    held = slip[~np.isnan(slip)]
    if not len(held):
        return []
    return np.flatnonzero(np.bincount(slip_steps(held, steps), minlength=1)).tolist()


def owners_in(data: ChartData) -> set[str | None]:
    """The owners of the rows' tasks."""
    if not len(data.owner):
        return set()
    return {data.owners[i] for i in np.flatnonzero(np.bincount(data.owner, minlength=len(data.owners))).tolist()}

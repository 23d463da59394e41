"""Each row's shown precision as a rank, for every task at once (ShownPrecision.every, read from the
schedule's columns): the rows' own ranks, the tasks shown at another, and each summary's coarsest
among its sub-tasks starting when it does, which start_of reads."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from ..domain import Precision
from .coarse_spread import _RANK
from .shown_precision_columns import ScheduleColumns

BY_RANK = {rank: precision for precision, rank in _RANK.items()}


class SummaryStarts(NamedTuple):
    """What start_of reads of the schedule's columns: rows, each row's count of rows under it (1: not
    a summary), and a summary's coarsest rank among its sub-tasks starting when it does."""

    rows: dict[str, int]
    size: np.ndarray
    start_rank: np.ndarray


def own_ranks(columns: ScheduleColumns, coarse: dict[str, Precision]) -> np.ndarray:
    """Each row's own precision's rank: the day's but for the tasks dated coarser (`coarse`)."""
    ranks = np.full(len(columns.ids), _RANK[Precision.DAY], np.int64)
    rows = [columns.rows[task_id] for task_id in coarse]
    ranks[rows] = [_RANK[precision] for precision in coarse.values()]
    return ranks


def other_than_own(ids: list[str], own: np.ndarray, shown: np.ndarray) -> dict[str, Precision]:
    """Each row's task shown at a rank other than its own, and the precision of that rank."""
    rows = np.flatnonzero(shown != own)
    return dict(zip(map(ids.__getitem__, rows.tolist()), map(BY_RANK.__getitem__, shown[rows].tolist())))


def summary_starts(columns: ScheduleColumns, coarse: dict[str, Precision], every: dict[str, Precision],
                   shown: np.ndarray | None) -> SummaryStarts:
    """What start_of reads once every task's precision is known (`every`; `shown`: each row's rank,
    when found row by row): each summary's coarsest among the sub-tasks starting when it does (every
    one: which comes first in the outline decides nothing)."""
    if shown is None:
        shown = own_ranks(columns, coarse)
        shown[[columns.rows[tid] for tid in every]] = [_RANK[precision] for precision in every.values()]
    start_rank = np.zeros_like(shown)
    rows, coarsest = columns.outline.coarsest_starting(shown, max(_RANK.values()))
    start_rank[rows] = coarsest
    return SummaryStarts(columns.rows, columns.outline.size, start_rank)

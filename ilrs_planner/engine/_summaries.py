"""Summary rows of the schedule: the span and the least float of their sub-tasks, bottom-up."""

from __future__ import annotations

import numpy as np

from ._bounds import BIG
from ._network import Network
from ._tree import gather_up
from .schedule import SUMMARY_FINISH_AT_DAY_START, SUMMARY_START_AT_DAY_END


def settle_summaries(net: Network, es: np.ndarray, ef: np.ndarray, tf: np.ndarray, ff: np.ndarray,
                     free_nodes: np.ndarray, finish: int, at_end: np.ndarray) -> tuple[np.ndarray, ...]:
    """Fill the summary rows; returns (es, ef, tf, ff, open_work, moments) with open_work False when all
    done and moments the summaries' SUMMARY_* bits (see summary_moments); `at_end` as in _day_ends."""
    summary, leaf = net.is_summary, ~net.is_summary
    span_start, span_finish, moments = summary_moments(net, es, ef, at_end)
    least_float = np.where(summary | net.finished, BIG, tf)
    least_free = np.where(summary | net.finished, BIG, ff)
    least_float = gather_up(least_float, net.jumps, np.minimum)
    least_free = gather_up(least_free, net.jumps, np.minimum)
    open_work = least_float < BIG // 2
    own_cap = np.where(summary & (net.start_cap < BIG), net.start_cap - span_start, BIG)
    least_float = np.minimum(least_float, own_cap)  # SNLT/MSO on a summary: its own float only
    tf = np.where(leaf, tf, np.where(open_work, least_float, 0))  # all done: nothing left to float
    own_free = np.minimum(_summary_link_slack(net, free_nodes), least_free)
    ff = np.where(leaf, ff, np.where(own_free < BIG // 2, own_free, np.where(open_work, finish - span_finish, 0)))
    return span_start, span_finish, tf, ff, open_work, moments


def summary_late_days(net: Network, es: np.ndarray, ef: np.ndarray, tf: np.ndarray,
                      moments: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each task's start and finish day moved later by its total float, as a summary's late dates:
    in working days of its calendar (float counts them), each at the moment of day it has (its
    SUMMARY_* bits). So a phase with 7 days of float on a Monday-to-Friday calendar, starting on a
    Monday, may start as late as the Wednesday of the next week, as its earliest sub-task may."""
    if net.time is None:
        return es + tf, ef + tf
    rows, time = net.task_row, net.time
    start_at, finish_at = time.pos(rows, es) + tf, time.pos(rows, ef) + tf
    late_start = np.where(moments & SUMMARY_START_AT_DAY_END, time.finish_day(rows, start_at), time.day(rows, start_at))
    late_finish = np.where(moments & SUMMARY_FINISH_AT_DAY_START, time.day(rows, finish_at),
                           time.finish_day(rows, finish_at))
    moved = tf != 0  # without float a summary's late dates are its own, on a working day or not
    return np.where(moved, late_start, es), np.where(moved, late_finish, ef)


def summary_moments(net: Network, es: np.ndarray, ef: np.ndarray, at_end: np.ndarray) -> tuple[np.ndarray, ...]:
    """(start, finish, moment bits) of every task, summaries spanning their sub-tasks as MS Project does.

    A summary starts at its sub-tasks' earliest moment and finishes at their latest. A milestone's
    moment may be the end of the day before its point (Friday 17:00, point Saturday: `at_end`) or
    the start of its day (Monday 08:00); a task starts at the start of its first day and finishes
    at the end of its last. So a phase ending on a milestone at the start of Monday finishes then,
    shown on Monday (SUMMARY_FINISH_AT_DAY_START), where a task's finish on Monday would be
    Tuesday's point, and one starting with a milestone at Friday's end starts on Friday
    (SUMMARY_START_AT_DAY_END). Moments are ranked as 2 * day, less one for the end of the day before.
    """
    summary = net.is_summary
    point_at_end = (es == ef) & ~summary & at_end
    point_at_start = (es == ef) & ~summary & ~at_end
    first = gather_up(np.where(summary, BIG, 2 * es - point_at_end), net.jumps, np.minimum)
    last = gather_up(np.where(summary, -BIG, 2 * ef - ~point_at_start), net.jumps, np.maximum)
    start, finish = np.where(summary, (first + 1) // 2, es), np.where(summary, (last + 1) // 2, ef)
    moments = np.where(summary & (first % 2 == 1), SUMMARY_START_AT_DAY_END, 0) | \
        np.where(summary & (last % 2 == 0), SUMMARY_FINISH_AT_DAY_START, 0)
    return start, finish, moments


def _summary_link_slack(net: Network, free_nodes: np.ndarray) -> np.ndarray:
    """Least slack on the links leaving each summary (through its out gates); BIG when it has none."""
    slack = np.full(len(net.task_ids), BIG, dtype=np.int64)
    for kind in ("out_start", "out_finish"):
        gate = net.gates[kind]
        has = gate >= 0
        slack[has] = np.minimum(slack[has], free_nodes[gate[has]])
    return slack

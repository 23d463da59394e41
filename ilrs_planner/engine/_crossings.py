"""Edges that cross between calendars: g(x) and its inverse through the day a start or finish falls on.

An edge is plain when its source, target and lag count on one calendar: then `g(x) = x + weight`.
Otherwise (a link between tasks on different calendars, into or out of a milestone, or with an
elapsed lag) the source position becomes a day: the day a start falls on, or the exclusive day a
finish ends at, plus any elapsed lag; a working lag is counted on the successor's calendar from
there, the same kind of event (start or finish) kept; and the day becomes a position of the target.

    forward   g(x)  = pos_dst(shift(event_src(x + w_src) + e)) + w_dst
    backward  g+(y) = the latest x with g(x) <= y: each step inverted, in reverse order

g is monotone, so the backward pass's latest start through an edge is g+(late start of target).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._calendars import WorkingTime


@dataclass(slots=True)
class Crossings:
    """The non-plain edges (indices into the network's edge arrays) and what each needs to convert."""

    edges: np.ndarray
    row_src: np.ndarray
    row_dst: np.ndarray
    lag_row: np.ndarray
    w_src: np.ndarray
    lag: np.ndarray  # working days on lag_row (0: none)
    elapsed: np.ndarray  # calendar days
    w_dst: np.ndarray
    finish: np.ndarray  # the source event is a finish
    time: WorkingTime
    # The source is a milestone: its point is read at its moment of day, the end of the working day
    # before its position or the start of the next (`ends`, see _moments), whatever the link's type.
    point_src: np.ndarray | None = None
    point_dst: np.ndarray | None = None  # the target is a milestone (see backward)

    def forward(self, x: np.ndarray, at: slice | np.ndarray = slice(None),
                ends: np.ndarray | None = None) -> np.ndarray:
        """g(x) for the crossings selected by `at` (x is aligned with that selection); `ends`, aligned
        too: whether each source milestone sits at the end of a day (None: read as the link says)."""
        day = self.event_days(x, at, ends)
        return np.asarray(self.time.pos(self.row_dst[at], day) + self.w_dst[at])

    def forward_at(self, x: np.ndarray, at: np.ndarray, ends: np.ndarray,
                   hands_end: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """g(x) for the crossings selected by `at`, and whether each hands its target the end of a
        day (`hands_end` before the crossing): an end of day on a day the target's calendar does not
        work is the start of its next working day (ScalarCrossings.forward_at)."""
        day = self.event_days(x, at, ends)
        row_dst = self.row_dst[at]
        landed = self.time.pos(row_dst, day)
        worked = self.time.finish_day(row_dst, landed) == day
        hands_end = hands_end & (worked | ~self.reads_finish(at, ends))
        return np.asarray(landed + self.w_dst[at]), np.asarray(hands_end)

    def reads_finish(self, at: slice | np.ndarray = slice(None), ends: np.ndarray | None = None) -> np.ndarray:
        """Per selected crossing: is the source's event read as a finish (the end of a day)?"""
        finish = self.finish[at]
        if ends is None or self.point_src is None:
            return np.asarray(finish)
        return np.asarray(np.where(self.point_src[at], ends, finish))

    def event_days(self, x: np.ndarray, at: slice | np.ndarray = slice(None),
                   ends: np.ndarray | None = None) -> np.ndarray:
        """The day the source's start or finish (exclusive) falls on, after its lag, before g(x)
        makes it a position of the target (see forward)."""
        t, finish, lag = self.time, self.reads_finish(at, ends), self.lag[at]
        a = x + self.w_src[at]
        src = self.row_src[at]
        day = np.where(finish, t.finish_day(src, a), t.day(src, a)) + self.elapsed[at]
        if lag.any():
            rows = self.lag_row[at]
            k = t.pos(rows, day) + lag
            day = np.where(lag != 0, np.where(finish, t.finish_day(rows, k), t.day(rows, k)), day)
        return np.asarray(day)

    def backward(self, y: np.ndarray, at: slice | np.ndarray = slice(None),
                 at_start: np.ndarray | None = None) -> np.ndarray:
        """g+(y): the latest source position whose image is at most y. A target milestone at y is at
        the end of the working day before it (a late moment), unless `at_start` (aligned with the
        selection) says it stands at the start of the next: then a finish handed to it may come up to
        that start (a Saturday finish before a Monday-Friday milestone at Monday 08:00), else only up
        to that end (before one at Friday 17:00, a finish on Friday at the latest)."""
        t, finish = self.time, self.finish[at]
        row_dst, q = self.row_dst[at], y - self.w_dst[at]
        day = t.day(row_dst, q)
        if at_start is not None and self.point_dst is not None:
            day = np.where(self.point_dst[at] & ~at_start & finish, t.finish_day(row_dst, q), day)
        return self._source_before(day, at)

    def _source_before(self, day: np.ndarray, at: slice | np.ndarray) -> np.ndarray:
        """The latest source position whose event, after its lag, falls on `day` at the latest."""
        t, finish, lag = self.time, self.finish[at], self.lag[at]
        if lag.any():
            rows = self.lag_row[at]
            shifted = np.where(finish, t.day(rows, t.pos(rows, day) - lag), t.day(rows, t.pos(rows, day + 1) - 1 - lag))
            day = np.where(lag != 0, shifted, day)
        day = day - self.elapsed[at]
        src = self.row_src[at]
        return np.asarray(np.where(finish, t.pos(src, day), t.pos(src, day + 1) - 1) - self.w_src[at])

    def ids(self, n_edges: int) -> np.ndarray:
        """Per edge of the network: its crossing number, or -1 when the edge is plain."""
        ids = np.full(n_edges, -1, dtype=np.int64)
        ids[self.edges] = np.arange(self.edges.size)
        return ids

    def scalar(self) -> ScalarCrossings:
        """The same functions on Python lists, for the plain loops (a numpy call per edge is slow)."""
        return ScalarCrossings(self)


def _row_views(table: np.ndarray) -> list[memoryview]:
    """Each row of a 2-D table as a memoryview: indexing it gives Python ints, as a list would."""
    return [memoryview(row) for row in np.ascontiguousarray(table, dtype=np.int64)]


class ScalarCrossings:
    """Crossings.forward/backward for one edge at a time, in plain Python over views of the tables."""

    def __init__(self, crossings: Crossings):
        t = crossings.time
        self.origin, self.length = t.origin, t.length
        # Views, not list copies: a view indexes as fast as a list, and copying a plan spanning millennia
        # (a start typed as 9999 beside a Must finish by of 2030) took seconds on every schedule.
        self.cum, self.work = _row_views(t.cum), _row_views(t.work)
        self.params = list(zip(*(getattr(crossings, name).tolist() for name in
                                 ("row_src", "row_dst", "lag_row", "w_src", "lag", "elapsed", "w_dst", "finish"))))
        point = crossings.point_src
        self.point_src = point.tolist() if point is not None else [False] * len(self.params)
        self.point_dst = crossings.point_dst.tolist() if crossings.point_dst is not None else [False] * len(self.params)

    def pos(self, row: int, day: int) -> int:
        i = day - self.origin
        inside = 0 if i < 0 else (self.length if i > self.length else i)
        return self.cum[row][inside] + i - inside

    def day(self, row: int, position: int) -> int:
        j = position - self.origin
        inside = 0 if j < 0 else (self.length - 1 if j >= self.length else j)
        return self.work[row][inside] + j - inside

    def _event(self, row: int, position: int, finish: bool) -> int:
        return self.day(row, position - 1) + 1 if finish else self.day(row, position)

    def forward(self, i: int, x: int, end: bool = False) -> int:
        """g(x) for crossing number i (`end`: a source milestone sits at the end of a day)."""
        return int(self.pos(self.params[i][1], self.event_day(i, x, end)) + self.params[i][6])

    def event_day(self, i: int, x: int, end: bool = False) -> int:
        """Crossings.event_days for crossing number i."""
        row_src, row_dst, lag_row, w_src, lag, elapsed, w_dst, finish = self.params[i]
        if self.point_src[i]:
            finish = end
        day = self._event(row_src, x + w_src, finish) + elapsed
        if lag:
            day = self._event(lag_row, self.pos(lag_row, day) + lag, finish)
        return int(day)

    def forward_at(self, i: int, x: int, end: bool, hands_end: bool) -> tuple[int, bool]:
        """g(x) for crossing number i, and whether it hands its target the end of a day: an end of
        day on a day the target's calendar does not work is the start of its next working day."""
        day = self.event_day(i, x, end)
        row_dst, w_dst = self.params[i][1], self.params[i][6]
        landed = self.pos(row_dst, day)
        if hands_end and self.reads_finish(i, end):
            hands_end = self.day(row_dst, landed - 1) + 1 == day
        return landed + w_dst, hands_end

    def reads_finish(self, i: int, end: bool = False) -> bool:
        """Crossings.reads_finish for crossing number i."""
        return end if self.point_src[i] else bool(self.params[i][7])

    def backward(self, i: int, y: int, at_start: bool = True) -> int:
        """g+(y) for crossing number i (`at_start`: see Crossings.backward)."""
        row_src, row_dst, lag_row, w_src, lag, elapsed, w_dst, finish = self.params[i]
        if finish and not at_start and self.point_dst[i]:
            day = self.day(row_dst, y - w_dst - 1) + 1
        else:
            day = self.day(row_dst, y - w_dst)
        if lag:
            if finish:
                day = self.day(lag_row, self.pos(lag_row, day) - lag)
            else:
                day = self.day(lag_row, self.pos(lag_row, day + 1) - 1 - lag)
        day -= elapsed
        return int((self.pos(row_src, day) if finish else self.pos(row_src, day + 1) - 1) - w_src)


def find_crossings(edges: dict[str, np.ndarray], node_row: np.ndarray, task_row: np.ndarray,
                   time: WorkingTime | None, point: np.ndarray) -> tuple[np.ndarray, Crossings | None]:
    """(plain weight of every edge, the crossings or None when every edge is plain); `point`: per
    node, a milestone (a task without duration, not a summary)."""
    src, dst, lag, elapsed = edges["src"], edges["dst"], edges["lag"], edges["elapsed"]
    weight = edges["w_src"] + lag + edges["w_dst"]
    if time is None:
        return weight, None
    row_src, row_dst = node_row[src], node_row[dst]
    lag_row = np.where(edges["lag_task"] >= 0, task_row[np.maximum(edges["lag_task"], 0)], row_dst)
    work_lag = np.where(elapsed, 0, lag)
    plain = (row_src == row_dst) & ((work_lag == 0) | (lag_row == row_dst)) & (~elapsed | (row_dst == 0))
    which = np.flatnonzero(~plain)
    if not which.size:
        return weight, None
    columns = (row_src, row_dst, lag_row, edges["w_src"], work_lag, np.where(elapsed, lag, 0), edges["w_dst"],
               edges["from_finish"])
    row_s, row_d, lag_r, w_s, work, calendar_lag, w_d, from_finish = (np.asarray(c)[which] for c in columns)
    point_src, point_dst = point[src[which]], point[dst[which]]
    crossings = Crossings(which, row_s, row_d, lag_r, w_s, work, calendar_lag, w_d, from_finish, time,
                          point_src if point_src.any() else None, point_dst if point_dst.any() else None)
    return weight, crossings

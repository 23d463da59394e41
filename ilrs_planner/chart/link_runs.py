"""Connectors' long runs moved so that no two frame a row between them.

A connector whose ends lie far apart runs along a row boundary (links.py). Two such runs one row
apart, side by side for more than a few stubs, frame the row between them: with the uprights at
their ends they read as an empty outlined bar. At a month's zoom the roadmap's Long March 10 first
orbital flight was framed so by the links from the prototype flight into it and into the Mengzhou
flight below it. Where that happens the lower run moves up onto the upper one's boundary (the two
then share one line), or, when the lower cannot (its link would leave the rows between its ends),
the upper moves down onto the lower's.
"""

from __future__ import annotations

import numpy as np

from .links import LONG_PX

LONG_ROUTE = 6  # points of a route with a long run: source, out, down, along, down, in


def unframed(points: np.ndarray, offsets: np.ndarray, row_height: float, width: float,
             rows_y: tuple[float, float]) -> np.ndarray:
    """`points` with the long runs that would frame a row in the chart's `width` and between
    `rows_y` (top, bottom) moved onto one boundary (a copy when any moves). Only what is drawn
    counts: runs side by side off to the left of the view or far below it frame nothing there, and
    moving them would only chain one move to the next."""
    starts = offsets[:-1][np.diff(offsets) == LONG_ROUTE]
    starts = starts[(points[starts + 2, 1] >= rows_y[0]) & (points[starts + 2, 1] <= rows_y[1])]
    if len(starts) < 2:
        return points
    boundary = np.rint(points[starts + 2, 1] / row_height).astype(np.int64)
    framing = np.intersect1d(boundary, boundary + 1)  # boundaries with runs on the one above them
    if not len(framing):
        return points
    points = points.copy()
    for lower in np.sort(framing)[::-1]:  # from the bottom up: a run moved up may frame the row above
        _merge(points, starts, lower, row_height, width)
    return points


def _merge(points: np.ndarray, starts: np.ndarray, lower: int, rh: float, width: float) -> None:
    """Runs along boundary `lower` and the one above it that lie side by side, put on one boundary."""
    y = np.rint(points[starts + 2, 1] / rh).astype(np.int64)
    below, above = starts[y == lower], starts[y == lower - 1]
    if not len(below) or not len(above):
        return
    side_by_side = _overlap(points, below, above, width) > LONG_PX
    moved_up = below[side_by_side.any(axis=1)]
    up = _may_run_at(points, moved_up, (lower - 1) * rh)
    _run_at(points, moved_up[up], (lower - 1) * rh)
    if (~up).any():  # some stay below: the runs beside them come down instead, where they may
        stay = moved_up[~up]
        moved_down = above[(_overlap(points, stay, above, width) > LONG_PX).any(axis=0)]
        _run_at(points, moved_down[_may_run_at(points, moved_down, lower * rh)], lower * rh)


def _overlap(points: np.ndarray, first: np.ndarray, second: np.ndarray, width: float) -> np.ndarray:
    """How far each run of `first` (rows) lies beside each of `second` (columns) in [0, width], in pixels."""
    def span(starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        xs = points[starts + 2, 0], points[starts + 3, 0]
        return np.maximum(np.minimum(*xs), 0.0), np.minimum(np.maximum(*xs), width)

    (a0, a1), (b0, b1) = span(first), span(second)
    return np.minimum(a1[:, None], b1[None, :]) - np.maximum(a0[:, None], b0[None, :])


def _may_run_at(points: np.ndarray, starts: np.ndarray, y: float) -> np.ndarray:
    """Which routes may run at `y`: strictly between their source's and target's rows."""
    sy, ty = points[starts, 1], points[starts + LONG_ROUTE - 1, 1]
    return (np.minimum(sy, ty) < y) & (y < np.maximum(sy, ty))


def _run_at(points: np.ndarray, starts: np.ndarray, y: float) -> None:
    points[starts + 2, 1] = y
    points[starts + 3, 1] = y

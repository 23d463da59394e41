"""Dependency arrows as right-angled connectors.

FS leaves the predecessor's end, turns down (or up) and enters the successor's start from the
left; SS and FF run around the outside of both starts / ends; SF leaves the start and enters the
end. When the target edge lies behind the source (a back-link or overlap), or far ahead of it,
the connector steps out, drops to the boundary above the target row (or climbs to the one above
the source row) and runs along it, so it never runs through a bar nor along a row's middle for
more than a few pixels, and no row is framed above and below by runs that read as an empty bar.
"""

from __future__ import annotations

import numpy as np

STUB_PX = 8.0  # how far a connector leaves a bar before turning
LONG_PX = 4 * STUB_PX  # a longer horizontal runs between rows, not through one

# (leaves from the end?, enters at the end?) per link code FS, SS, FF, SF
_ENDS = {0: (True, False), 1: (False, False), 2: (True, True), 3: (False, True)}


def route(code: int, src: tuple[float, float, float], dst: tuple[float, float, float],
          row_height: float) -> list[tuple[float, float]]:
    """The polyline from the source bar (x0, x1, y) to the target bar (x0, x1, y); arrow at the end."""
    from_end, to_end = _ENDS[code]
    sx = src[1] if from_end else src[0]
    tx = dst[1] if to_end else dst[0]
    sy, ty = src[2], dst[2]
    out = sx + STUB_PX if from_end else sx - STUB_PX  # first turn, just outside the source edge
    into = tx + STUB_PX if to_end else tx - STUB_PX  # last turn, just outside the target edge
    if abs(into - out) <= LONG_PX:  # the edges are near each other: one vertical between them
        edge = (max(out, into) if from_end else min(out, into)) if from_end == to_end else out
        if from_end == to_end or ((into >= out) if from_end else (into <= out)):
            return [(sx, sy), (edge, sy), (edge, ty), (tx, ty)]
    # Far apart (or the target edge behind the source): the long run goes along a row boundary,
    # never through a row's middle, where it would read as a bar of that row. Next to the source
    # row when it runs alongside the source bar (an SS link from a long task) or climbs to a target
    # above; else next to the target, above it. So every long run lies along the top of a row
    # below it: runs into a task from above and from below framed its row top and bottom, which at
    # a month's zoom read as an empty bar across the view (Chang'e 7's).
    down = 1.0 if ty >= sy else -1.0
    beside_source = down < 0 or (from_end == to_end and min(out, into) >= src[0] - STUB_PX
                                 and max(out, into) <= src[1] + STUB_PX)
    gap = sy + down * row_height / 2 if beside_source else ty - down * row_height / 2
    return [(sx, sy), (out, sy), (out, gap), (into, gap), (into, ty), (tx, ty)]


def _turns(codes: np.ndarray, src: np.ndarray, dst: np.ndarray, row_height: float) -> tuple[np.ndarray, ...]:
    """(sx, tx, sy, ty, out, into, edge, short, gap, beside_source) of each link, as `route` finds them."""
    from_end, to_end = np.isin(codes, (0, 2)), np.isin(codes, (2, 3))  # FS, FF leave the end; FF, SF enter it
    sx, tx = np.where(from_end, src[:, 1], src[:, 0]), np.where(to_end, dst[:, 1], dst[:, 0])
    sy, ty = src[:, 2], dst[:, 2]
    out = np.where(from_end, sx + STUB_PX, sx - STUB_PX)
    into = np.where(to_end, tx + STUB_PX, tx - STUB_PX)
    same = from_end == to_end
    edge = np.where(same, np.where(from_end, np.maximum(out, into), np.minimum(out, into)), out)
    short = (np.abs(into - out) <= LONG_PX) & (same | np.where(from_end, into >= out, into <= out))
    down = np.where(ty >= sy, 1.0, -1.0)
    beside_source = (down < 0) | (same & (np.minimum(out, into) >= src[:, 0] - STUB_PX)
                                  & (np.maximum(out, into) <= src[:, 1] + STUB_PX))
    gap = np.where(beside_source, sy + down * row_height / 2, ty - down * row_height / 2)
    return sx, tx, sy, ty, out, into, edge, short, gap, beside_source


def route_all(codes: np.ndarray, src: np.ndarray, dst: np.ndarray,
              row_height: float) -> tuple[np.ndarray, np.ndarray]:
    """Route many links: src/dst are (n, 3) arrays of (x0, x1, y). Returns (points, offsets).

    The same polylines as `route`, link by link, computed for all links at once: in the middle of
    a 100,000-task plan some 14,000 links cross the rows on screen, and a Python call per link was
    half of every repaint there."""
    codes = np.asarray(codes, np.int64)
    n = len(codes)
    src, dst = np.asarray(src, np.float64).reshape(n, 3), np.asarray(dst, np.float64).reshape(n, 3)
    sx, tx, sy, ty, out, into, edge, short, gap, _beside = _turns(codes, src, dst, row_height)
    long_xs = np.column_stack([sx, out, out, into, into, tx])
    long_ys = np.column_stack([sy, sy, gap, gap, ty, ty])
    short_xs = np.column_stack([sx, edge, edge, tx, tx, tx])
    short_ys = np.column_stack([sy, sy, ty, ty, ty, ty])
    xs = np.where(short[:, None], short_xs, long_xs)
    ys = np.where(short[:, None], short_ys, long_ys)
    counts = np.where(short, 4, 6)
    used = np.arange(6)[None, :] < counts[:, None]  # a short route's last two places are unused
    points = np.column_stack([xs[used], ys[used]])
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    return points.reshape(-1, 2), offsets


def crossing_uprights(codes: np.ndarray, src: np.ndarray, dst: np.ndarray, row_height: float) -> np.ndarray:
    """Of each link's route (as `route_all` makes it), the upright that runs across the rows
    between its ends, as two points each ((2n, 2): first and second point of each in turn): a
    short route's one upright, else the one leaving the source, or entering the target when the
    long run goes beside the source. Between rows far from either end, that is all a route draws."""
    codes = np.asarray(codes, np.int64)
    n = len(codes)
    src, dst = np.asarray(src, np.float64).reshape(n, 3), np.asarray(dst, np.float64).reshape(n, 3)
    _sx, _tx, sy, ty, out, into, edge, short, gap, beside = _turns(codes, src, dst, row_height)
    x = np.where(short, edge, np.where(beside, into, out))
    y0, y1 = np.where(short | ~beside, sy, gap), np.where(short | beside, ty, gap)
    return np.column_stack([x, y0, x, y1]).reshape(-1, 2)


def pick_polylines(points: np.ndarray, offsets: np.ndarray, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points and offsets of the `chosen` polylines alone, in their order."""
    counts = offsets[chosen + 1] - offsets[chosen]
    new_offsets = np.zeros(len(chosen) + 1, np.int64)
    np.cumsum(counts, out=new_offsets[1:])
    at = np.repeat(offsets[chosen] - new_offsets[:-1], counts) + np.arange(new_offsets[-1])
    return points[at], new_offsets


def reaching_into(points: np.ndarray, offsets: np.ndarray, left: float, right: float,
                  top: float, bottom: float) -> np.ndarray:
    """Which polylines (each of two points at least, all segments level or upright, as routed)
    have a segment reaching into the rectangle [left, right] x [top, bottom].

    Their bounding boxes are not enough: in the middle of a large plan a connector between two
    bars years to the left and right of the view crosses its rows, yet all it draws there is
    off to the side."""
    if len(offsets) <= 1:
        return np.zeros(0, bool)
    return np.logical_or.reduceat(segments_reaching(points, offsets, left, right, top, bottom), offsets[:-1])


def segments_reaching(points: np.ndarray, offsets: np.ndarray, left: float, right: float,
                      top: float, bottom: float) -> np.ndarray:
    """For each point, whether the segment from it to the next point of its polyline reaches into
    the rectangle [left, right] x [top, bottom] (False at each polyline's last point)."""
    a, b = points[:-1], points[1:]
    inside = ((np.maximum(a[:, 0], b[:, 0]) >= left) & (np.minimum(a[:, 0], b[:, 0]) <= right)
              & (np.maximum(a[:, 1], b[:, 1]) >= top) & (np.minimum(a[:, 1], b[:, 1]) <= bottom))
    inside = np.append(inside, False)
    inside[offsets[1:-1] - 1] = False  # the jump between one polyline and the next is no segment
    return inside


def segment_distances(points: np.ndarray, offsets: np.ndarray, x: float, y: float) -> np.ndarray:
    """Distance from (x, y) to each polyline (vectorised over all segments)."""
    n = len(offsets) - 1
    if n <= 0:
        return np.zeros(0)
    a, b = points[:-1], points[1:]
    owner = np.repeat(np.arange(n), np.diff(offsets))[:-1]
    valid = np.ones(len(a), bool)
    valid[offsets[1:-1] - 1] = False  # the jump between one polyline and the next is no segment
    ab = b - a
    length2 = np.maximum((ab ** 2).sum(axis=1), 1e-12)
    t = np.clip(((x - a[:, 0]) * ab[:, 0] + (y - a[:, 1]) * ab[:, 1]) / length2, 0.0, 1.0)
    nearest = a + ab * t[:, None]
    dist = np.hypot(nearest[:, 0] - x, nearest[:, 1] - y)
    dist[~valid] = np.inf
    best = np.full(n, np.inf)
    np.minimum.at(best, owner[valid], dist[valid])
    return best

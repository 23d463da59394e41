"""Dependency arrows as right-angled connectors.

FS leaves the predecessor's end, turns down (or up) and enters the successor's start from the
left; SS and FF run around the outside of both starts / ends; SF leaves the start and enters the
end. When the target edge lies behind the source (a back-link or overlap), the connector
steps out, drops to the gap between the two rows and comes back along it, so it never runs
through either bar.
"""

from __future__ import annotations

import numpy as np

STUB_PX = 8.0  # how far a connector leaves a bar before turning

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
    if from_end == to_end:  # SS / FF: go round the outside of both edges
        edge = max(out, into) if from_end else min(out, into)
        return [(sx, sy), (edge, sy), (edge, ty), (tx, ty)]
    clear = (into >= out) if from_end else (into <= out)
    if clear:  # the target edge lies ahead: one vertical between them
        return [(sx, sy), (out, sy), (out, ty), (tx, ty)]
    gap_y = ty - row_height / 2 if ty > sy else ty + row_height / 2  # the boundary next to the target row
    return [(sx, sy), (out, sy), (out, gap_y), (into, gap_y), (into, ty), (tx, ty)]


def route_all(codes: np.ndarray, src: np.ndarray, dst: np.ndarray,
              row_height: float) -> tuple[np.ndarray, np.ndarray]:
    """Route many links: src/dst are (n, 3) arrays of (x0, x1, y). Returns (points, offsets)."""
    points: list[tuple[float, float]] = []
    offsets = [0]
    for code, s, d in zip(codes.tolist(), src.tolist(), dst.tolist()):
        points.extend(route(code, s, d, row_height))
        offsets.append(len(points))
    return np.asarray(points, np.float64).reshape(-1, 2), np.asarray(offsets, np.int64)


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

"""Hit testing: which task, bar end or link lies under a point of the chart."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .links import segment_distances
from .scene import Layer, Scene

END_GRIP_PX = 5.0  # how close to a bar's right end counts as grabbing the end
MIN_RESIZABLE_PX = 16.0  # a shorter bar has no end handle: all of it moves (a month at 10-year zoom)
MIN_GRAB_PX = 8.0  # a bar narrower than this is grabbed a few pixels either side of it
LINK_TOLERANCE_PX = 4.0


@dataclass(frozen=True, slots=True)
class Hit:
    """What is under the pointer: kind is 'bar', 'bar_end', 'milestone', 'summary' or 'link'."""

    kind: str
    task_id: str | None = None
    link_id: str | None = None


def _in_layer(layer: Layer, row: int) -> int | None:
    where = np.nonzero(layer.rows == row)[0]
    return int(where[0]) if len(where) else None


def hit_test(scene: Scene, x: float, y: float) -> Hit | None:
    """The topmost thing at content point (x, y): bar ends beat bars, bars beat links."""
    row = int(np.floor(y / scene.row_height))
    half = scene.row_height * 0.3
    if (i := _in_layer(scene.milestones, row)) is not None and abs(x - scene.milestones.x0[i]) <= half + 1:
        return Hit("milestone", scene.task_ids[row])
    if (i := _in_layer(scene.tasks, row)) is not None:
        x0, x1 = scene.tasks.x0[i], scene.tasks.x1[i]
        y0, y1 = scene.tasks.y0[i], scene.tasks.y1[i]
        if y0 - 2 <= y <= y1 + 2 and (kind := _bar_part(x, x0, x1)) is not None:
            return Hit(kind, scene.task_ids[row])
    i = _in_layer(scene.summaries, row)
    if i is not None and scene.summaries.x0[i] <= x <= scene.summaries.x1[i]:
        return Hit("summary", scene.task_ids[row])
    return _hit_link(scene, x, y)


def bar_has_end_handle(x0: float, x1: float) -> bool:
    """Only a bar with room for both a body to move and a handle to stretch gets the handle."""
    return x1 - x0 >= MIN_RESIZABLE_PX


def _bar_part(x: float, x0: float, x1: float) -> str | None:
    """'bar_end', 'bar' or None for a pointer at x over a bar spanning [x0, x1] pixels."""
    if bar_has_end_handle(x0, x1) and x1 - END_GRIP_PX <= x <= x1 + 3:
        return "bar_end"
    slack = max((MIN_GRAB_PX - (x1 - x0)) / 2, 0.0)
    return "bar" if x0 - slack <= x <= x1 + slack else None


def _hit_link(scene: Scene, x: float, y: float) -> Hit | None:
    distances = segment_distances(scene.link_points, scene.link_offsets, x, y)
    if len(distances) and distances.min() <= LINK_TOLERANCE_PX:
        return Hit("link", link_id=scene.link_ids[int(distances.argmin())])
    return None

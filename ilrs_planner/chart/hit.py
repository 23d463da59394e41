"""Hit testing: which task, bar end or link lies under a point of the chart."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .links import segment_distances
from .scene import Layer, Scene

END_GRIP_PX = 5.0  # how close to a bar's right end counts as grabbing the end
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
        if y0 - 2 <= y <= y1 + 2:
            grip = min(END_GRIP_PX, max((x1 - x0) / 3, 2.0))  # a tiny bar stays draggable as a whole
            if abs(x - x1) <= grip:
                return Hit("bar_end", scene.task_ids[row])
            if x0 <= x <= x1:
                return Hit("bar", scene.task_ids[row])
    i = _in_layer(scene.summaries, row)
    if i is not None and scene.summaries.x0[i] <= x <= scene.summaries.x1[i]:
        return Hit("summary", scene.task_ids[row])
    return _hit_link(scene, x, y)


def _hit_link(scene: Scene, x: float, y: float) -> Hit | None:
    distances = segment_distances(scene.link_points, scene.link_offsets, x, y)
    if len(distances) and distances.min() <= LINK_TOLERANCE_PX:
        return Hit("link", link_id=scene.link_ids[int(distances.argmin())])
    return None

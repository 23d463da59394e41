"""The scene: geometry of the visible part of the chart as numpy arrays, one group per layer.

Coordinates: x in pixels of the chart area (0 = left edge), y in content pixels (row i spans
[i * row_height, (i + 1) * row_height)); the painter shifts y by the header and scroll offset.
Only rows in [first_row, last_row] and bars that reach into [0, width) are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .axis import estimate_text_width
from .data import KIND_MILESTONE, KIND_SUMMARY, KIND_TASK, ChartData
from .labels import Label, place_labels
from .links import route_all
from .scale import TimeScale

BAR_TOP, BAR_BOTTOM = 0.24, 0.76  # bar extent as a share of the row height
BAR_TOP_WITH_GHOST, BAR_BOTTOM_WITH_GHOST = 0.16, 0.62
GHOST_TOP, GHOST_BOTTOM = 0.68, 0.86
SUMMARY_TOP, SUMMARY_BOTTOM = 0.34, 0.58


@dataclass
class SceneOptions:
    """What to draw and how big."""

    row_height: float = 24.0
    show_critical: bool = True
    show_links: bool = True
    show_labels: bool = True
    today: date | None = None
    status_date: date | None = None
    selected: frozenset[str] = frozenset()
    text_width: Callable[[str], float] = field(default_factory=estimate_text_width)
    bold_text_width: Callable[[str], float] | None = None  # summary labels; None = text_width


@dataclass
class Layer:
    """Rectangles (or diamonds: x0 = x1 = centre) of one kind, with per-item flags."""

    rows: np.ndarray
    x0: np.ndarray
    x1: np.ndarray
    y0: np.ndarray
    y1: np.ndarray
    color: np.ndarray
    critical: np.ndarray
    actual: np.ndarray
    selected: np.ndarray
    soft0: np.ndarray  # x where the uncertain (faded) period starts, nan if none
    soft1: np.ndarray

    def __len__(self) -> int:
        return len(self.rows)


@dataclass
class Scene:
    """Everything the painter draws for one view of the chart."""

    width: float
    row_height: float
    first_row: int
    last_row: int
    colors: list[str]
    tasks: Layer
    summaries: Layer
    milestones: Layer
    ghosts: Layer
    whiskers: Layer
    link_ids: list[str]
    link_points: np.ndarray  # (m, 2)
    link_offsets: np.ndarray  # polyline i = points[offsets[i]:offsets[i+1]]
    link_critical: np.ndarray
    phases: list[tuple[float, float, str]]  # (x0, x1, name), clipped to the view
    labels: list[Label]
    today_x: float | None
    status_x: float | None
    task_ids: list[str]  # of the row index space (for hit testing)


def _layer(data: ChartData, idx: np.ndarray, scale: TimeScale, opts: SceneOptions,
           x0: np.ndarray, x1: np.ndarray, top: float, bottom: float) -> Layer:
    rh = opts.row_height
    selected = np.array([data.task_ids[i] in opts.selected for i in idx.tolist()], bool)
    critical = data.critical[idx] if opts.show_critical else np.zeros(len(idx), bool)
    return Layer(idx, x0, x1, idx * rh + top * rh, idx * rh + bottom * rh, data.color[idx], critical,
                 data.actual[idx], selected, scale.x_of_ordinals(data.soft0[idx]),
                 scale.x_of_ordinals(data.soft1[idx]))


def _visible(x0: np.ndarray, x1: np.ndarray, width: float, margin: float) -> np.ndarray:
    return (x1 >= -margin) & (x0 <= width + margin)


def build_scene(data: ChartData, scale: TimeScale, width: float, first_row: int, last_row: int,
                opts: SceneOptions | None = None) -> Scene:
    """Geometry for rows first_row..last_row (inclusive) across `width` pixels."""
    opts = opts or SceneOptions()
    rh = opts.row_height
    first_row, last_row = max(first_row, 0), min(last_row, len(data) - 1)
    idx = np.arange(first_row, last_row + 1) if last_row >= first_row else np.zeros(0, np.int64)
    x0, x1 = scale.x_of_ordinals(data.start[idx]), scale.x_of_ordinals(data.finish[idx])
    soft1 = scale.x_of_ordinals(data.soft1[idx])
    far = np.fmax(x1, soft1)  # a faded tail still counts as visible
    kind, has_ghost = data.kind[idx], ~np.isnan(data.ghost0[idx])
    any_ghost = bool(has_ghost.any())
    top, bottom = (BAR_TOP_WITH_GHOST, BAR_BOTTOM_WITH_GHOST) if any_ghost else (BAR_TOP, BAR_BOTTOM)
    layers = {}
    for name, code, (t, b) in (("tasks", KIND_TASK, (top, bottom)), ("summaries", KIND_SUMMARY,
                               (SUMMARY_TOP, SUMMARY_BOTTOM)), ("milestones", KIND_MILESTONE, (top, bottom))):
        keep = (kind == code) & _visible(x0, far, width, rh)
        layers[name] = _layer(data, idx[keep], scale, opts, x0[keep], x1[keep], t, b)
    gx0, gx1 = scale.x_of_ordinals(data.ghost0[idx]), scale.x_of_ordinals(data.ghost1[idx])
    keep = has_ghost & _visible(gx0, gx1, width, rh)
    ghosts = _layer(data, idx[keep], scale, opts, gx0[keep], gx1[keep], GHOST_TOP, GHOST_BOTTOM)
    wx0, wx1 = scale.x_of_ordinals(data.whisker0[idx]), scale.x_of_ordinals(data.whisker1[idx])
    keep = ~np.isnan(wx0) & _visible(wx0, wx1, width, rh)
    whiskers = _layer(data, idx[keep], scale, opts, wx0[keep], wx1[keep], 0.5, 0.5)
    link_ids, points, offsets, link_crit = _links(data, scale, width, first_row, last_row, opts)
    phases = [(max(scale.x_of_ordinals(s).item(), -1.0), min(scale.x_of_ordinals(f).item(), width + 1), n)
              for s, f, n in data.phases]
    phases = [(a, b, n) for a, b, n in phases if b > 0 and a < width]
    scene = Scene(width, rh, first_row, last_row, data.colors, layers["tasks"], layers["summaries"],
                  layers["milestones"], ghosts, whiskers, link_ids, points, offsets, link_crit, phases, [],
                  _line_x(scale, opts.today, width), _line_x(scale, opts.status_date, width), data.task_ids)
    if opts.show_labels:
        scene.labels = place_labels(scene, data.labels, opts.text_width, opts.bold_text_width)
    return scene


def _line_x(scale: TimeScale, day: date | None, width: float) -> float | None:
    if day is None:
        return None
    x = scale.x_of(day)
    return x if 0 <= x <= width else None


def _ends(data: ChartData, rows: np.ndarray, scale: TimeScale, rh: float, half: float) -> np.ndarray:
    """(x0, x1, y-centre) of each row's bar; milestones get their diamond's half-width."""
    x0, x1 = scale.x_of_ordinals(data.start[rows]), scale.x_of_ordinals(data.finish[rows])
    diamond = data.kind[rows] == KIND_MILESTONE
    x0 = np.where(diamond, x0 - half, x0)
    x1 = np.where(diamond, x1 + half, x1)
    return np.column_stack([x0, x1, rows * rh + rh / 2])


def _links(data: ChartData, scale: TimeScale, width: float, first: int, last: int, opts: SceneOptions):
    """Links that cross the visible rows and reach into the visible x range, routed."""
    if not opts.show_links or len(data.link_ids) == 0:
        return [], np.zeros((0, 2)), np.zeros(1, np.int64), np.zeros(0, bool)
    lo, hi = np.minimum(data.link_pred, data.link_succ), np.maximum(data.link_pred, data.link_succ)
    keep = np.nonzero((hi >= first) & (lo <= last))[0]
    rh = opts.row_height
    src = _ends(data, data.link_pred[keep], scale, rh, rh * 0.3)
    dst = _ends(data, data.link_succ[keep], scale, rh, rh * 0.3)
    xmin = np.minimum(src[:, :2].min(axis=1), dst[:, :2].min(axis=1))
    xmax = np.maximum(src[:, :2].max(axis=1), dst[:, :2].max(axis=1))
    near = (xmax >= -rh) & (xmin <= width + rh)
    keep, src, dst = keep[near], src[near], dst[near]
    points, offsets = route_all(data.link_type[keep], src, dst, rh)
    critical = data.link_critical[keep] if opts.show_critical else np.zeros(len(keep), bool)
    return [data.link_ids[i] for i in keep.tolist()], points, offsets, critical

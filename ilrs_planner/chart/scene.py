"""The scene: geometry of the visible part of the chart as numpy arrays, one group per layer.

Coordinates: x in pixels of the chart area (0 = left edge), y in content pixels (row i spans
[i * row_height, (i + 1) * row_height)); the painter shifts y by the header and scroll offset.
Only rows in [first_row, last_row] and bars that reach into [0, width) are kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .data import KIND_MILESTONE, KIND_SUMMARY, KIND_TASK, ChartData, PickedIds
from .deadlines import NO_MARKS, DeadlineMarks, deadline_marks
from .labels import Label, place_labels
from .layer import (
    BAR_BOTTOM,
    BAR_BOTTOM_WITH_GHOST,
    BAR_TOP,
    BAR_TOP_WITH_GHOST,
    GHOST_BOTTOM,
    GHOST_TOP,
    KEY_DIAMOND,
    SUMMARY_BOTTOM,
    SUMMARY_TOP,
    Layer,
    SceneOptions,
    make_layer,
    visible,
)
from .link_runs import unframed
from .links import STUB_PX, crossing_uprights, pick_polylines, reaching_into, route_all
from .nonworking import NO_SPANS, nonworking_spans, shade_days
from .scale import TimeScale
from .tracking import KeyLine, key_lines, rollups_layer, slip_badges, slips_layer

__all__ = ["GHOST_TOP", "KEY_DIAMOND", "KeyLine", "Layer", "PickedIds", "Scene", "SceneOptions", "build_scene"]


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
    link_ids: Sequence[str]
    link_points: np.ndarray  # (m, 2)
    link_offsets: np.ndarray  # polyline i = points[offsets[i]:offsets[i+1]]
    link_critical: np.ndarray
    phases: list[tuple[float, float, str]]  # (x0, x1, name) of every phase, clipped to the view (x1 <= x0: off it)
    labels: list[Label]
    today_x: float | None
    status_x: float | None
    task_ids: list[str]  # of the row index space (for hit testing)
    slips: Layer | None = None  # baseline end -> current end, colour = index into variance.SLIP_STEPS
    rollups: Layer | None = None  # milestones of collapsed summaries, on the summary's row
    key_lines: list[KeyLine] = field(default_factory=list)
    nonworking: np.ndarray = field(default_factory=lambda: NO_SPANS)  # (x0, x1) of days off, shaded
    deadlines: DeadlineMarks = NO_MARKS  # arrows at the end of each deadline's day (chart/deadlines.py)


# Connectors with both ends further than this many rows from those shown draw no more there than
# an upright crossing them (their runs along a row lie beyond the rows shown and their margins).
FAR_ROWS = 3


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
        keep = (kind == code) & visible(x0, far, width, rh)
        layers[name] = make_layer(data, idx[keep], scale, opts, x0[keep], x1[keep], t, b)
    gx0, gx1 = scale.x_of_ordinals(data.ghost0[idx]), scale.x_of_ordinals(data.ghost1[idx])
    keep = has_ghost & visible(gx0, gx1, width, rh)
    ghosts = make_layer(data, idx[keep], scale, opts, gx0[keep], gx1[keep], GHOST_TOP, GHOST_BOTTOM)
    wx0, wx1 = scale.x_of_ordinals(data.whisker0[idx]), scale.x_of_ordinals(data.whisker1[idx])
    keep = ~np.isnan(wx0) & visible(wx0, wx1, width, rh)
    whiskers = make_layer(data, idx[keep], scale, opts, wx0[keep], wx1[keep], 0.5, 0.5)
    link_ids, points, offsets, link_crit = _links(data, scale, width, first_row, last_row, opts)
    # Every phase, those off the view too (their bands empty there): a phase's tint is its place among
    # them, so Construction keeps its colour when Reconnaissance is scrolled out of the view.
    phases = [(max(scale.x_of_ordinals(s).item(), -1.0), min(scale.x_of_ordinals(f).item(), width + 1), n)
              for s, f, n in data.phases]
    scene = Scene(width, rh, first_row, last_row, data.colors, layers["tasks"], layers["summaries"],
                  layers["milestones"], ghosts, whiskers, link_ids, points, offsets, link_crit, phases, [],
                  _line_x(scale, opts.today, width), _line_x(scale, opts.status_date, width), data.task_ids,
                  slips_layer(data, scale, opts, idx, width),
                  rollups_layer(data, scale, opts, first_row, last_row, width), key_lines(data, scale, width))
    scene.deadlines = deadline_marks(data.finish, data.deadline, data.deadline_late, idx, scale, width, rh)
    if shade_days(scale, opts.text_width):
        scene.nonworking = nonworking_spans(opts.working_days, scale, width)
    if opts.show_labels:
        scene.labels = place_labels(scene, data.labels, opts.text_width, opts.bold_text_width,
                                    slip_badges(data, idx))
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
    # a link meets a key milestone at its larger diamond's tip
    halves = np.where(data.key[rows], rh * KEY_DIAMOND, half) if len(data.key) else np.full(len(rows), half)
    x0 = np.where(diamond, x0 - halves, x0)
    x1 = np.where(diamond, x1 + halves, x1)
    return np.column_stack([x0, x1, rows * rh + rh / 2])


def _links(data: ChartData, scale: TimeScale, width: float, first: int, last: int, opts: SceneOptions):
    """Links that draw something in the visible rows and x range, routed."""
    if not opts.show_links or len(data.link_ids) == 0:
        return [], np.zeros((0, 2)), np.zeros(1, np.int64), np.zeros(0, bool)
    lo, hi = np.minimum(data.link_pred, data.link_succ), np.maximum(data.link_pred, data.link_succ)
    keep = np.flatnonzero((hi >= first) & (lo <= last))
    rh = opts.row_height
    keep = keep[_may_show(data, scale, width, first, last, keep, rh)]
    pred, succ = data.link_pred[keep], data.link_succ[keep]
    src = _ends(data, pred, scale, rh, rh * 0.3)
    dst = _ends(data, succ, scale, rh, rh * 0.3)
    passing = _far(pred, first, last) & _far(succ, first, last)
    points, offsets = _routed(data.link_type[keep], src, dst, rh, passing)
    points = unframed(points, offsets, rh, width, ((first - 1) * rh, (last + 2) * rh))  # no row framed by two runs
    shown = np.flatnonzero(reaching_into(points, offsets, -rh, width + rh, (first - 1) * rh, (last + 2) * rh))
    if len(shown) < len(keep):
        keep, (points, offsets) = keep[shown], pick_polylines(points, offsets, shown)
    critical = data.link_critical[keep] if opts.show_critical else np.zeros(len(keep), bool)
    return PickedIds(data.link_ids, keep), points, offsets, critical


def _far(rows: np.ndarray, first: int, last: int) -> np.ndarray:
    """Which rows lie more than FAR_ROWS rows above or below first..last."""
    return (rows < first - FAR_ROWS) | (rows > last + FAR_ROWS)


def _routed(codes: np.ndarray, src: np.ndarray, dst: np.ndarray, rh: float,
            passing: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """route_all's polylines, those `passing` (both ends far from the rows shown, one above and one
    below) cut to the upright crossing those rows, all they draw there and all a pointer can touch
    there. In the middle of a large plan 14,000 connectors cross the rows shown and a hundred end
    there: routing each whole was a third of a repaint."""
    if not passing.any():
        return route_all(codes, src, dst, rh)
    near, far = np.flatnonzero(~passing), np.flatnonzero(passing)
    near_points, near_offsets = route_all(codes[near], src[near], dst[near], rh)
    counts = np.full(len(codes), 2, np.int64)
    counts[near] = np.diff(near_offsets)
    offsets = np.zeros(len(codes) + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    points = np.empty((int(offsets[-1]), 2))
    uprights = crossing_uprights(codes[far], src[far], dst[far], rh)
    points[offsets[far]], points[offsets[far] + 1] = uprights[0::2], uprights[1::2]
    step = np.arange(len(near_points)) - np.repeat(near_offsets[:-1], counts[near])
    points[np.repeat(offsets[near], counts[near]) + step] = near_points
    return points, offsets


def _may_show(data: ChartData, scale: TimeScale, width: float, first: int, last: int, links: np.ndarray,
              rh: float) -> np.ndarray:
    """Which of `links` (all crossing the rows shown) may draw something there, before routing them:
    one leaving or entering a row near those, or one with a bar end near the dates shown (its
    upright runs keep within a stub and a diamond of its bar ends). In the middle of a large plan
    thousands of links cross the rows, most of them years away from a view of a few weeks."""
    pred, succ = data.link_pred[links], data.link_succ[links]
    near_row = ((pred >= first - 2) & (pred <= last + 2)) | ((succ >= first - 2) & (succ <= last + 2))
    reach = rh * (1 + KEY_DIAMOND) + STUB_PX
    earliest, latest = scale.ordinal_at(-reach), scale.ordinal_at(width + reach)
    near = near_row
    for rows in (pred, succ):
        for ends in (data.start, data.finish):
            day = ends[rows]
            near |= (day >= earliest) & (day <= latest)
    return near

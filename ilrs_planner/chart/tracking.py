"""The tracking Gantt's marks in the scene: slips against the baseline, roll-ups, key dates.

Pure geometry, like the rest of the scene: the painters colour slips by `variance.SLIP_STEPS`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .data import ChartData
from .layer import GHOST_BOTTOM, GHOST_TOP, Layer, SceneOptions, make_layer, visible
from .scale import TimeScale
from .variance import ON_TIME_STEP, slip_steps


@dataclass(frozen=True, slots=True)
class KeyLine:
    """A key milestone's vertical line across the chart and header, with its name and slip."""

    x: float
    text: str
    slip: str = ""  # '+7 y' against the compared baseline, '' without one
    step: int = ON_TIME_STEP
    detail: str = ""  # the whole label ('ILRS basic station complete · 2035') for a tooltip


def slips_layer(data: ChartData, scale: TimeScale, opts: SceneOptions, idx: np.ndarray, width: float) -> Layer:
    """From each baseline end to the current end, coloured by the size of the slip; none when on time."""
    slip = data.slip_counted[idx]  # coloured as its words count it ('0 y': on time, no mark)
    steps = slip_steps(slip, data.slip_scale)
    keep = ~np.isnan(slip) & (steps != ON_TIME_STEP)
    ends = scale.x_of_ordinals(data.finish[idx][keep])
    was = scale.x_of_ordinals(data.ghost1[idx][keep])
    x0, x1 = np.minimum(ends, was), np.maximum(ends, was)
    seen = visible(x0, x1, width, opts.row_height)
    layer = make_layer(data, idx[keep][seen], scale, opts, x0[seen], x1[seen], GHOST_TOP, GHOST_BOTTOM)
    layer.color = steps[keep][seen].astype(np.int32)
    return layer


def rollups_layer(data: ChartData, scale: TimeScale, opts: SceneOptions, first: int, last: int,
                  width: float) -> Layer:
    """Diamonds of rolled-up milestones on their collapsed summary's row."""
    r, rh = data.rollups, opts.row_height
    x = scale.x_of_ordinals(r.at)
    keep = (r.row >= first) & (r.row <= last) & visible(x, x, width, rh) if len(r) else np.zeros(0, bool)
    rows, x = r.row[keep], x[keep]
    none = np.zeros(len(rows), bool)
    return Layer(rows, x, x, rows * rh + 0.14 * rh, rows * rh + 0.86 * rh, r.color[keep], none, r.actual[keep],
                 none, np.full(len(rows), np.nan), np.full(len(rows), np.nan), r.key[keep])


def key_lines(data: ChartData, scale: TimeScale, width: float) -> list[KeyLine]:
    """Every key milestone in the visible dates, whether or not its row is scrolled into view."""
    rows = np.nonzero(data.key)[0]
    x = scale.x_of_ordinals(data.start[rows])
    lines = []
    for row, at in zip(rows.tolist(), x.tolist()):
        if 0 <= at <= width:
            slip = float(data.slip_counted[row])
            badge = "" if np.isnan(slip) else str(data.slip_words[row])
            step = int(slip_steps(np.array([slip]), data.slip_scale)[0])
            label = data.labels[row]
            lines.append(KeyLine(at, label.split(" · ")[0], badge, step, label))
    r = data.rollups  # a key milestone folded into its summary still marks its date
    for at, name in zip(scale.x_of_ordinals(r.at[r.key]).tolist(), [n for n, k in zip(r.names, r.key) if k]):
        if 0 <= at <= width:
            lines.append(KeyLine(at, name, detail=name))
    return sorted(lines, key=lambda line: line.x)


def slip_badges(data: ChartData, idx: np.ndarray) -> dict[int, tuple[str, int]]:
    """Slip labels ('+7 y', as the table's Finish variance) of the key milestones that have a baseline date."""
    out = {}
    for row in idx[data.key[idx] & ~np.isnan(data.ghost1[idx])].tolist() if len(data.key) else []:
        slip = float(data.slip_counted[row])
        out[row] = (str(data.slip_words[row]), int(slip_steps(np.array([slip]), data.slip_scale)[0]))
    return out

"""A layer of the scene: rectangles or diamonds of one kind as numpy arrays, and how rows map to them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from .axis import estimate_text_width
from .data import SYMBOL_BITS, ChartData
from .nonworking import WorkingDays
from .scale import TimeScale

KEY_DIAMOND = 0.44  # half-size of a key milestone's diamond, as a share of the row height (others 0.3)
BAR_TOP, BAR_BOTTOM = 0.24, 0.76  # bar extent as a share of the row height
BAR_TOP_WITH_GHOST, BAR_BOTTOM_WITH_GHOST = 0.16, 0.62
GHOST_TOP, GHOST_BOTTOM = 0.64, 0.88  # the baseline bar under the current one (tracking Gantt)
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
    working_days: WorkingDays | None = None  # the plan default calendar, shaded at week zoom


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
    key: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # key milestones
    confidence: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))  # data.CONF_*
    done_x1: np.ndarray = field(default_factory=lambda: np.zeros(0))  # x where the work done ends (nan: none)
    manual: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # manually scheduled: bracketed ends

    def __len__(self) -> int:
        return len(self.rows)


def make_layer(data: ChartData, idx: np.ndarray, scale: TimeScale, opts: SceneOptions,
           x0: np.ndarray, x1: np.ndarray, top: float, bottom: float) -> Layer:
    rh = opts.row_height
    selected = np.array([data.task_ids[i] in opts.selected for i in idx.tolist()], bool)
    critical = data.critical[idx] if opts.show_critical else np.zeros(len(idx), bool)
    return Layer(idx, x0, x1, idx * rh + top * rh, idx * rh + bottom * rh, data.color[idx], critical,
                 data.actual[idx], selected, scale.x_of_ordinals(data.soft0[idx]),
                 scale.x_of_ordinals(data.soft1[idx]), data.key[idx] if len(data.key) else np.zeros(len(idx), bool),
                 data.confidence[idx] if len(data.confidence) else np.zeros(len(idx), np.int8),
                 scale.x_of_ordinals(data.done_until[idx]) if len(data.done_until) else np.full(len(idx), np.nan),
                 (data.symbols[idx] & SYMBOL_BITS["manual"]) != 0 if len(data.symbols) else np.zeros(len(idx), bool))


def visible(x0: np.ndarray, x1: np.ndarray, width: float, margin: float) -> np.ndarray:
    return (x1 >= -margin) & (x0 <= width + margin)

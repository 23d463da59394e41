"""Finish variance against a baseline as colour and as words: the tracking Gantt's slip marks.

Late is drawn in reds that deepen with the size of the slip, early in blues, and a slip within
a month in neutral grey: a manager reads "how bad" from the colour before the label. The colours
(chart.palette) keep apart from every owner's, also for the common colour-vision deficiencies.
"""

from __future__ import annotations

import math

import numpy as np

from . import palette

# (upper bound in days, colour, legend text), from the earliest to the latest; the last bound is open.
SLIP_STEPS: tuple[tuple[float, str, str], ...] = (
    (-365, palette.EARLY_BY_YEARS, "over a year early"),
    (-31, palette.EARLY_BY_MONTHS, "1–12 months early"),
    (30, palette.ON_TIME, "within a month"),
    (365, palette.LATE_BY_MONTHS, "1–12 months late"),
    (1095, palette.LATE_BY_YEARS, "1–3 years late"),
    (math.inf, palette.LATE_BY_MORE_YEARS, "over 3 years late"),
)
SLIP_COLORS = tuple(color for _, color, _ in SLIP_STEPS)
ON_TIME_STEP = 2  # the neutral step: no slip mark is drawn for it


def slip_step(days: float) -> int:
    """Index into SLIP_STEPS for a finish variance in days (positive = late)."""
    for index, (bound, _, _) in enumerate(SLIP_STEPS):
        if days <= bound:
            return index
    return len(SLIP_STEPS) - 1


def slip_steps(days: np.ndarray) -> np.ndarray:
    """slip_step over an array (nan, i.e. not in the baseline, maps to the neutral step)."""
    bounds = np.array([bound for bound, _, _ in SLIP_STEPS[:-1]])
    steps = np.searchsorted(bounds, np.nan_to_num(days, nan=0.0), side="left")
    return steps.astype(np.int8)


def slip_color(days: float) -> str:
    """The colour of a finish variance of `days`."""
    return SLIP_STEPS[slip_step(days)][1]


def format_slip(days: float) -> str:
    """'+7 y', '+14 mo', '−3 w', '+9 d' or 'on time': the unit a person would say for that size."""
    if not days:
        return "on time"
    sign, size = ("+" if days > 0 else "−"), abs(days)
    if size >= 730:
        return f"{sign}{round(size / 365.25)} y"
    if size >= 60:
        return f"{sign}{round(size / 30.44)} mo"
    if size >= 21:
        return f"{sign}{round(size / 7)} w"
    return f"{sign}{int(size)} d"

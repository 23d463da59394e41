"""Zoom presets of the toolbar as date ranges."""

from __future__ import annotations

from datetime import date

from ...chart import PROGRAMME_END, PROGRAMME_START

PRESETS = {"programme": "Whole programme", "10y": "10 years", "2y": "2 years", "quarter": "Quarter",
           "selection": "Fit selection"}


def preset_range(name: str, first: date, end: date) -> tuple[date, date]:
    """[start, end) of a preset, centred on the range now shown (whole years / a calendar quarter)."""
    if name == "programme":
        return PROGRAMME_START, PROGRAMME_END
    centre = first + (end - first) / 2
    if name == "quarter":
        start = date(centre.year, 3 * ((centre.month - 1) // 3) + 1, 1)
        return start, date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)
    years = {"10y": 10, "2y": 2}.get(name)
    if years is None:
        raise ValueError(f"unknown zoom preset {name!r}; use one of {', '.join(PRESETS)}")
    start = date(max(centre.year - years // 2, 1900), 1, 1)
    return start, date(start.year + years, 1, 1)

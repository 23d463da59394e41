"""Colours of the chart: one per owner agency, plus the fixed colours that carry meaning."""

from __future__ import annotations

import zlib

from ..domain import Project

CRITICAL = "#d62728"  # critical path: reserved, no owner ever gets it
SELECTED = "#1a73e8"
TODAY = "#2a9d8f"
STATUS_DATE = "#7b2cbf"
GHOST = "#b3b8bf"  # baseline bars: mid grey with a darker edge, visible under the current bar
GHOST_EDGE = "#6b7179"
KEY_DATE = "#3c4043"
WHISKER = "#3c4043"
LINK = "#5f6368"
SUMMARY = "#3c4043"
NO_OWNER = "#8d99ae"

# Distinct, print-safe hues that stay apart from the critical red (a Tableau/ColorBrewer mix).
OWNER_PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                 "#bcbd22", "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948")


def owner_color(key: str, explicit: str = "") -> str:
    """The participant's own colour, else a palette colour derived stably from its key."""
    if explicit and explicit.startswith("#") and len(explicit) == 7:
        return explicit.lower()
    return OWNER_PALETTE[zlib.crc32(key.encode("utf-8")) % len(OWNER_PALETTE)]


def owner_colors(project: Project) -> dict[str | None, str]:
    """Participant id -> colour for every participant owning a task (None -> the no-owner grey).

    Participants without their own colour take palette colours in key order, so two owners
    collide only once the palette is used up (hashing alone would collide much sooner).
    """
    colors: dict[str | None, str] = {None: NO_OWNER}
    used: set[str] = set()
    owners = {t.owner_id for t in project.tasks.values()}
    parts = sorted((p for p in project.participants.values() if p.id in owners), key=lambda p: p.key)
    for part in parts:
        if part.color:
            colors[part.id] = owner_color(part.key, part.color)
            used.add(colors[part.id])
    free = [c for c in OWNER_PALETTE if c not in used]
    for part in parts:
        if part.id not in colors:
            colors[part.id] = free.pop(0) if free else owner_color(part.key)
    return colors

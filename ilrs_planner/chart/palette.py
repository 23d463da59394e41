"""Colours of the chart: one per owner agency, plus the fixed colours that carry meaning."""

from __future__ import annotations

import zlib

from ..domain import Project
from ..domain.colors import is_color
from .print_greys import spread_greys

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
DEADLINE = "#188038"  # MS Project's green deadline arrow
DEADLINE_MISSED = "#c5221f"  # a task finishing after its deadline

# Finish variance against a baseline (chart.variance): early in blues, late in reds deepening
# with the slip. Owners' bars share the row with these marks, and the owners' colours (below and
# in data/participants.toml) already take most hues, so these sit where none of them is: a strong
# and a violet blue, a crimson ramp to maroon. Each stays at least CIELAB 20 from every owner
# colour and from the critical red, for normal sight and as deuteranopes and protanopes see them
# (tests/chart/test_slip_colours.py); the old ColorBrewer steps were 4-9 from the agencies' blues
# and oranges.
EARLY_BY_YEARS = "#0055ee"
EARLY_BY_MONTHS = "#7777ff"
ON_TIME = "#9aa0a6"
LATE_BY_MONTHS = "#dd3355"
LATE_BY_YEARS = "#aa0033"
LATE_BY_MORE_YEARS = "#550000"

# A date moved earlier or later as the analysis docks write it (slip report, why, what-if): the
# variance hues, blue early and red late, so a task reads the same there as in the task table's
# Finish variance and on the chart (their green "earlier" was an owner's colour on the chart, and
# its met deadline).
EARLIER_TEXT = EARLY_BY_YEARS
LATER_TEXT = DEADLINE_MISSED

# Distinct, print-safe hues that stay apart from the critical red and the slip colours (a
# Tableau/ColorBrewer mix; its greens and brown read as the late reds to a deuteranope).
OWNER_PALETTE = ("#1f77b4", "#ff7f0e", "#9467bd", "#e377c2", "#17becf", "#bcbd22", "#4e79a7",
                 "#f28e2b", "#b07aa1", "#76b7b2", "#edc948")

# A chart drawing one line per item (the milestone trend) takes the same palette, in an order that
# keeps the first eight lines furthest apart (its two blues, two oranges, two cyans come last).
_SERIES_ORDER = (0, 1, 2, 3, 4, 5, 8, 10, 9, 6, 7)


def series_color(index: int) -> str:
    """The colour of line `index` of a chart of several lines (the palette repeats past its end)."""
    return OWNER_PALETTE[_SERIES_ORDER[index % len(_SERIES_ORDER)]]


def owner_color(key: str, explicit: str = "") -> str:
    """The participant's own colour, else a palette colour derived stably from its key."""
    if explicit and is_color(explicit):  # anything else (a hostile file's '#zzzzzz') is not drawn
        return explicit.lower()
    return OWNER_PALETTE[zlib.crc32(key.encode("utf-8")) % len(OWNER_PALETTE)]


def owner_colors(project: Project, owners: set | None = None) -> dict[str | None, str]:
    """Participant id -> colour for every participant owning a task (None -> the no-owner grey).

    Participants without their own colour take palette colours in key order, so two owners
    collide only once the palette is used up (hashing alone would collide much sooner). Owners
    whose colours would print as one grey are made lighter or darker (print_greys). `owners`: the
    participant ids the tasks name, when the caller keeps them.
    """
    colors: dict[str | None, str] = {None: NO_OWNER}
    used: set[str] = set()
    owners = {t.owner_id for t in project.tasks.values()} if owners is None else owners
    parts = sorted((p for p in project.participants.values() if p.id in owners), key=lambda p: p.key)
    for part in parts:
        if is_color(part.color):
            colors[part.id] = owner_color(part.key, part.color)
            used.add(colors[part.id])
    free = [c for c in OWNER_PALETTE if c not in used]
    for part in parts:
        if part.id not in colors:
            colors[part.id] = free.pop(0) if free else owner_color(part.key)
    # The no-owner grey stays as it is: a new task (of no owner yet) changes no owner's colour.
    return {None: NO_OWNER} | spread_greys({key: color for key, color in colors.items() if key is not None})

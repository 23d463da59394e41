"""Where the name of each bar goes: beside it, never across a neighbour or off the chart.

Each row holds one task, so the only things a label can collide with are its own row's
drawing (bar, faded tail, whisker, a collapsed summary's roll-up marks) and the chart edges: the
label goes right of all of them, else left of them, else inside the bar (light text), else
pinned to the edge. A name too long for any of those places is cut to the widest of them,
ending in "…" (a milestone keeps its date), so it never runs over the next mark or off the image;
the tooltip has it in full.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .links import STUB_PX
from .rollups import rollup_marks

if TYPE_CHECKING:
    from .scene import Scene

GAP_PX = 6.0
# How far the red ring of a critical bar, and of a critical milestone (past its own outline, along
# the diamond's half-diagonal), reaches outside it: qt.gantt.critical_rings draws them.
BAR_RING_PX, MILESTONE_RING_PX = 3.0, 6.5
# A name left of its bar keeps clear of a link coming in there, which turns STUB_PX before the bar.
LEFT_GAP_PX = STUB_PX + 4.0
BADGE_PAD_PX = 5.0  # inside a slip badge, each side of its text
ELLIPSIS = "…"
CUT_SHARE = 0.5  # a name cut beside its bar takes at most this share of the chart's width: it is cut anyway
# The date a milestone's label ends with ('Queqiao-2 launch · 2024-03-20', '… · Q3 2029'): kept when cut.
_DATE_SUFFIX = re.compile(r" · (?:\d{4}(?:-\d\d){0,2}|Q[1-4] \d{4})$")


@dataclass(frozen=True, slots=True)
class Label:
    """One label: text starts at x, vertically centred on y."""

    x: float
    y: float
    text: str
    row: int
    inside: bool = False  # drawn over the bar, so in a light colour
    bold: bool = False  # summary rows
    badge: str = ""  # a key milestone's slip ('+7 y'), drawn after the text on a coloured pill
    badge_step: int = 2  # its colour: index into variance.SLIP_STEPS
    over_bar: bool = False  # pinned over its own bar for want of room beside it (a lighter halo)


def _extents(scene: Scene, text_width: Callable[[str], float]) -> dict[int, list[float]]:
    """Row -> [left, right, bar_x0, bar_x1, is_summary] of what the label must not cover; bar_x1
    ends the bar's solid colour, before the fade of a date known to a year or a month (a name
    inside the bar stays on the one colour its text is chosen for: qt.gantt.layers.labels)."""
    half = scene.row_height * 0.3
    out: dict[int, list[float]] = {}
    for layer, pad, summary, ring in ((scene.tasks, 0.0, 0.0, BAR_RING_PX), (scene.summaries, 3.0, 1.0, 0.0),
                                      (scene.milestones, half, 0.0, MILESTONE_RING_PX)):
        # A summary bar draws no faded tail (only tasks and milestones do), so its name goes by its bar.
        far = layer.x1 if summary else np.fmax(layer.x1, layer.soft1)
        solid = layer.x1 if summary else np.where(np.isnan(layer.soft0), layer.x1,
                                                  np.fmax(layer.x0, np.fmin(layer.x1, layer.soft0)))
        keyed = len(layer.key) == len(layer)
        pads = np.where(layer.key, scene.row_height * 0.44, pad) if keyed else np.full(len(layer), pad)
        pads = pads + np.where(layer.critical, ring, 0.0)  # a critical mark's name stands off its ring
        columns = (layer.rows.tolist(), layer.x0.tolist(), solid.tolist(), far.tolist(), pads.tolist())
        for row, a, b, f, p in zip(*columns):
            out[row] = [a - p, f + p, a, b, summary]
    # Whiskers belong to the milestone, so its label goes past them; ghost bars do not: a label
    # sits by the current bar even if the baseline bar lies further on (it is the older news).
    for layer in (scene.whiskers,):
        for row, a, b in zip(layer.rows.tolist(), layer.x0.tolist(), layer.x1.tolist()):
            if row in out:
                out[row][0], out[row][1] = min(out[row][0], a), max(out[row][1], b)
    # A summary's name goes past its roll-up marks, counts included, as past its bar.
    r = scene.rollups
    for mark in rollup_marks(r.rows, r.x0, scene.row_height, text_width) if r is not None else []:
        if mark.row in out:
            out[mark.row][0], out[mark.row][1] = min(out[mark.row][0], mark.left), max(out[mark.row][1], mark.right)
    return out


def badge_width(badge: str, text_width: Callable[[str], float]) -> float:
    """Room a slip badge takes after its label (nothing without one)."""
    return text_width(badge) + 2 * BADGE_PAD_PX + GAP_PX if badge else 0.0


def place_labels(scene: Scene, texts: list[str], text_width: Callable[[str], float],
                 bold_width: Callable[[str], float] | None = None,
                 badges: dict[int, tuple[str, int]] | None = None) -> list[Label]:
    """One label per visible bar or diamond (summary labels are bold, so measured with `bold_width`);
    a key milestone's slip badge travels with its label."""
    labels, badges = [], badges or {}
    for row, (left, right, bar0, bar1, summary) in sorted(_extents(scene, text_width).items()):
        text = texts[row]
        badge, step = badges.get(row, ("", 2))
        measure = (bold_width or text_width) if summary else text_width
        extra = badge_width(badge, text_width)
        w = measure(text) + extra
        y = (row + 0.5) * scene.row_height
        inside = over = False
        if right + GAP_PX + w <= scene.width:
            x = max(right, 0.0) + GAP_PX
        elif left - LEFT_GAP_PX - w >= 0:
            x = left - LEFT_GAP_PX - w
        elif min(bar1, scene.width) - max(bar0, 0.0) >= w + 2 * GAP_PX and not summary:
            x, inside = max(bar0, 0.0) + GAP_PX, True
        else:
            x, text, over = _cut_to_room(text, measure, extra, scene.width, left, right, bar0)
            if not text:
                continue
        labels.append(Label(x, y, text, row, inside, bool(summary), badge, step, over))
    return labels


def _cut_to_room(text: str, measure: Callable[[str], float], extra: float, width: float,
                 left: float, right: float, bar0: float) -> tuple[float, str, bool]:
    """(x, text, over its bar) for a label that fits nowhere beside its row's drawing: whole over
    its bar (on a halo) where it fits from the bar's start to the edge, else cut to the room right
    or left of the drawing, whichever is wider, unless that shows less than half of what a cut
    over the bar would (a bar filling the view)."""
    right_x = max(right, 0.0) + GAP_PX
    beside = max(width - GAP_PX - right_x, left - LEFT_GAP_PX - GAP_PX)
    over_x = max(bar0, 0.0) + GAP_PX
    over_room = width - GAP_PX - over_x
    if measure(text) + extra <= over_room:
        return over_x, text, True
    if beside >= over_room / 2:
        room = min(beside, width * CUT_SHARE) - extra
        if beside == width - GAP_PX - right_x:
            return right_x, elide(text, room, measure), False
        cut = elide(text, room, measure)
        return left - LEFT_GAP_PX - measure(cut) - extra, cut, False
    if over_room < measure(ELLIPSIS) + extra:  # the bar starts at the edge: pin from the chart's start
        over_x, over_room = GAP_PX, width - 2 * GAP_PX
    return over_x, elide(text, over_room - extra, measure), True


def label_row_at(labels: list[Label], x: float, y: float, row_height: float,
                 width_of: Callable[[Label], float]) -> int | None:
    """The row whose name is drawn under content point (x, y), if any: hovering a name cut
    short with "…" asks for the whole of it."""
    row = int(y // row_height)
    for label in labels:
        if label.row == row and label.x <= x <= label.x + width_of(label):
            return row
    return None


def elide(text: str, room: float, measure: Callable[[str], float]) -> str:
    """`text` if it fits `room`, else its longest beginning that fits with "…" after it, keeping a
    milestone's closing date ('Long name… · 2024-03-20') where there is room for it; '' when not
    even "…" fits."""
    if measure(text) <= room:
        return text
    match = _DATE_SUFFIX.search(text)
    suffix = match.group(0) if match and measure(ELLIPSIS + match.group(0)) <= room else ""
    head = text[: len(text) - len(suffix)]

    def fits(n: int) -> bool:
        return measure(_cut(head, n) + suffix) <= room

    low, high = 0, len(head)  # the longest beginning that fits, by halving: a name may be 1,000 characters
    while low < high:
        mid = (low + high + 1) // 2
        low, high = (mid, high) if fits(mid) else (low, mid - 1)
    if low == 0 and not fits(0):
        return ""
    return _cut(head, low) + suffix


def _cut(text: str, n: int) -> str:
    """The first `n` characters and "…", never parting a letter from its accent, nor ending in a space."""
    while 0 < n < len(text) and unicodedata.combining(text[n]):
        n -= 1
    return text[:n].rstrip(" ·/&,-–") + ELLIPSIS


def shorten_by_words(text: str, room: float, measure: Callable[[str], float], more: str = "") -> str:
    """`text` cut after its last whole word that fits `room` ('Construction / basic station' ->
    'Construction'), with `more` appended when cut; never initials. '' when not even a word fits."""
    if measure(text) <= room:
        return text
    words = text.split()
    while len(words) > 1:
        words.pop()
        shorter = " ".join(words).rstrip(" ·/&,-–") + more
        if measure(shorter) <= room:
            return shorter
    return ""

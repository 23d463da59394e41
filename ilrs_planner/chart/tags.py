"""Where the header's tags go: the names of key dates, today and the status date.

The tags have a band of their own above the time axis, so they never hide a decade or a year.
Within the band each tag sits right of its line (or left of it, ending at the line), in the
first of the band's rows where it overlaps no other tag and crosses no other mark's line (a line
runs down from its tag; a tag lying across another line
would read as that date's name). Key dates are placed before today and the status date. When
they do not all fit, the longest
name loses its last word (never below two words: "Chang'e 6…", not "Chang'e…") and the layout
is tried again; a tag that still finds no room is dropped, and the painter marks its line with a
pin at the foot of the band whose tooltip names it, as it does for every shortened tag.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

TAG_PAD_PX = 4.0  # inside a tag, each side of its text
TAG_GAP_PX = 3.0  # between two tags in one row
PIN_HALF_PX = 5.0  # a dropped mark's pin, which no tag grows over
FACING_GAP_PX = 1.0  # between a tag ending at its line and one starting at a line just right of it
MORE = "…"
MIN_WORDS = 2
# Key dates are named first: the legend explains the today and status lines by their colours,
# but only a tag can say which milestone a key-date line is.
PRIORITY = {"key": 0, "status": 1, "today": 2}
MAX_TAGS = 48  # beyond this many marks in view the band is full anyway: the rest are pins at once
MAX_CUTS = 96  # words taken off in all, so a crowded band costs a bounded number of passes


@dataclass(frozen=True, slots=True)
class TagSpec:
    """A mark that wants a tag: its line's x, its name, an optional suffix kept whole (a slip)."""

    x: float
    text: str
    kind: str  # 'key', 'today' or 'status'
    suffix: str = ""
    detail: str = ""  # the full wording for a tooltip ("… · 2035 (+7 y)")


@dataclass(frozen=True, slots=True)
class PlacedTag:
    """A tag laid out: [x0, x1) in row `row` of the band, showing `text`."""

    spec: TagSpec
    x0: float
    x1: float
    row: int
    text: str

    @property
    def shortened(self) -> bool:
        """True when the name lost words to fit."""
        return self.text != self.spec.text + self.spec.suffix


@dataclass(frozen=True, slots=True)
class TagLayout:
    """The placed tags and the marks that found no room (drawn as pins)."""

    placed: list[PlacedTag]
    dropped: list[TagSpec]


def _words_to_show(spec: TagSpec, words: int) -> str:
    parts = spec.text.split()
    if words >= len(parts):
        return spec.text + spec.suffix
    return " ".join(parts[:words]).rstrip(" ·/&,-–:") + MORE + spec.suffix


Span = tuple[float, float, float, int]  # a placed tag's left and right edges, its line's x, its row


def _try_place(specs: Sequence[TagSpec], words: list[int], width: float, rows: int,
               measure: Callable[[str], float]) -> TagLayout:
    """One greedy pass in order with each name cut to its current word count; a mark that finds no
    room is a pin at the foot of the band, which the tags placed after it keep clear of."""
    taken: list[Span] = []
    lines = sorted(s.x for s in specs)
    placed, dropped = [], []
    for spec, count in zip(specs, words):
        text = _words_to_show(spec, count)
        w = measure(text) + 2 * TAG_PAD_PX
        after = [x for x in lines if x > spec.x]
        spot = _free_spot(spec.x, w, width, rows, taken, after[0] if after else width)
        if spot is None:
            dropped.append(spec)
            taken.append(_pin(spec.x, rows - 1))
            continue
        row, x0 = spot
        taken.append((x0, x0 + w, spec.x, row))
        placed.append(PlacedTag(spec, x0, x0 + w, row, text))
    return TagLayout(placed, dropped)


def _pin(x: float, row: int) -> Span:
    """A dropped mark's pin: on its line at the foot of the band, in the bottom row, with no line
    above it (its line would run through the tags over it)."""
    return x - PIN_HALF_PX, x + PIN_HALF_PX, x, row


def _free_spot(x: float, w: float, width: float, rows: int, taken: list[Span],
               next_line: float) -> tuple[int, float] | None:
    """Where a tag of width `w` goes: right of its line short of the next mark's line, else left
    of its line, in the first row with room; failing both, right of its line across the next line
    (so of two marks a day apart, the earlier is named on the left, the later on the right)."""
    right, left = x + 1, x - 1 - w
    tries = [(row, x0) for row in range(rows) for x0 in (right, left) if x0 == left or right + w < next_line]
    tries += [(row, right) for row in range(rows)]
    return next(((row, x0) for row, x0 in tries if _fits(x0, w, x, row, width, taken)), None)


def _fits(x0: float, w: float, x: float, row: int, width: float, taken: list[Span]) -> bool:
    """True when a tag [x0, x0 + w) in `row` on the line at x stays inside the band, clear of the
    tags and pins in its row, lies across no line running down from a tag above it, and its own
    line runs down past no tag or pin below it (a tag over a line reads as that line's name)."""
    x1 = x0 + w
    if x0 < 0 or x1 > width:
        return False
    for a, b, line, r in taken:
        if r == row and not _apart(x0, x1, x, (a, b, line)):
            return False
        if (r < row and x0 - 1 < line < x1 + 1) or (r > row and a - 1 < x < b + 1):
            return False
    return True


def _apart(x0: float, x1: float, x: float, span: tuple[float, float, float]) -> bool:
    """True when [x0, x1) (a tag on the line at x) keeps clear of a placed tag."""
    a, b, line = span
    if x1 <= a or x0 >= b:  # clear; how much air depends on whether the two meet back to back at lines
        air = a - x1 if x1 <= a else x0 - b
        facing = (x1 <= a and x1 <= x and a >= line) or (x0 >= b and x0 >= x and b <= line)
        return air >= (FACING_GAP_PX if facing else TAG_GAP_PX)
    return False


def layout_tags(specs: Sequence[TagSpec], width: float, rows: int, measure: Callable[[str], float]) -> TagLayout:
    """Tags for `specs` (any order) in a band `rows` high and `width` wide, none overlapping."""
    ordered = sorted(specs, key=lambda s: (PRIORITY.get(s.kind, 0), s.x))
    specs, extra = ordered[:MAX_TAGS], ordered[MAX_TAGS:]
    words = [_words_within(s, width, measure) for s in specs]
    for _ in range(MAX_CUTS):
        layout = _try_place(specs, words, width, rows, measure)
        longest = _longest_cuttable(specs, words, measure)
        if not layout.dropped or longest is None:
            break
        words[longest] -= 1
    else:
        layout = _try_place(specs, words, width, rows, measure)
    grown = _grow(layout, width, measure, rows)
    return TagLayout(grown.placed, grown.dropped + extra)


def _grow(layout: TagLayout, width: float, measure: Callable[[str], float], rows: int) -> TagLayout:
    """Give shortened tags back the words there is room for, in their row or another, on either
    side of their line (a cut made for a tag elsewhere should not stay where nothing needs it)."""
    placed = list(layout.placed)
    pins = [_pin(d.x, rows - 1) for d in layout.dropped]  # keep pins in sight
    for i, tag in enumerate(placed):
        spec = tag.spec
        for words in range(len(spec.text.split()), 0, -1):
            text = _words_to_show(spec, words)
            if text == tag.text:
                break
            w = measure(text) + 2 * TAG_PAD_PX
            others = [(o.x0, o.x1, o.spec.x, o.row) for j, o in enumerate(placed) if j != i] + pins
            spot = next(((row, x0) for row in [tag.row] + [r for r in range(rows) if r != tag.row]
                         for x0 in (spec.x + 1, spec.x - 1 - w) if _fits(x0, w, spec.x, row, width, others)),
                        None)
            if spot is not None:
                placed[i] = PlacedTag(spec, spot[1], spot[1] + w, spot[0], text)
                break
    return TagLayout(placed, layout.dropped)


def _words_within(spec: TagSpec, width: float, measure: Callable[[str], float]) -> int:
    """How many of the name's words a tag can show at most: no more than fit the whole band (a
    name of a thousand characters starts there, so the word-by-word cuts stay few)."""
    parts = spec.text.split()
    low, high = min(MIN_WORDS, len(parts)), len(parts)
    while low < high:  # the most words whose tag fits the band, by halving
        middle = (low + high + 1) // 2
        fits = measure(_words_to_show(spec, middle)) + 2 * TAG_PAD_PX <= width
        low, high = (middle, high) if fits else (low, middle - 1)
    return low


def _longest_cuttable(specs: Sequence[TagSpec], words: list[int], measure: Callable[[str], float]) -> int | None:
    """The tag whose shown name is longest among those that can still lose a word."""
    best, best_w = None, -1.0
    for i, (spec, count) in enumerate(zip(specs, words)):
        if count > MIN_WORDS:
            w = measure(_words_to_show(spec, count))
            if w > best_w:
                best, best_w = i, w
    return best


def rows_needed(specs: Sequence[TagSpec], width: float, measure: Callable[[str], float], most: int = 3) -> int:
    """The fewest rows (up to `most`) in which the tags show as much as they do in `most` rows:
    every whole name where that can be, and no empty row kept for a name too long for any."""
    if not specs:
        return 0
    best = _shown(layout_tags(specs, width, most, measure))
    for rows in range(1, most):
        if _shown(layout_tags(specs, width, rows, measure)) >= best:
            return rows
    return most


def _shown(layout: TagLayout) -> tuple[int, int]:
    """How much a layout names: tags placed, then names shown whole (a row more for a few more
    words of a name cut anyway is not worth the chart's height)."""
    return len(layout.placed), sum(not tag.shortened for tag in layout.placed)

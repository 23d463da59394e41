"""The colour of text drawn on a coloured fill: readable on any fill the chart paints.

A bar takes its owner's colour, and a planner may give an owner any colour at all, so no one
text colour reads on every bar: white on the no-owner grey is 2.9:1, the chart's dark grey on a
mid purple 3.8:1. Text on a fill is white where white reaches WCAG AA's 4.5:1 against it, else the
chart's dark text where that does, else black, which does on any fill white does not (the worst
fill for both, a mid grey of luminance 0.18, still gives black 4.58:1).
"""

from __future__ import annotations

MIN_CONTRAST = 4.5  # WCAG 2 AA for text of ordinary size
LIGHT_INK = "#ffffff"
DARK_INK = "#202124"  # the chart's label text (qt.gantt.style.LABEL_TEXT)
BLACK_INK = "#000000"


def relative_luminance(color: str) -> float:
    """WCAG 2's relative luminance of '#rrggbb' (0 black to 1 white)."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(color[place:place + 2], 16) for place in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2's contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(fill: str) -> str:
    """The text colour for `fill` ('#rrggbb', opaque): white, the chart's dark text, or black."""
    for ink in (LIGHT_INK, DARK_INK):
        if contrast_ratio(ink, fill) >= MIN_CONTRAST:
            return ink
    return BLACK_INK


def over_white(color: str, alpha: float) -> str:
    """`color` with white laid over it at `alpha` (0 to 1): what a bar washed paler shows."""
    channels = (int(color[place:place + 2], 16) for place in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * alpha):02x}" for c in channels)

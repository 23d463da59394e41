"""Owners' colours that stay apart when printed in grey.

Colour is what marks a bar's owner, and a greyscale printer (or a photocopy) keeps only each
colour's grey: the bundled sky blue, orange, pink and olive of IST, Roscosmos, SUPARCO and DSEL all
come out within 21 levels of one another, the same mid grey. When two owners' greys are closer than
GREY_STEP, every owner's colour is made lighter or darker, keeping its hue, so that their greys
spread evenly over GREY_RANGE in the order they already had: each bar reads as its legend swatch on
paper too, and on screen a colour stays the hue it was chosen for. Owners whose greys are already
apart keep their colours exactly.

The grey is the luma a greyscale conversion keeps (ITU-R BT.601, as printers' drivers and image
tools such as PIL's convert("L") compute it).
"""

from __future__ import annotations

from typing import TypeVar

GREY_STEP = 20.0  # levels of 255: greys closer than this read as one on paper
# From a dark that still shows a black name beside it and a critical ring round it to a light that
# still shows on white paper, its fade (a date known to the year) and all, and on the phases' tints.
GREY_RANGE = (60.0, 185.0)

Key = TypeVar("Key")


def grey_of(color: str) -> float:
    """The luma (0-255) of '#rrggbb'."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def with_grey(color: str, grey: float) -> str:
    """`color` made darker (towards black) or lighter (towards white) until its luma is `grey`; its hue kept."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    now = grey_of(color)
    if grey <= now:
        share = grey / now if now else 0.0
        mixed = [c * share for c in rgb]
    else:
        share = (grey - now) / (255.0 - now)
        mixed = [c + (255 - c) * share for c in rgb]
    return "#" + "".join(f"{min(max(round(c), 0), 255):02x}" for c in mixed)


def spread_greys(colors: dict[Key, str]) -> dict[Key, str]:
    """`colors` unchanged when every two distinct colours' greys are GREY_STEP apart, else each
    colour's grey moved to an even step over GREY_RANGE (wider when a colour lies outside it), in
    the order of their greys; the same colour given to two owners stays one colour."""
    distinct = sorted(set(colors.values()), key=grey_of)
    greys = [grey_of(c) for c in distinct]
    if len(distinct) < 2 or min(b - a for a, b in zip(greys, greys[1:])) >= GREY_STEP:
        return dict(colors)
    low, high = min(GREY_RANGE[0], greys[0]), max(GREY_RANGE[1], greys[-1])
    step = (high - low) / (len(distinct) - 1)
    moved = {color: with_grey(color, low + i * step) for i, color in enumerate(distinct)}
    return {key: moved[color] for key, color in colors.items()}

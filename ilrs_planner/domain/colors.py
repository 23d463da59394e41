"""A participant's own colour: '#rrggbb' (six hexadecimal digits) or empty, for one derived from its key.

Anything else is refused where a colour enters a plan (saving, opening, the bundled data, imports),
with `participant.bad_color`; drawing ignores one all the same (chart/palette), so a plan built
in memory by other means still draws."""

from __future__ import annotations

import re

from .errors import PlannerError

_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
COLOR_HINT = "a colour is # and six hexadecimal digits, such as #0072b2; empty gives one derived from the key"


def is_color(text: str) -> bool:
    """True for '#rrggbb' (either case)."""
    return _COLOR.fullmatch(text) is not None


def check_color(text: str, who: str, subject_id: str = "") -> None:
    """Refuse a colour that is neither empty nor '#rrggbb', naming `who` has it."""
    if text and not is_color(text):
        raise PlannerError("participant.bad_color", f"{who}: '{text[:40]}' is not a colour ({COLOR_HINT})",
                           [subject_id] if subject_id else [])

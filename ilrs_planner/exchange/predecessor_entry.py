"""One Predecessors entry read as ID, link type and lag (`3FS+2d`, `change-7 SS - 1 w`), in one pass.

The reading is the one of the pattern `^(.+?)\\s*(FS|SS|FF|SF)\\s*(?:([+-])\\s*(.+))?$` (any letter
case): the shortest ID after which the rest is a link type, spaces, and a signed lag to the end.
That pattern, run as it is written, tries every length of ID and scans the spaces after each
again: an entry of '1', 20,000 spaces and 'x' took a minute and a half, and a cell may hold a
million characters. Here each link type found in the entry is tried once, from the shortest ID
it can follow, so an entry is read in time proportional to its length.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_TYPE_AT = re.compile(r"(?=(FS|SS|FF|SF))", re.IGNORECASE)  # every place a link type begins, overlapping ones too
_SPACES = re.compile(r"\s*")


class TypedEntry(NamedTuple):
    """An entry's parts as written: `id` `type` and, when a lag is given, its `sign` and `lag`."""

    id: str
    type: str
    sign: str | None
    lag: str | None


def split_typed(entry: str) -> TypedEntry | None:
    """`entry` as ID, type and lag, or None when no link type follows an ID the way the module doc says."""
    reversed_entry = entry[::-1]
    id_ends_by = entry.find("\n") if "\n" in entry else len(entry)  # an ID is on one line
    for found in _TYPE_AT.finditer(entry):
        place = found.start()
        shortest = max(1, place - _spaces_before(reversed_entry, place))  # the ID ends where the spaces begin
        if shortest > id_ends_by:
            return None  # every later type follows a longer ID, which would span a line break
        if shortest <= place:
            rest = _after_type(entry, place + 2)
            if rest is not None:
                return TypedEntry(entry[:shortest], found[1], *rest)
    return None


def _spaces_before(reversed_entry: str, place: int) -> int:
    """How many spaces stand just before `place` in the entry `reversed_entry` is the reverse of."""
    start = len(reversed_entry) - place
    return _spaces_end(reversed_entry, start) - start


def _spaces_end(text: str, place: int) -> int:
    """Where the run of spaces from `place` in `text` ends (`place` when there is none)."""
    spaces = _SPACES.match(text, place)
    return spaces.end() if spaces else place


def _after_type(entry: str, place: int) -> tuple[str | None, str | None] | None:
    """The sign and lag after a link type ending at `place`; (None, None) when nothing follows it
    but spaces; None when what follows is not a lag."""
    after = _spaces_end(entry, place)
    if after == len(entry):
        return None, None
    if entry[after] not in "+-":
        return None
    # The lag runs to the end on one line (a final line break is not part of it), at least one
    # character, after the spaces following the sign, of which it takes the last if it must.
    end = len(entry) - 1 if entry.endswith("\n") else len(entry)
    first = entry.rfind("\n", 0, end) + 1  # the lag can not span a line break
    start = min(_spaces_end(entry, after + 1), end - 1)
    if start < max(after + 1, first):
        return None
    return entry[after], entry[start:end]

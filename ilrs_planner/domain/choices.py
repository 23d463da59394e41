"""The names to offer when one typed is none of them: all of a few, else the ones meant most likely.

The bundled roadmap has 32 baselines; a refusal that listed them all was a line of 2,000 characters
in which the planner had to find the name they meant."""

from __future__ import annotations

import difflib

SHOWN = 5  # names a refusal lists


def choices_text(names: list[str], typed: str, kind: str) -> str:
    """'baselines: A, B' for a few; else '32 baselines, from 'first' to 'last'; closest: …', the
    closest being those whose names hold what was typed, or failing that those spelled nearest it."""
    if len(names) <= SHOWN:
        return f"{kind}: {', '.join(names) or 'none'}"
    wanted = typed.strip().casefold()
    near = [name for name in names if wanted and wanted in name.casefold()] or \
        difflib.get_close_matches(typed, names, SHOWN, 0.4)
    closest = f"; closest: {', '.join(near[:SHOWN])}" if near else ""
    return f"{len(names)} {kind}, from '{names[0]}' to '{names[-1]}'{closest}"

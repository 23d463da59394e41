"""The slip report's counts in words, the same on the command line and in the window."""

from __future__ import annotations


def modelling_note(count: int, shown_as: str = "") -> str:
    """'1 variance is modelling, not a slip' / '4 variances are modelling (grey), not slips'.

    `shown_as` says how the window marks them ("grey"); the command line gives none."""
    how = f" ({shown_as})" if shown_as else ""
    if count == 1:
        return f"1 variance is modelling{how}, not a slip"
    return f"{'no' if count == 0 else f'{count:,}'} variances are modelling{how}, not slips"

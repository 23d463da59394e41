"""Alternative figures: a date someone else gave for a task, recorded beside the plan, never planned.

Two officials may give different dates for the same item (Wu Weiren: extended station by 2045; Wu
Yanhua, months later: about 2050). That is not a change of plan, so it is not a baseline (a
baseline of it would show a five-year "slip" nobody announced). It is kept as a marked line of the
task's notes, which any planner can also type in the task dialog:

    ALTERNATIVE: by 2050 - Wu Yanhua, 2024-09-05 (https://...)

The task tooltip, the slip report (text, CSV, JSON and its panel) list these lines as alternatives.
"""

from __future__ import annotations

ALTERNATIVE_MARK = "ALTERNATIVE:"


def alternative_figures(notes: str) -> tuple[str, ...]:
    """The alternatives recorded in a task's notes: each marked line's text after the mark."""
    return tuple(line.strip()[len(ALTERNATIVE_MARK):].strip() for line in notes.splitlines()
                 if line.strip().upper().startswith(ALTERNATIVE_MARK))


def alternative_line(text: str) -> str:
    """One notes line that records `text` as an alternative figure."""
    return f"{ALTERNATIVE_MARK} {' '.join(text.split())}"

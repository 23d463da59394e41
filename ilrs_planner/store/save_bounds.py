"""Before a save is renamed into place: the plan fits every bound opening a file applies (limits.py).

Opening refuses a file with more rows in a table than `limits.MAX_ROWS` allows, or more text than
`limits.MAX_TEXT_BYTES`. A save that wrote such a file replaced the user's plan with one no program
opens again: a partner's copy holding 10,000 calendars of their own (a file that opens) merged into
a plan with one calendar more of ours, and the merged plan's first save was the last. So a save is
refused first, naming the kind of row or the text, and the file keeps the last save.

The rows are counted on the plan before anything is written. The text is counted on the file just
written, as opening counts it, since the estimate of `text_check` leaves out the short texts of
calendars, closures, baseline names and the plan's own row (1,000-character closure names on a
million closures were not counted); only a file larger than the bound is counted at all.
"""

from __future__ import annotations

import sqlite3

from ..domain import PlannerError, Project
from . import limits
from .schema import CURRENT_VERSION
from .validate import text_bytes_over_bound

# What a row of each table is called in a refusal.
_NOUNS = {"calendars": "calendars", "calendar_exceptions": "calendar exceptions (closures and working days)",
          "participants": "participants", "tasks": "tasks", "links": "links", "baselines": "baselines",
          "baseline_entries": "baseline entries"}


def row_counts(project: Project) -> dict[str, int]:
    """The rows each table of the plan's file would hold."""
    calendars = project.calendars.values()
    return {"calendars": len(project.calendars),
            "calendar_exceptions": sum(len(calendar.exceptions) for calendar in calendars),
            "participants": len(project.participants), "tasks": len(project.tasks), "links": len(project.links),
            "baselines": len(project.baselines),
            "baseline_entries": sum(len(baseline.entries) for baseline in project.baselines)}


def check_row_bounds(project: Project) -> None:
    """Refuse with `store.too_large` a plan with more rows of a kind than a plan file holds."""
    for table, count in row_counts(project).items():
        bound = limits.MAX_ROWS[table]
        if count > bound:
            raise PlannerError("store.too_large", f"cannot save: the plan has {count:,} {_NOUNS[table]}; a plan "
                               f"file holds at most {bound:,} (opening refuses a file with more), so your last "
                               f"save is kept as it was", [table])


def check_written_text(conn: sqlite3.Connection) -> None:
    """Refuse with `store.too_large` the file just written when opening would refuse its text."""
    total = text_bytes_over_bound(conn, CURRENT_VERSION)
    if total is not None:
        raise PlannerError("store.too_large", f"cannot save: the plan holds {total:,} bytes of text (names, "
                           f"notes, calendars and their closures); a plan holds at most {limits.MAX_TEXT_BYTES:,}, "
                           "so that it can be opened within memory, so your last save is kept as it was", [])

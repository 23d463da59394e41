"""A partner copy's Must finish by: where withheld work ends the plan after every kept task.

The copy ends with its own last task, and without a date to count back from, every float that runs
to the plan's end would read less in the copy (its late dates counted back from its own last task).
So the copy must finish by the latest late finish any of its tasks has in the plan: each kept task's
late finish is then no earlier in the copy than in the plan, and a task the copy gives more float is
held back as any such task is (held_floats). That date is a kept task's finish plus its total float,
which the copy shows anyway: it tells the partner nothing the floats do not, and nothing of when the
withheld work itself ends (the plan's own finish, when no kept task's float runs to it).

Past the last year a plan file holds (a plan running into the 2300s), the copy has none, and the
floats that run to the plan's end read less, which the owner is told (held_floats.floats_notice).

A plan with a Must finish by of its own keeps it in the copy, as it keeps its name and start: it is
the owner's date for the whole plan, and the floats of the copy run to it as the plan's do.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from ..domain import Project
from ..domain.dates import MAX_YEAR, MIN_YEAR
from ..engine.schedule import TaskDates


def copy_must_finish_by(original: Project, redacted: Project, dates: Mapping[str, TaskDates]) -> date | None:
    """The copy's Must finish by (`dates`: the plan's schedule): the plan's own, else the last day of
    the latest late finish of a kept task where that lies after the copy's last early finish, else none."""
    if original.must_finish_by is not None:
        return original.must_finish_by
    summaries = redacted.summary_ids()
    kept = [dates[tid] for tid in redacted.tasks if tid not in summaries and tid in dates]
    if not kept:
        return None
    latest_late = max(d.late_finish for d in kept)  # exclusive: the moment the late work ends
    if latest_late <= max(d.early_finish for d in kept):
        return None  # a kept task ends the plan: its late dates count back from the copy's own finish
    day = latest_late - timedelta(days=1)  # the end of the day before that moment
    # Past what a plan file holds the copy could not be saved: without it those floats read less, and
    # floats_notice names them.
    return day if MIN_YEAR <= day.year <= MAX_YEAR else None


def finish_notice(original: Project, redacted: Project) -> str:
    """'' unless the copy was given a Must finish by the plan did not have, else a sentence for the owner."""
    if redacted.must_finish_by is None or original.must_finish_by is not None:
        return ""
    return (f"Withheld work ends this plan after the copy's last task, so the copy must finish by "
            f"{redacted.must_finish_by.isoformat()}, the latest late finish of its tasks in this plan: its "
            "floats run to that day as this plan's do")

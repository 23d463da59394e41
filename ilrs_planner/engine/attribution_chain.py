"""Why a milestone moved against a baseline, which holds only dates: the slip split over today's
driving chain (see engine/attribution.py).

Each task the baseline knew is credited with its own span's move and its start's move against the
next known task up the chain, each counted in working days of the milestone's calendar: the signed
count adds up (engine/working_variance.py), so the credits sum to the milestone's slip whatever
calendar each task keeps. What changed is said in the task's own terms: its Duration as the Duration
column reads it, never the calendar days its dates span.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain import Project, Task
from ..domain.durations import format_days
from ..domain.working_count import WorkedDays
from .driving_chain import ChainStep
from .plan_changes import named
from .shown_dates import duration_days, under_way
from .slippage import Version
from .working_variance import working_variance


@dataclass(frozen=True, slots=True)
class Contribution:
    """One change and the working days (of the milestone's calendar) it moved the milestone (later = positive)."""

    kind: str  # duration, actual_start, actual_finish, constraint, link_added, link_removed, lag, ...
    key: str
    description: str
    days: int
    joint: bool = False  # replayed together with its neighbours; `days` is their joint effect


Counter = Callable[[date, date], int]  # working days of the milestone's calendar from one date to another


def counter(worked: WorkedDays, milestone: Task) -> Counter:
    """Signed working days of the milestone's calendar: every credit is counted so, and they add up."""
    return lambda old, new: working_variance(worked, milestone, old, new)


@dataclass(frozen=True, slots=True)
class Counting:
    """Each task's own days of work (`worked`) and the milestone's working days (`moved`, the credits)."""

    worked: WorkedDays
    moved: Counter
    milestone: str  # the milestone's key, whose calendar the credits count

    def other_days(self, credit: int) -> str:
        """Why a move with no change of the task's own days still moves the milestone."""
        return f"across {'more' if credit > 0 else 'fewer'} working days on the calendar of '{self.milestone}'"

    def own(self, task: Task, old: date, new: date) -> int:
        """Signed working days of the task's own calendar from `old` to `new`."""
        return working_variance(self.worked, task, old, new)


def split_over_chain(project: Project, chain: list[ChainStep], before: Version, after: Version,
                      counting: Counting) -> list[Any]:
    """Each chain task the baseline knew: its own span's move, and its start's move against the next
    known task up the chain (tasks the baseline did not know are passed through and named). Each is
    credited with the working days it moves the milestone (its calendar's), so the credits add up."""
    ids = {project.tasks[tid].key: tid for tid in project.tasks}
    known = [k for k, step in enumerate(chain) if ids[step.key] in before.dates]
    summaries, moved = project.summary_ids(), counting.moved
    out = []
    for n, k in enumerate(known):
        step, tid = chain[k], ids[chain[k].key]
        old, new = before.dates[tid], after.dates[tid]
        span = moved(old[1], new[1]) - moved(old[0], new[0])
        if span:
            text = _span_text(project, counting, project.tasks[tid], tid in summaries, old, new, span)
            out.append(Contribution("duration", step.key, text, span))
        out.extend(_start_move(project, chain, ids, k, known[n + 1] if n + 1 < len(known) else None, before, after,
                               counting))
    return out


def _span_text(project: Project, counting: Counting, task: Task, summary: bool, old: tuple[date, date],
               new: tuple[date, date], credit: int) -> str:
    """What changed in the task's own span, in its own units: its Duration as the Duration column reads
    it (a baseline, dates only, lasted the days of work they span), else why its finish moved anyway."""
    worked = counting.worked
    was, now = worked.between(task, *old), duration_days(task, summary, new[0], new[1], worked)
    if now != was:
        return (f"{named(task)} lasts {format_days(now - was, task.elapsed, signed=True)} "
                f"({format_days(was, task.elapsed)} → {format_days(now, task.elapsed)})")
    later = "later" if new[1] > old[1] else "earlier"
    if under_way(task, summary) and worked.between(task, *new) != now:
        return (f"{named(task)} ends {later}, still {format_days(now, task.elapsed)}: its work left runs "
                f"from the status date {project.status_date}")
    return f"{named(task)} still lasts {format_days(now, task.elapsed)}, {counting.other_days(credit)}"


def _start_move(project: Project, chain: list[ChainStep], ids: dict[str, str], k: int, driver_k: int | None,
                before: Version, after: Version, counting: Counting) -> list[Contribution]:
    step, tid = chain[k], ids[chain[k].key]
    task, moved = project.tasks[tid], counting.moved
    (o_start, _), (n_start, _) = before.dates[tid], after.dates[tid]
    via = [chain[j].label for j in range(k + 1, driver_k if driver_k is not None else len(chain))]
    through = f", through {', '.join(via)} (not in '{before.label}')" if via else ""
    if driver_k is None:
        credit, own = moved(o_start, n_start), counting.own(task, o_start, n_start)
        how = format_days(own, task.elapsed, signed=True) if own else counting.other_days(credit)
        text = f"{named(task)} starts {how} ({step.driver}{through})"
    else:
        did = ids[chain[driver_k].key]
        was, now = before.dates[did][1], after.dates[did][1]
        credit = moved(o_start, n_start) - moved(was, now)
        own = counting.own(task, now, n_start) - counting.own(task, was, o_start)
        how = f"{format_days(own, task.elapsed, signed=True)} against" if own else "as before after"
        text = f"{named(task)} starts {how} {named(project.tasks[did])}{through}"
        if not own:
            text += f", {counting.other_days(credit)}"
    return [Contribution("start_moved", step.key, text, credit)] if credit else []

"""The confidence a task's scheduled dates are shown with: a task pushed past its announcement does
not read as announced.

A sourced or inferred task holds its announced date as a start-no-earlier-than constraint ("in 2029":
from 2029-01-01) or a deadline ("by 2035"). When a link from another task pushes it later than that
(its start in a later period than the constraint's, its last day after the deadline), its dates are
no longer the source's: they are worked out from the task that pushed it. So it is shown as `inferred`,
or as the pusher's confidence when that is weaker (pushed by the planner's date, an `assumption`,
it is an assumption too). A phase follows its latest sub-task when that one is pushed. The status
date moving unfinished work is not a push (late work forecast from the status date is a recorded
change), nor is a move within the announced period. Resolved lazily and remembered, as the shown
precision is (engine/shown_precision.py).
"""

from __future__ import annotations

from ..domain import Confidence, ConstraintType, PlannerError, Project, Task, format_fuzzy_date
from ..domain.provenance import shown_confidence
from .driving_chain import ChainIndex, ancestors
from .early_dates import EarlyDates
from .schedule import Schedule

_WEAKNESS = {Confidence.SOURCED.value: 0, Confidence.INFERRED.value: 1, Confidence.ASSUMPTION.value: 2}
_HELD_FROM = (ConstraintType.SNET, ConstraintType.MSO)


class ShownConfidence:
    """Task id -> the confidence its scheduled dates are shown with (see the module doc)."""

    def __init__(self, project: Project, schedule: Schedule | None):
        self.project, self.schedule = project, schedule
        self.index: ChainIndex | None = None
        self.known: dict[str, str] = {}
        self.phases: set[str] | None = None  # made for the first task asked about
        self.dates = EarlyDates(schedule) if schedule is not None else {}

    def of(self, task_id: str) -> str:
        """The shown confidence of one task: the weakest of its own and its pushers' (each pusher's found
        first, and its pushers' before it; a pusher met again on the way, a loop of pushes, counts as it
        states). A loop, not recursion: a chain of thousands of pushed tasks is an ordinary plan."""
        stack, on_way, pushers = [(task_id, False)], set(), {}
        while stack:
            current, expanded = stack.pop()
            if current in self.known:
                continue
            if not expanded:
                on_way.add(current)
                pushers[current] = self._pushers(current) if self._own(current) in _WEAKNESS else []
                stack.append((current, True))
                stack.extend((p, False) for p in pushers[current] if p not in self.known and p not in on_way)
                continue
            on_way.discard(current)
            found = self._own(current)
            for pusher in pushers[current]:
                theirs = self.known.get(pusher) or self._own(pusher)
                found = max(Confidence.INFERRED.value, found, theirs, key=lambda label: _WEAKNESS.get(label, 1))
            self.known[current] = found
        return self.known[task_id]

    def changed(self) -> dict[str, str]:
        """Every task shown weaker than it states: task id -> the confidence shown. Only a task holding an
        announcement (a dated constraint or a deadline) can be pushed past it, and a phase above one."""
        held = [t for t in self.project.tasks.values() if t.deadline is not None
                or (t.constraint in _HELD_FROM and t.constraint_date is not None)]
        found = {t.id: self.of(t.id) for t in held if self.pushed(t.id)}
        phases = {up for tid in found for up in ancestors(self.project, tid)}
        found.update((tid, self.of(tid)) for tid in phases if self.pushed(tid))
        return found

    def pushed(self, task_id: str) -> bool:
        """True when the task is shown weaker than it states, pushed past its announcement."""
        return self.of(task_id) != self._own(task_id)

    def _own(self, task_id: str) -> str:
        return shown_confidence(self.project.tasks[task_id])

    def _pusher(self, task_id: str) -> str | None:
        """The task that pushed this one past its announcement, the weakest of equally late ones, or None."""
        found = self._pushers(task_id)
        return max(found, key=lambda tid: _WEAKNESS.get(self.of(tid), 1), default=None)

    def _pushers(self, task_id: str) -> list[str]:
        """The tasks that pushed this one past its announcement: every equally late driver, as the shown
        precision counts them (which link was made first must not decide how a task reads)."""
        task = self.project.tasks[task_id]
        if self.schedule is None or task_id not in self.dates or task.actual_start or task.actual_finish:
            return []
        if self.phases is None:
            self.phases = self.project.summary_ids()
        is_phase = task_id in self.phases
        if not is_phase and not self._past_announcement(task_id):
            return []  # the usual answer, found without the plan's link index
        if self.index is None:
            self.index = ChainIndex(self.project)
        if is_phase:  # pushed when its latest sub-task is
            leaf = self.index.latest_leaf(self.dates, task_id)
            return [leaf] if leaf is not None and leaf in self.dates and self._pushers(leaf) else []
        return self.index.tied(self.dates, task_id)

    def _past_announcement(self, task_id: str) -> bool:
        task, dates = self.project.tasks[task_id], self.schedule.tasks[task_id]  # type: ignore[union-attr]
        if task.deadline is not None and dates.shown_finish > task.deadline:
            return True
        if task.constraint in _HELD_FROM and task.constraint_date is not None:
            announced = format_fuzzy_date(task.constraint_date, task.precision)
            return dates.early_start > task.constraint_date and \
                format_fuzzy_date(dates.early_start, task.precision) != announced
        return False



def refused_confidence(shown: ShownConfidence, task_id: str, stated: Confidence | None) -> PlannerError | None:
    """Why stating `stated` on a task would leave it reading otherwise, or None. `sourced` needs a
    source cited; and a task pushed past its announcement reads as its pusher allows whatever it
    states, so stating a stronger word would be stored and never seen."""
    task = shown.project.tasks[task_id]
    if stated is Confidence.SOURCED and not task.source_url:
        return sourced_without_source(task, "give its source in the task dialog (Ctrl+I), or type inferred or "
                                            "assumption")
    now = shown.of(task_id)
    if stated is None or not shown.pushed(task_id) or _WEAKNESS[stated.value] >= _WEAKNESS.get(now, 1):
        return None
    pusher = shown._pusher(task_id)
    by = f"'{shown.project.tasks[pusher].name}' pushes it" if pusher is not None else "a link pushes it"
    return PlannerError("task.bad_confidence", f"'{task.name}' reads {now} because {by} past its {_held(task)}; "
                        f"stated {stated.value}, it would still read {now}: type {now}, or move what pushes it",
                        [task_id])


def sourced_without_source(task: Task, remedy: str) -> PlannerError:
    """`sourced` stated on a task citing no source: it would read unsourced. `remedy` says what to do
    where it was stated (the table's cell, the task dialog)."""
    return PlannerError("task.bad_confidence", f"'{task.name}' cites no source, and sourced needs one: {remedy}",
                        [task.id])


def _held(task: Task) -> str:
    """The announcement a task is held to, as it reads: "announced 2028", "deadline 2035"."""
    if task.constraint in _HELD_FROM and task.constraint_date is not None:
        return f"announced {format_fuzzy_date(task.constraint_date, task.precision)}"
    return f"deadline {task.deadline.isoformat()}" if task.deadline is not None else "announcement"

"""The confidence a task's scheduled dates are shown with: a task pushed past its announcement does
not read as announced.

A sourced or inferred task holds its announced date as a start-no-earlier-than constraint ("in 2029":
from 2029-01-01) or a deadline ("by 2035"). When a link from another task pushes it later than that
(its start in a later period than the constraint's, its last day after the deadline), its dates are
no longer the source's: they are worked out from the task that pushed it. So it is shown as `inferred`,
or as the pusher's confidence when that is weaker (pushed by the planner's date, an `assumption`,
it is an assumption too). A phase follows its sub-tasks finishing when it does that are pushed (the
weakest of them, whichever comes first in the outline). The status
date moving unfinished work is not a push (late work forecast from the status date is a recorded
change), nor is a move within the announced period. Resolved lazily and remembered, as the shown
precision is (engine/shown_precision.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..domain import Confidence, ConstraintType, PlannerError, Project, Task, format_fuzzy_date
from ..domain.provenance import shown_confidence
from .driver_walk import Node, SummaryEnd, walk_back
from .driving_chain import ChainIndex, ancestors
from .early_dates import EarlyDates
from .schedule import Schedule

_WEAKNESS = {Confidence.SOURCED.value: 0, Confidence.INFERRED.value: 1, Confidence.ASSUMPTION.value: 2}
_HELD_FROM = (ConstraintType.SNET, ConstraintType.MSO)


def _weakness(label: str | None) -> int:
    return _WEAKNESS.get(label, 1) if label is not None else -1


class ShownConfidence:
    """Task id -> the confidence its scheduled dates are shown with (see the module doc)."""

    def __init__(self, project: Project, schedule: Schedule | None):
        self.project, self.schedule = project, schedule
        self.index: ChainIndex | None = None
        self.known: dict[Node, str | None] = {}  # a task's, or an end's (None: no sub-task pushed)
        self.phases: set[str] | None = None  # made for the first task asked about
        self.dates = EarlyDates(schedule) if schedule is not None else {}

    def of(self, task_id: str) -> str:
        """The shown confidence of one task: the weakest of its own and its pushers' (each pusher's found
        first, and its pushers' before it; a pusher met again on the way, a loop of pushes, counts as it
        states), walked as the shown precision is (engine/driver_walk.py)."""
        found = walk_back(task_id, self._steps, self._merged, self.known)
        assert found is not None  # a task's is at least its own
        return found

    def _steps(self, node: Node) -> list[Node]:
        """A task's pushers; a phase's end: its sub-tasks finishing with it that are pushed (a sub-phase:
        its end); a summary predecessor's end: every sub-task finishing with it."""
        if isinstance(node, SummaryEnd):
            assert self.index is not None
            kids = self.index.finishing_with(self.dates, node.summary)
            return [SummaryEnd(k, node.pushed) if k in self.index.children else k for k in kids
                    if not node.pushed or k in self.index.children or self._pushers(k)]
        return self._pushers(node) if self._own(node) in _WEAKNESS else []

    def _merged(self, node: Node, pushers: Sequence[Node], found: Sequence[str | None]) -> str | None:
        """A task's: the weakest of its own and its pushers' (inferred at the least: pushed, it is no
        longer the source's); an end's: the weakest of its sub-tasks' (None: none pushed)."""
        theirs = [label if label is not None else self._own(pusher) if isinstance(pusher, str) else None
                  for pusher, label in zip(pushers, found)]
        labels = [label for label in theirs if label is not None]
        if isinstance(node, SummaryEnd):
            return max(labels, key=_weakness, default=None)
        own = self._own(node)
        return max([own, Confidence.INFERRED.value, *labels], key=_weakness) if labels else own

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
        """The task that pushed this one past its announcement, the weakest of equally late ones (a
        summary's: its weakest sub-task finishing with it), or None."""
        found: Node | None = task_id
        while found is not None and (found == task_id or not isinstance(found, str)):
            steps = self._steps(found)
            found = max(steps, key=lambda n: _weakness(self.known.get(n) or self._label(n)), default=None)
        return found

    def _label(self, node: Node) -> str | None:
        return self._own(node) if isinstance(node, str) else self.of_node(node)

    def of_node(self, node: Node) -> str | None:
        return walk_back(node, self._steps, self._merged, self.known)

    def _pushers(self, task_id: str) -> list[Node]:
        """The tasks that pushed this one past its announcement: every equally late driver, as the shown
        precision counts them (which link was made first must not decide how a task reads; a summary
        predecessor: every sub-task finishing with it); a phase's: its end, when a sub-task finishing
        with it is pushed (whichever comes first in the outline)."""
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
        if is_phase:
            return [SummaryEnd(task_id, pushed=True)]
        return [SummaryEnd(p) if p in self.index.children else p for p in self.index.tied_preds(self.dates, task_id)]

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

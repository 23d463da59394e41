"""What a task-tree cell reads besides its task: the plan, its schedule and baseline, and the IDs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import InitVar, dataclass, field
from datetime import date

from ...domain import Link, Precision, Project, Task
from ...domain.working_count import WorkedDays
from ...engine.schedule import Schedule, TaskDates
from ...engine.shown_confidence import ShownConfidence
from ...engine.shown_dates import baseline_precision, plan_is_fuzzy
from ...engine.shown_precision import ShownPrecision
from ...engine.summary_progress import summary_percents
from .predecessor_column import links_into, spelled_keys
from .schedule_rows import ScheduleRows


class RowNumbers:
    """Each task's ID: its number in outline order counted from 1, as the Predecessors column reads
    it (see predecessor_column). Worked out at the first ID cell shown, and kept by the table until
    the outline changes: a walk of 100,000 tasks per edit of a name or a date would be waste."""

    def __init__(self, project: Project):
        self.project = project
        self._numbers: dict[str, int] | None = None

    def of(self, task_id: str) -> int:
        """The ID of `task_id` (0 for a task not in the plan)."""
        if self._numbers is None:
            self._numbers = {task.id: row for row, (task, _depth) in enumerate(self.project.walk(), start=1)}
        return self._numbers.get(task_id, 0)


@dataclass(frozen=True)
class RowContext:
    """Everything a cell needs besides its task."""

    project: Project
    schedule: Schedule | None
    baseline: dict[str, tuple[date, date]] | None
    summary_ids: set[str]
    kept: InitVar[ShownPrecision | None] = None  # the shown precisions, when they still hold
    numbers: RowNumbers | None = None  # the IDs, kept while the outline holds; made when missing
    rows: ScheduleRows = field(default_factory=ScheduleRows)  # the schedule's rows, kept from change to change
    shown: ShownPrecision = field(init=False)  # the precision each task's computed dates are shown at
    fuzzy: bool = field(init=False)  # some task is dated coarser than the day (baselines may be too)
    _incoming: dict[str, list[Link]] | None = field(init=False, default=None)  # made for the first cell
    _confidence: ShownConfidence | None = field(init=False, default=None)  # made for the first cell or tooltip
    _worked: WorkedDays | None = field(init=False, default=None)  # made for the first variance shown
    _percents: dict[str, int] | None = field(init=False, default=None)  # made for the first summary's % shown
    _spelled: Callable[[str], bool] | None = field(init=False, default=None)  # made for the first Predecessors cell

    def __post_init__(self, kept: ShownPrecision | None) -> None:
        object.__setattr__(self, "shown", kept if kept is not None else ShownPrecision(self.project, self.schedule))
        object.__setattr__(self, "fuzzy", self.baseline is not None and plan_is_fuzzy(self.project))
        if self.numbers is None or self.numbers.project is not self.project:
            object.__setattr__(self, "numbers", RowNumbers(self.project))

    def precision(self, task: Task) -> Precision:
        return self.shown.of(task.id)

    def start_precision(self, task: Task) -> Precision:
        """A summary's start at the precision of the sub-task starting it; a task's as its dates'."""
        return self.shown.start_of(task.id)

    def confidence(self, task: Task) -> str:
        """The confidence the task's dates are shown with: 'inferred' when a link pushed it past its
        source's date (engine/shown_confidence.py), as the tooltip, schedule --json and XLSX say."""
        return self.confidences().of(task.id)

    def spelled_keys(self) -> Callable[[str], bool]:
        """Whether some task's key is this text, asked by every Predecessors cell: a plan another
        window shows has no index of its keys, and its keys read for each cell made a copy of
        10,000 rows from it take most of a minute."""
        if self._spelled is None:
            object.__setattr__(self, "_spelled", spelled_keys(self.project))
        assert self._spelled is not None
        return self._spelled

    def confidences(self) -> ShownConfidence:
        """Every task's shown confidence, made for the first cell, tooltip or typed word that asks."""
        if self._confidence is None:
            object.__setattr__(self, "_confidence", ShownConfidence(self.project, self.schedule))
        assert self._confidence is not None
        return self._confidence

    def worked(self) -> WorkedDays:
        """The days of work each calendar counts, made once for this state of the plan."""
        if self._worked is None:
            object.__setattr__(self, "_worked", WorkedDays(self.project))
        assert self._worked is not None
        return self._worked

    def percent(self, task: Task) -> int:
        """The task's % complete: a summary's rolled up from its sub-tasks (engine/summary_progress)."""
        if task.id not in self.summary_ids:
            return task.percent_complete
        if self._percents is None:
            object.__setattr__(self, "_percents", summary_percents(self.project, self.schedule))
        return self._percents.get(task.id, 0) if self._percents is not None else 0

    def dates(self, task: Task) -> TaskDates | None:
        """The task's scheduled dates (None while the plan cannot be scheduled)."""
        return self.rows.dates(self.schedule, task.id)

    def incoming(self, task: Task) -> list[Link]:
        """The links into `task`, in the order they were made."""
        if self._incoming is None:
            object.__setattr__(self, "_incoming", links_into(self.project))
        return self._incoming.get(task.id, []) if self._incoming is not None else []

    def row_number(self, task: Task) -> int:
        """The task's ID (see RowNumbers)."""
        return self.numbers_of(task.id)

    def numbers_of(self, task_id: str) -> int:
        """The ID of the task `task_id` (see RowNumbers)."""
        return self.numbers.of(task_id) if self.numbers is not None else 0

    def baseline_precision(self, task: Task, entry: tuple[date, date]) -> Precision:
        """How precisely the compared baseline knew the task's dates ('2021' for Luna-25 in 2019)."""
        return baseline_precision(task, entry, self.fuzzy)


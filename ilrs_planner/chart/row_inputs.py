"""What a chart's rows are read from: the plan-wide look-ups made once (RowInputs), and what the
arrays were read from, kept so an edit can redo only the rows it moved (RowSource)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ..domain import Precision, Project, Task
from ..engine.schedule import Schedule, TaskTable
from ..engine.shown_precision import ShownPrecision
from .palette import owner_colors
from .tally import Tally


@dataclass
class RowInputs:
    """What every row's arrays are read from besides its task: the plan-wide look-ups, made once."""

    project: Project
    schedule: Schedule | None
    summaries: set[str]
    owner_color: dict[str | None, str]
    colors: list[str]
    color_index: dict[str, int]
    shown: ShownPrecision | None  # None: every task is shown at its own precision (nothing coarse drives it)
    baseline: Mapping | None = None  # the compared baseline's entries
    whiskers: Mapping | None = None
    highlight: Mapping[str, str] = field(default_factory=dict)
    pushed_before: bool = False  # some row was drawn pushed past its announcement (chart/confidence.py)

    def shown_other(self) -> Mapping[str, Precision]:
        """The tasks shown at a precision other than their own, and that precision (RowSource.shown_other)."""
        return self.shown.every() if self.shown is not None else {}

    @classmethod
    def of(cls, project: Project, schedule: Schedule | None, *, baseline: str | None = None,
           whiskers: dict | None = None, highlight: dict[str, str] | None = None,
           summaries: set[str] | None = None, shown: ShownPrecision | None | bool = True,
           owner_color: dict[str | None, str] | None = None) -> RowInputs:
        """The inputs for a plan; `summaries`, `shown` (False: none) and `owner_color` when the caller
        knows them already."""
        owner_color, highlight = owner_color or owner_colors(project), highlight or {}
        colors = list(dict.fromkeys(list(owner_color.values()) + list(highlight.values())))
        if shown is True:
            shown = ShownPrecision(project, schedule)
        return cls(project, schedule, project.summary_ids() if summaries is None else summaries, owner_color,
                   colors, {c: i for i, c in enumerate(colors)}, shown if shown and shown.coarse else None,
                   project.baseline(baseline).entries if baseline else None, whiskers or None, highlight)


@dataclass
class RowSource:
    """What a ChartData was read from, kept so an edit can redo only the rows it moved (chart/refresh.py)."""

    tasks: list[Task]  # the rows' tasks
    places: np.ndarray | None  # each row's place in the schedule's columns (None: read task by task)
    schedule_ids: list[str]  # the schedule's tasks in the order of those columns
    summaries: set[str]
    coarse: bool  # some task is dated coarser than the day: precisions follow drivers (engine/shown_precision.py)
    phase_tasks: list[Task]  # phase tasks in WBS order, the candidates for background bands
    phase_chains: set[str]  # they and their summaries: an outline edit elsewhere leaves their order
    parents: Tally  # the plan's tasks' parents (the summaries are the parents named)
    owners: Tally  # the owners the plan's tasks name (their colours follow from these alone)
    owner_color: dict[str | None, str]
    phase_places: np.ndarray | None = None  # the phase tasks' places in the schedule's columns
    table: TaskTable | None = None  # the schedule's columns the places are in
    # How many links the plan had when the link arrays were found from the schedule's, which then
    # listed the plan's links in its order (None: found otherwise): links change only by an edit that says so.
    link_count: int | None = None
    # The tasks shown at a precision other than their own (a coarse date drives them), and that precision:
    # a row whose task the edit did not touch, whose dates did not move and whose shown precision is
    # the one it was shown at before is drawn as it was.
    shown_other: Mapping[str, Precision] = field(default_factory=dict)

"""Filters of the task table and chart, as MS Project's: which tasks match, in plain Python.

A filter keeps the tasks that match and the summaries above them, so the outline stays readable
(MS Project's "Show related summary rows"). The table then walks its outline through the kept
tasks only (task_outline.visible_rows), the way a closed summary hides its branch: no proxy model
over 100,000 rows, and the chart shows the rows the table shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ...domain import PlannerError, Project, Task
from ...engine.schedule import Schedule
from ...engine.slippage import slip_report
from .cell_text import owner_label

ALL, CRITICAL, MILESTONES, INCOMPLETE, SLIPPED = "all", "critical", "milestones", "incomplete", "slipped"
OWNER = "owner"  # with a participant id
LABELS = {ALL: "All tasks", CRITICAL: "Critical", MILESTONES: "Milestones", INCOMPLETE: "Incomplete tasks",
          SLIPPED: "Slipped tasks"}


@dataclass(frozen=True)
class TaskFilter:
    """What to show: a kind of filter (`owner` names a participant id) and text the name or key holds."""

    kind: str = ALL
    owner: str | None = None
    text: str = ""

    @property
    def active(self) -> bool:
        """False for All tasks with no text: every task shown."""
        return self.kind != ALL or bool(self.text.strip())

    def label(self, project: Project) -> str:
        """'Critical', 'Owner: CNSA', 'Milestones, name holds “lander”' for the status bar."""
        if self.kind == OWNER:
            part = project.participants.get(self.owner or "")
            parts = [f"Owner: {owner_label(part.name, part.key) if part else '?'}"]  # as the Owner column
        else:
            parts = [LABELS[self.kind]] if self.kind != ALL or not self.text.strip() else []
        if self.text.strip():
            parts.append(f"name holds “{self.text.strip()}”")
        return ", ".join(parts)


def matching(project: Project, schedule: Schedule | None, chosen: TaskFilter,
             baseline: str | None = None) -> set[str]:
    """The tasks (not summaries) that match `chosen`; PlannerError when it cannot be applied
    (Slipped tasks with no baseline compared, Critical with no schedule)."""
    summaries = project.summary_ids()
    ids = _kind_matches(project, schedule, chosen, baseline, summaries)
    needle = chosen.text.strip().casefold()
    if needle:
        tasks = project.tasks
        ids = {tid for tid in ids if needle in tasks[tid].name.casefold() or needle in tasks[tid].key.casefold()}
    return ids


def _kind_matches(project: Project, schedule: Schedule | None, chosen: TaskFilter, baseline: str | None,
                  summaries: set[str]) -> set[str]:
    """The tasks the kind of filter keeps; a summary only with All tasks (a name search finds phases too)."""
    tasks = project.tasks
    if chosen.kind == ALL:
        return set(tasks)
    if chosen.kind == CRITICAL:
        if schedule is None:
            raise PlannerError("filter.unscheduled", "the plan has no schedule, so no task is known to be critical")
        return schedule.critical_ids() - summaries
    if chosen.kind == SLIPPED:
        if baseline is None:
            raise PlannerError("filter.no_baseline", "Slipped tasks compares with a baseline: choose one in "
                               "View → Compare with baseline first")
        return {row.task_id for row in slip_report(project, schedule, baseline).rows
                if row.slipped and row.task_id in tasks} - summaries
    if chosen.kind == OWNER:
        return {tid for tid, task in tasks.items() if task.owner_id == chosen.owner and tid not in summaries}
    if chosen.kind == MILESTONES:
        return {tid for tid, task in tasks.items() if task.duration == 0 and tid not in summaries}
    if chosen.kind == INCOMPLETE:
        return {tid for tid, task in tasks.items() if task.percent_complete < 100 and tid not in summaries}
    raise PlannerError("filter.unknown", f"'{chosen.kind}' is not a filter of the task table")


def with_summaries(tasks: Mapping[str, Task], ids: Iterable[str], kept: set[str] | None = None) -> set[str]:
    """`ids` and every summary above them, added to `kept` (a new set when None)."""
    kept = set() if kept is None else kept
    for tid in ids:
        while tid is not None and tid not in kept and tid in tasks:
            kept.add(tid)
            tid = tasks[tid].parent_id
    return kept


@dataclass(frozen=True)
class FilteredRows:
    """The tasks a filter shows, in outline order, to draw in an export or a print as the table shows them."""

    label: str  # 'Critical', 'Owner: CNSA'
    rows: list[str]
    total: int  # the plan's tasks

    def summary(self) -> str:
        """'Critical (10 of 65 tasks)', counting the summaries shown as the status bar does."""
        return f"{self.label} ({len(self.rows):,} of {self.total:,} tasks)"

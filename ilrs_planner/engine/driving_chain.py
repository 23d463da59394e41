"""A task's driving chain: from the task back to what fixes its date, one binding link at a time.

Works on any dates (a schedule's early dates or a baseline's entries), so the chain can be read
for the current plan and for each version of its history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..domain import Link, LinkType, Precision, Project, Task
from .shown_dates import last_day_text, start_text

Dates = Mapping[str, tuple[date, date]]  # task id -> (start, exclusive finish)


@dataclass(frozen=True, slots=True)
class ChainStep:
    """One task of a driving chain and what drives its start."""

    key: str
    name: str
    start: date
    finish: date
    driver: str
    precision: Precision = Precision.DAY  # how precisely the version the chain comes from knows the dates
    at_day_end: bool = False  # a milestone whose point is the end of the day before it (see TaskDates)
    summary_moments: int = 0  # a summary's start and finish moments (TaskDates.summary_moments)

    @property
    def span_text(self) -> str:
        """Start to last day of work, as precisely as they are known: '2029' for a task within a year
        known to the year, '2024-06-02 → 2024-06-25' for one known to the day."""
        first = start_text(self.start, self.precision, self.finish, self.at_day_end, self.summary_moments)
        last = last_day_text(self.start, self.finish, self.precision, self.at_day_end, self.summary_moments)
        return first if first == last else f"{first} → {last}"


def _ancestors(project: Project, task_id: str) -> list[str]:
    out, up = [], project.tasks[task_id].parent_id
    while up is not None:
        out.append(up)
        up = project.tasks[up].parent_id
    return out


def _leaves_under(project: Project, task_id: str, children: dict[Any, Any]) -> list[str]:
    """The tasks without sub-tasks under `task_id` (itself when it has none), in outline order.

    A loop, not recursion: a partner's outline thousands of levels deep would pass Python's
    recursion limit, and every table, image and workbook showing the plan failed with it.
    """
    leaves, stack = [], [task_id]
    while stack:
        current = stack.pop()
        kids = children.get(current)
        if kids:
            stack.extend(reversed(kids))
        else:
            leaves.append(current)
    return leaves


def _link_bound(project: Project, dates: Dates, link: Link, succ_duration: int,
                children: dict[str, list[str]]) -> int | None:
    """The start day (ordinal) the link asks of its successor (a summary predecessor: latest descendant)."""
    leaves = _leaves_under(project, link.pred_id, children)
    from_finish = link.type in (LinkType.FS, LinkType.FF)
    value = max(((dates[x][1] if from_finish else dates[x][0]).toordinal() for x in leaves if x in dates),
                default=None)
    if value is None:
        return None
    value = int(value) + link.lag
    if link.type in (LinkType.FF, LinkType.SF):
        value -= succ_duration
    return value


class ChainIndex:
    """The links into each task and each summary's children, built once for many chain steps."""

    def __init__(self, project: Project):
        self.project = project
        self.children = {p: kids for p, kids in project.children_map().items() if p is not None}
        self.into: dict[str, list[Link]] = {}
        for link in project.links.values():
            self.into.setdefault(link.succ_id, []).append(link)
        self._leaf_dates: Dates | None = None
        self._latest: dict[str, str | None] = {}  # summary id -> its latest leaf, for _leaf_dates

    def step(self, dates: Dates, task_id: str) -> tuple[str, str | None]:
        """What drives the task's start, and the task that does (None: nothing further back)."""
        project, task = self.project, self.project.tasks[task_id]
        start, finish = dates[task_id]
        links = [ln for tid in [task_id, *_ancestors(project, task_id)] for ln in self.into.get(tid, [])]
        return _driver_of(project, dates, task, start, finish, links, self.children)

    def latest_leaf(self, dates: Dates, summary_id: str) -> str | None:
        """The sub-task (at any depth) whose finish is the summary's finish: the first in outline order.

        Each summary's answer is kept for the same `dates` and built from its sub-summaries' answers,
        so asking every summary of an outline costs one pass over it: walking each one's leaves
        afresh took a minute at 20,000 levels and hours at 300,000.
        """
        if self._leaf_dates is not dates:
            self._leaf_dates, self._latest = dates, {}
        latest, stack = self._latest, [summary_id]
        while stack:
            current = stack[-1]
            waiting = [k for k in self.children[current] if k in self.children and k not in latest]
            if waiting:  # sub-summaries first, so each is answered once
                stack.extend(waiting)
                continue
            stack.pop()
            best = None
            for kid in self.children[current]:
                leaf = latest[kid] if kid in self.children else (kid if kid in dates else None)
                if leaf is not None and (best is None or dates[leaf][1] > dates[best][1]):
                    best = leaf
            latest[current] = best
        return latest[summary_id]


def driving_chain(project: Project, dates: Dates, task_id: str, limit: int = 200) -> list[ChainStep]:
    """From the task back to what ultimately fixes it, following the binding link at each step.

    `dates` maps task id -> (start, finish): a schedule's early dates or a baseline's entries.
    """
    index = ChainIndex(project)
    steps: list[ChainStep] = []
    current: str | None = task_id
    seen: set[str] = set()
    while current is not None and current not in seen and len(steps) < limit and current in dates:
        seen.add(current)
        task = project.tasks[current]
        start, finish = dates[current]
        driver, nxt = index.step(dates, current)
        steps.append(ChainStep(task.key, task.name, start, finish, driver))
        current = nxt
    return steps


def _driver_of(project: Project, dates: Dates, task: Task, start: date, finish: date, links: list[Link],
               children: dict[str, list[str]]) -> tuple[str, str | None]:
    if task.actual_start or task.actual_finish:
        return "actual dates (history)", None
    duration = (finish - start).days
    binding = [ln for ln in links if ln.pred_id in dates and _link_bound(project, dates, ln, duration, children)
               == start.toordinal()]
    if binding:
        link = max(binding, key=lambda ln: dates[ln.pred_id][1])
        pred = project.tasks[link.pred_id]
        lag = f" {link.lag:+d}d" if link.lag else ""
        nxt = link.pred_id
        if nxt in children:  # a summary drives through its latest-finishing sub-task
            nxt = max(_leaves_under(project, nxt, children), key=lambda x: dates.get(x, (start, start))[1])
        return f"{link.type} from {pred.key}{lag}", nxt
    if task.constraint_date and task.constraint_date in (start, finish):  # the constraint holds it there
        return f"constraint {task.constraint} {task.constraint_date}", None
    if project.status_date and start >= project.status_date > project.start and \
            (start - project.status_date).days < 7:  # on it, or its first working day past a weekend
        return f"status date {project.status_date} (remaining work starts no earlier)", None
    if start == project.start:
        return "plan start", None
    return "not driven by a link (date as planned)", None

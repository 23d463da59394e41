"""A task's driving chain: from the task back to what fixes its date, one binding link at a time.

Works on any dates (a schedule's early dates or a baseline's entries), so the chain can be read
for the current plan and for each version of its history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from ..domain import ConstraintType, Link, LinkType, Precision, Project, Task
from ..domain.durations import format_days
from ..domain.working_count import WorkedDays
from .driving_chain_lags import LinkDays
from .plan_changes import named, named_as
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
    def label(self) -> str:
        """The task by name and key, as the rest of `why` names tasks."""
        return named_as(self.name, self.key)

    @property
    def span_text(self) -> str:
        """Start to last day of work, as precisely as they are known: '2029' for a task within a year
        known to the year, '2024-06-02 → 2024-06-25' for one known to the day."""
        first = start_text(self.start, self.precision, self.finish, self.at_day_end, self.summary_moments)
        last = last_day_text(self.start, self.finish, self.precision, self.at_day_end, self.summary_moments)
        return first if first == last else f"{first} → {last}"


def ancestors(project: Project, task_id: str) -> list[str]:
    """The task's summary, its summary's summary, ... up to the top of the outline."""
    out, up = [], project.tasks[task_id].parent_id
    while up is not None:
        out.append(up)
        up = project.tasks[up].parent_id
    return out


def _link_bound(index: ChainIndex, dates: Dates, link: Link, succ_duration: int) -> int | None:
    """The start day (ordinal) the link asks of its successor (a summary predecessor: latest descendant)."""
    value = index.latest_end(dates, link.pred_id, from_finish=link.type in (LinkType.FS, LinkType.FF))
    if value is None:
        return None
    value += link.lag
    if link.type in (LinkType.FF, LinkType.SF):
        value -= succ_duration
    return value


def _bound_past_days_off(index: ChainIndex, dates: Dates, link: Link, task: Task, start: date) -> bool:
    """A start link (FS, SS) whose end plus its lag, counted in the successor's working days, falls on
    days off, so the successor starts on its next working day: Monday after a Thursday's finish on a
    Monday-to-Thursday week. The scheduler counts so; calendar days would call the link not binding."""
    if link.type not in (LinkType.FS, LinkType.SS) or link.elapsed or link.lag < 0:
        return False
    end = index.latest_end(dates, link.pred_id, from_finish=link.type is LinkType.FS)
    if end is None or end > start.toordinal():
        return False
    after = date.fromordinal(end)
    worked = index.worked.between(task, after, start)
    return worked == link.lag and index.worked.between(task, after, start + timedelta(days=1)) == worked + 1


Ends = tuple["str | None", "int | None", "int | None"]  # latest-finishing leaf, latest start, latest finish


def _own_ends(dates: Dates, task_id: str) -> Ends:
    if task_id not in dates:
        return None, None, None
    start, finish = dates[task_id]
    return task_id, start.toordinal(), finish.toordinal()


def _combined(parts: list[Ends]) -> Ends:
    """The ends of a summary from its children's, in outline order (the first latest leaf wins)."""
    leaf, latest_start, latest_finish = None, None, None
    for part_leaf, start, finish in parts:
        if part_leaf is None or start is None or finish is None:
            continue
        if latest_finish is None or finish > latest_finish:
            leaf, latest_finish = part_leaf, finish
        latest_start = start if latest_start is None else max(latest_start, start)
    return leaf, latest_start, latest_finish


# Each summary's children in display order, and the links into each task (a task without any: none).
Outline = tuple[Mapping[str, list[str]], "LinksInto"]


class LinksInto(Protocol):
    def get(self, task_id: str, default: list[Link], /) -> list[Link]: ...


def _outline_of(project: Project) -> Outline:
    children = {p: kids for p, kids in project.children_map().items() if p is not None}
    into: dict[str, list[Link]] = {}
    for link in project.links.values():
        into.setdefault(link.succ_id, []).append(link)
    return children, into


class ChainIndex:
    """The links into each task and each summary's children, built once for many chain steps."""

    def __init__(self, project: Project, outline: Outline | None = None):
        """`outline`: each summary's children and the links into each task, when the caller has them
        at hand (schedule_check_chain reads them from the schedule's columns); else read from the plan."""
        self.project = project
        self.children, self.into = outline or _outline_of(project)
        self.worked = WorkedDays(project)  # each calendar's count made on first use
        self.link_days = LinkDays(project)
        self._ends_dates: Dates | None = None
        self._ends: dict[str, Ends] = {}  # summary id -> its ends, for _ends_dates

    def step(self, dates: Dates, task_id: str, history_before: date | None = None) -> tuple[str, str | None]:
        """What drives the task's start, and the task that does (None: nothing further back); actual
        dates are history when recorded work started before `history_before` (None: always)."""
        project, task = self.project, self.project.tasks[task_id]
        start, finish = dates[task_id]
        links = [ln for tid in [task_id, *ancestors(project, task_id)] for ln in self.into.get(tid, [])]
        return _driver_of(project, dates, task, start, finish, links, self, history_before)

    def tied(self, dates: Dates, task_id: str) -> list[str]:
        """Every task the task's start is driven by: the predecessors (a summary's: its latest-finishing
        sub-task) of each binding link whose predecessor finishes last, when equally late; the first is
        `step`'s. None for history, a manually scheduled task or a task no link holds."""
        found = [self.latest_leaf(dates, pred) if pred in self.children else pred
                 for pred in self.tied_preds(dates, task_id)]
        return [tid for tid in dict.fromkeys(found) if tid is not None]

    def tied_preds(self, dates: Dates, task_id: str) -> list[str]:
        """The predecessors (a summary as itself) of each binding link into the task or a summary above
        it whose predecessor finishes last, in the chain's order; none for history or a manual task."""
        project, task = self.project, self.project.tasks[task_id]
        if _recorded_by(task, None) or (task.manual and task_id not in self.children):
            return []
        start, finish = dates[task_id]
        links = [ln for tid in [task_id, *ancestors(project, task_id)] for ln in self.into.get(tid, [])]
        binding = [ln for ln in links if ln.pred_id in dates and _binds(self, dates, ln, task, start, finish)]
        latest = max((dates[ln.pred_id][1] for ln in binding), default=None)
        return list(dict.fromkeys(ln.pred_id for ln in binding if dates[ln.pred_id][1] == latest))

    def finishing_with(self, dates: Dates, summary_id: str) -> list[str]:
        """The summary's children (a sub-summary: by its sub-tasks) whose finish is the summary's."""
        last = self._summary_ends(dates, summary_id)[2]
        return [kid for kid in self.children[summary_id]
                if last is not None and self.latest_end(dates, kid, True) == last]

    def latest_leaf(self, dates: Dates, summary_id: str) -> str | None:
        """The sub-task (at any depth) whose finish is the summary's finish: the first in outline order."""
        return self._summary_ends(dates, summary_id)[0]

    def latest_end(self, dates: Dates, task_id: str, from_finish: bool) -> int | None:
        """The latest finish (or start) of the task, or of its sub-tasks at any depth (an ordinal)."""
        ends = self._summary_ends(dates, task_id) if task_id in self.children else _own_ends(dates, task_id)
        return ends[2] if from_finish else ends[1]

    def _summary_ends(self, dates: Dates, summary_id: str) -> Ends:
        """Each summary's ends are kept for the same `dates` and built from its sub-summaries' ends, in
        a loop: asking every summary of an outline costs one pass over it. Walking each one's leaves
        afresh (recursively) took a minute at 20,000 levels, and failed past Python's recursion limit."""
        if self._ends_dates is not dates:
            self._ends_dates, self._ends = dates, {}
        if summary_id in self._ends:
            return self._ends[summary_id]
        ends, stack = self._ends, [summary_id]
        while stack:
            current = stack[-1]
            waiting = [k for k in self.children[current] if k in self.children and k not in ends]
            if waiting:  # sub-summaries first, so each is answered once
                stack.extend(waiting)
                continue
            stack.pop()
            ends[current] = _combined([ends[k] if k in self.children else _own_ends(dates, k)
                                       for k in self.children[current]])
        return ends[summary_id]


def driving_chain(project: Project, dates: Dates, task_id: str, limit: int = 200,
                  history_before: date | None = None, index: ChainIndex | None = None) -> list[ChainStep]:
    """From the task back to what ultimately fixes it, following the binding link at each step.

    `dates` maps task id -> (start, finish): a schedule's early dates or a baseline's entries. A
    baseline's chain passes its "as of" date as `history_before`: only work started before it was
    history then (a task started since was still driven by its links). `index`: one made for `project`.
    """
    index = index or ChainIndex(project)
    steps: list[ChainStep] = []
    current: str | None = task_id
    seen: set[str] = set()
    while current is not None and current not in seen and len(steps) < limit and current in dates:
        seen.add(current)
        task = project.tasks[current]
        start, finish = dates[current]
        driver, nxt = index.step(dates, current, history_before)
        steps.append(ChainStep(task.key, task.name, start, finish, driver))
        current = nxt
    return steps


def _driver_of(project: Project, dates: Dates, task: Task, start: date, finish: date, links: list[Link],
               index: ChainIndex, history_before: date | None = None) -> tuple[str, str | None]:
    if _recorded_by(task, history_before):
        return "actual dates (history)", None
    if task.manual and task.id not in index.children:  # its links do not move it: the chain ends here
        return "manually scheduled (its start is the planner's)", None
    binding = [ln for ln in links if ln.pred_id in dates and _binds(index, dates, ln, task, start, finish)]
    if binding:
        link = max(binding, key=lambda ln: dates[ln.pred_id][1])
        pred = project.tasks[link.pred_id]
        lag = f" {format_days(link.lag, link.elapsed, signed=True)}" if link.lag else ""
        nxt: str | None = link.pred_id
        if link.pred_id in index.children:  # a summary drives through its latest-finishing sub-task
            nxt = index.latest_leaf(dates, link.pred_id)
        return f"{link.type} from {named(pred)}{lag}", nxt
    if _held_by_constraint(index, task, start, finish):
        return f"constraint {task.constraint} {_constraint_day(task, task.id in index.children)}", None
    if project.status_date and start >= project.status_date > project.start and \
            (start - project.status_date).days < 7:  # on it, or its first working day past a weekend
        return f"status date {project.status_date} (remaining work starts no earlier)", None
    if start == project.start:
        return "plan start", None
    return "not driven by a link (date as planned)", None


_FINISH_CONSTRAINTS = (ConstraintType.FNET, ConstraintType.FNLT, ConstraintType.MFO)


def _held_by_constraint(index: ChainIndex, task: Task, start: date, finish: date) -> bool:
    """Does the task's constraint hold it where it is? Its start (finish) on the constraint's date, or
    on the first working day after a date off: a Must Start On Sunday starts on Monday, no work between."""
    day = task.constraint_date
    if day is None:
        return False
    end = finish if task.constraint in _FINISH_CONSTRAINTS else start
    return end == day or index.worked.between(task, min(day, end), max(day, end)) == 0


def _constraint_day(task: Task, summary: bool) -> date | None:
    """The constraint's date as the planner typed it: a finish constraint's last day of work, stored as
    the day after it (a milestone's own day), as the Constraint date column shows it."""
    day = task.constraint_date
    if day is None or task.constraint not in _FINISH_CONSTRAINTS or not (task.duration > 0 or summary):
        return day
    return day - timedelta(days=1)


def _binds(index: ChainIndex, dates: Dates, link: Link, task: Task, start: date, finish: date) -> bool:
    """Does the link hold the task where it is? A task of working days is held as the scheduler holds
    it, in working days of its calendar (driving_chain_lags); a milestone or an elapsed task, whose
    dates count calendar days, in calendar days."""
    if not task.elapsed and finish > start:
        event = index.latest_end(dates, link.pred_id, from_finish=link.type in (LinkType.FS, LinkType.FF))
        return event is not None and index.link_days.holds(task, link, event, start, finish)
    return _link_bound(index, dates, link, (finish - start).days) == start.toordinal() or \
        _bound_past_days_off(index, dates, link, task, start)


def _recorded_by(task: Task, history_before: date | None) -> bool:
    """The task's actual dates were history at `history_before` (None: now)."""
    started = task.actual_start or task.actual_finish
    return started is not None and (history_before is None or started < history_before)

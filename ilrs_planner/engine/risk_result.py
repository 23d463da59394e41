"""The outcome of a Monte Carlo run (engine/risk.py): each task's finish per iteration read as the last
day a person reads, percentiles, the probability of meeting a date, criticality and the top drivers of a
milestone (Spearman rank correlation of duration with its finish)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import numpy as np

from ..domain import PlannerError, Project
from ._risk_network import RiskNetwork
from ._risk_sampling import rank_correlation
from .risk_upstream import Upstream

PERCENTILES = (10, 50, 80, 90)
MIN_CORRELATION = 0.05  # weaker rank correlations are sampling noise at any useful iteration count

@dataclass(frozen=True, slots=True)
class Driver:
    """One task's pull on a milestone: rank correlation and the finish swing it causes (days)."""

    task_id: str
    key: str
    name: str
    correlation: float
    criticality: float
    finish_if_short: date  # mean finish of the milestone when this task is in its shortest tenth
    finish_if_long: date  # ... and in its longest tenth


class RiskResult:
    """The outcome of a run; dates derive from finish samples in days after the project start."""

    def __init__(self, project: Project, rnet: RiskNetwork, iterations: int, seed: int | None, distribution: str,
                 finish: np.ndarray, criticality: np.ndarray, durations: np.ndarray, day_ends: np.ndarray):
        self.origin = date.fromordinal(rnet.net.start)
        self.iterations, self.seed, self.distribution = iterations, seed, distribution
        self.task_ids = list(rnet.net.task_ids)
        self.index = {tid: i for i, tid in enumerate(self.task_ids)}
        self._tasks = {tid: project.tasks[tid] for tid in self.task_ids}
        self._rnet = rnet
        self._project = project
        self._ends = day_ends
        self._children: dict[int, list[int]] | None = None
        self._upstream = Upstream(rnet)
        self._finish = finish
        self._durations = durations
        self.criticality = dict(zip(self.task_ids, criticality.tolist()))

    # -- per task ----------------------------------------------------------------------------
    def finish_samples(self, task_id: str) -> np.ndarray:
        """Raw finish of every iteration, days after the project start (fractional)."""
        return np.asarray(self._finish[self._row(task_id)], dtype=np.float64)

    def finish_days(self, task_id: str) -> np.ndarray:
        """Each iteration's finish as the last day a person reads (days after the project start): a
        task's last day of work, a milestone's day, a summary's latest sub-task's (TaskDates.shown_finish)."""
        i = self._row(task_id)
        if self._rnet.net.is_summary[i]:
            return self._summary_days(i)
        return self._as_days(task_id, np.ceil(self.finish_samples(task_id) - 1e-6))

    def _summary_days(self, row: int) -> np.ndarray:
        """A summary's last day per iteration: the latest last day of the tasks under it.

        Every moment of one day shows as that day, so the latest moment (a task's end of day, or a
        milestone at the start of the day after: MS Project's phase finishing on Monday 08:00) is
        the latest day; the summary's own sample, the latest position, mixes calendars and moments.
        """
        leaves = self._leaves_under(row)
        if not leaves:  # an empty phase: nothing under it to read a moment from
            return self._as_days(self.task_ids[row], np.ceil(self.finish_samples(self.task_ids[row]) - 1e-6))
        days = self.finish_days(self.task_ids[leaves[0]])
        for leaf in leaves[1:]:
            np.maximum(days, self.finish_days(self.task_ids[leaf]), out=days)
        return days

    def _leaves_under(self, row: int) -> list[int]:
        """The tasks of some duration or milestones (not summaries) anywhere under a summary."""
        if self._children is None:
            self._children = {}
            for child, parent in enumerate(self._rnet.net.parent.tolist()):
                if parent >= 0:
                    self._children.setdefault(parent, []).append(child)
        found, stack = [], list(self._children.get(row, ()))
        while stack:
            node = stack.pop()
            kids = self._children.get(node)
            if kids:
                stack.extend(kids)
            else:
                found.append(node)
        return sorted(found)

    def _as_days(self, task_id: str, values: np.ndarray) -> np.ndarray:
        """Sampled finishes (exclusive, in days or working days after the start) as the last day a
        person reads: on working calendars the passes count working days; a milestone at the end of
        a day (see _day_ends) is that day's, at the start of one that day."""
        net, i = self._rnet.net, self._row(task_id)
        time = None if net.node_row[i] == 0 and not net.is_summary[i] else net.time
        milestone = bool(not net.is_summary[i] and net.duration[i] == 0)
        positions = values.astype(np.int64) + net.start
        # At its own date a milestone starts that day; elsewhere it keeps the schedule's moment of day.
        at_end = milestone & self._ends[i] & ~((positions == net.base[i]) | (positions == net.fixed[i]))
        if time is None:
            return np.where(at_end | (not milestone), values - 1, values)
        row = int(net.task_row[i])
        days = (time.day(row, np.where(at_end, positions - 1, positions)) if milestone
                else time.finish_day(row, positions) - 1)
        return (days - net.start).astype(np.float64)

    def to_date(self, days: float) -> date:
        """Days after the project start as a date."""
        return self.origin + timedelta(days=int(days))

    def percentiles(self, task_id: str, levels: Sequence[int] = PERCENTILES) -> dict[int, date]:
        """Finish date at each percentile level: the first day by whose end at least that share of the
        runs has finished (P80: 80 %), as Primavera Risk Analysis and @RISK read a P-date; the chance
        of meeting it (probability_by) is then at least the level, and of the day before less."""
        values = np.percentile(self.finish_days(task_id), levels, method="inverted_cdf")
        return {int(p): self.to_date(v) for p, v in zip(levels, values)}

    def probability_by(self, task_id: str, day: date) -> float:
        """Share of runs in which the task is finished by the end of `day` (its last day on or before it)."""
        return float(np.mean(self.finish_days(task_id) <= (day - self.origin).days))

    def s_curve(self, task_id: str) -> tuple[list[date], list[float]]:
        """Cumulative probability of finishing by each date that occurs (the S-curve)."""
        values, counts = np.unique(self.finish_days(task_id), return_counts=True)
        cumulative = np.cumsum(counts) / self.iterations
        return [self.to_date(v) for v in values], cumulative.tolist()

    def histogram(self, task_id: str, bins: int = 40) -> tuple[list[date], list[int]]:
        """Counts of finish dates in `bins` equal bins (left edges as dates)."""
        counts, edges = np.histogram(self.finish_days(task_id), bins=bins)
        return [self.to_date(np.floor(e)) for e in edges[:-1]], counts.tolist()

    def milestone_ids(self) -> list[str]:
        """Zero-length leaf tasks, in plan order."""
        net = self._rnet.net
        return [tid for i, tid in enumerate(self.task_ids) if not net.is_summary[i] and self._tasks[tid].is_milestone]

    def sampled_task_ids(self) -> list[str]:
        """The tasks whose duration varied in the runs (own estimate or their kind's default spread)."""
        return [self.task_ids[i] for i in self._rnet.sampled.tolist()]

    def is_modelled(self, task_id: str) -> bool:
        """Whether any varying duration reaches this task's date: if none does, every run gives the
        plan's date, which says nothing about how certain it is."""
        return bool(self._upstream.sampled_rows(self._row(task_id)).size)

    def _row(self, task_id: str) -> int:
        try:
            return self.index[task_id]
        except KeyError:
            raise PlannerError("task.unknown", f"task {task_id} is not in the simulated plan", [task_id]) from None

    # -- drivers -----------------------------------------------------------------------------
    def drivers(self, task_id: str, top: int = 10) -> list[Driver]:
        """Tasks whose durations drive this task's finish most (|Spearman| largest first)."""
        rows = self._upstream.sampled_rows(self._row(task_id))
        if not rows.size:
            return []
        # A summary's samples mix calendars and moments (see _summary_days): its last days are the target.
        summary = bool(self._rnet.net.is_summary[self._row(task_id)])
        target = self.finish_days(task_id) if summary else self.finish_samples(task_id)
        corr = rank_correlation(self._durations[rows], target)
        picked = [k for k in np.argsort(-np.abs(corr)) if abs(corr[k]) >= MIN_CORRELATION][:top]
        return [self._driver(int(rows[k]), float(corr[k]), target, task_id) for k in picked]

    def _driver(self, row: int, corr: float, target: np.ndarray, target_id: str) -> Driver:
        task = self._tasks[self.task_ids[int(self._rnet.sampled[row])]]
        durations = self._durations[row]
        low, high = np.quantile(durations, [0.1, 0.9])
        short = float(target[durations <= low].mean())
        long_ = float(target[durations >= high].mean())
        means = np.ceil(np.array([short, long_]) - 1e-6)
        ends = means if self._rnet.net.is_summary[self._row(target_id)] else self._as_days(target_id, means)
        return Driver(task.id, task.key, task.name, corr, self.criticality[task.id],
                      self.to_date(ends[0]), self.to_date(ends[1]))


    # -- reporting ---------------------------------------------------------------------------
    def summary_dict(self, milestone: str | None = None, target: date | None = None, top: int = 10) -> dict[Any, Any]:
        """JSON-ready results: every milestone's percentiles, criticality, and the chosen milestone."""
        out: dict[str, Any] = {
            "iterations": self.iterations, "seed": self.seed, "distribution": self.distribution,
            "milestones": [self._milestone_dict(tid) for tid in self.milestone_ids()],
            "criticality": [{"key": self._tasks[tid].key, "index": round(ci, 4)}
                            for tid, ci in sorted(self.criticality.items(), key=lambda kv: -kv[1]) if ci > 0],
        }
        if milestone is not None:
            chosen = self._milestone_dict(milestone)
            if target is not None:
                chosen["target_date"] = target.isoformat()
                chosen["probability"] = round(self.probability_by(milestone, target), 4)
            chosen["drivers"] = [
                {"key": d.key, "name": d.name, "correlation": round(d.correlation, 4),
                 "criticality": round(d.criticality, 4), "finish_if_short": d.finish_if_short.isoformat(),
                 "finish_if_long": d.finish_if_long.isoformat()} for d in self.drivers(milestone, top)]
            out["milestone"] = chosen
        return out

    def _milestone_dict(self, task_id: str) -> dict[Any, Any]:
        task = self._tasks[task_id]
        pct = self.percentiles(task_id)
        return {"key": task.key, "name": task.name, **{f"p{p}": d.isoformat() for p, d in pct.items()},
                "criticality": round(self.criticality[task_id], 4), "modelled": self.is_modelled(task_id),
                "history": bool(task.actual_start or task.actual_finish)}

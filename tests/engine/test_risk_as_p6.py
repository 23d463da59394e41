"""Monte Carlo figures read as Primavera Risk Analysis and @RISK read them, on hand-worked plans:
a P-date is the first day by whose end that share of the runs has finished, the criticality index
is the share of runs in which a task is on that run's critical path, and the planned
(deterministic) date lies inside the spread of the runs."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from test_risk import assert_runs_give_the_schedule, random_plan

from ilrs_planner.domain import Calendar, Link, Project, Task, TaskKind
from ilrs_planner.engine import risk as risk_module
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.risk import run_risk

MONDAY = date(2027, 3, 1)
WEEKDAYS = (True,) * 5 + (False,) * 2


def _plan(weekdays: tuple[bool, ...] | None) -> Project:
    project = Project("fork", MONDAY)
    if weekdays is not None:
        project.default_calendar_id = project.add_calendar(Calendar("Work week", weekdays, id="week")).id
    return project


def _task(project: Project, key: str, estimate: tuple[int, int, int] | None, duration: int = 10) -> None:
    low, likely, high = estimate or (None, None, None)
    project.add_task(Task(key, key, duration, TaskKind.TASK, id=key, position=len(project.tasks),
                          optimistic=low, most_likely=likely, pessimistic=high))


def _fork(weekdays: tuple[bool, ...] | None) -> Project:
    """A fixed 10 d and an uncertain 8/10/12 d (symmetric) in parallel, both ending at the milestone."""
    project = _plan(weekdays)
    _task(project, "fixed", (10, 10, 10))
    _task(project, "uncertain", (8, 10, 12))
    _task(project, "end", None, duration=0)
    project.add_link(Link("fixed", "end"))
    project.add_link(Link("uncertain", "end"))
    return project


@pytest.mark.parametrize("weekdays", [WEEKDAYS, None], ids=["Monday-to-Friday", "7-day"])
def test_the_criticality_index_is_the_share_of_runs_on_the_critical_path(weekdays):
    # The uncertain task is longer than the fixed one in half the runs (its spread is symmetric about
    # 10 d) and drives the milestone then; the fixed one drives it in the other half. The milestone
    # ends the plan, so it is on the critical path of every run. On a working calendar a sampled
    # 10.4 d ends within the 11th day: the plan ends then, not at that day's end, so the task that
    # ends it has no float (it read 0.6 d of float and the milestone was critical in half the runs).
    result = run_risk(_fork(weekdays), iterations=10_000, seed=3)
    index = result.criticality
    assert index["end"] == 1.0
    assert index["uncertain"] == pytest.approx(0.5, abs=0.03)
    assert index["fixed"] == pytest.approx(0.5, abs=0.03)
    # Exactly one of them drives each run, but for the runs where they end within the passes' tolerance
    # of each other (0.01 d: about 1 % of runs here), which count as critical both.
    assert index["fixed"] + index["uncertain"] == pytest.approx(1.0, abs=0.015)


def test_a_p_date_is_the_first_day_by_which_that_share_of_runs_has_finished(monkeypatch):
    # Ten runs lasting 1, 2, ... 10 days (7-day calendar): run k's last day is MONDAY + k - 1. P10 is
    # the first run's day (1 run in 10 finished by its end), P50 the fifth's, P80 the eighth's, P90 the
    # ninth's. numpy's 'higher' percentile took the ninth run's day for P80 and the sixth's for P50:
    # a day by which 90 % (60 %) had finished.
    def ten_runs(points, iterations, rng, distribution):
        return np.arange(1, iterations + 1, dtype=np.float32)[None, :]

    monkeypatch.setattr(risk_module, "sample", ten_runs)
    project = _plan(None)
    _task(project, "work", (1, 5, 10))
    result = run_risk(project, iterations=10, seed=1)
    day = {k: MONDAY + timedelta(days=k - 1) for k in range(1, 11)}
    assert result.percentiles("work") == {10: day[1], 50: day[5], 80: day[8], 90: day[9]}
    for level, when in result.percentiles("work").items():
        assert result.probability_by("work", when) >= level / 100
        assert result.probability_by("work", when - timedelta(days=1)) < level / 100


@pytest.mark.parametrize("distribution", ["triangular", "pert"])
def test_the_planned_date_lies_inside_the_spread_of_the_runs(distribution):
    # Most likely durations are the planned ones: the schedule's finish can be neither earlier than
    # every run nor later than every run, and a symmetric spread puts it near P50.
    project = _fork(WEEKDAYS)
    planned = schedule(project).tasks["end"].shown_finish
    result = run_risk(project, iterations=5_000, seed=9, distribution=distribution)
    days = result.finish_days("end")
    first, last = result.to_date(days.min()), result.to_date(days.max())
    assert first <= planned <= last and first < last
    assert result.percentiles("end")[10] <= planned <= result.percentiles("end")[90]


@pytest.mark.parametrize("seed", range(25))
def test_durations_that_do_not_vary_give_the_schedules_dates_and_criticality_on_a_working_week(seed):
    # A phase held to a date (Must Start On, Start No Later Than) on a Monday-to-Friday calendar: its
    # date was read as calendar days from the start and its start as working days, so a phase the
    # schedule marks critical, held to Friday 2030-02-01 (23 working days on, 31 calendar days), read
    # 8 days of float in every run.
    project = random_plan(seed)
    project.default_calendar_id = project.add_calendar(Calendar("Work week", WEEKDAYS, id="week")).id
    assert_runs_give_the_schedule(project)

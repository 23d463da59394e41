"""Monte Carlo schedule risk: agreement with the CPM, the statistics, reproducibility, drivers."""

from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np
import pytest

from ilrs_planner.domain import ConstraintType, Link, LinkType, PlannerError, Project, Task, TaskKind
from ilrs_planner.engine._risk_sampling import triangular_median
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.risk import RiskCancelled, run_risk

START = date(2030, 1, 1)


def _task(project, key, duration, kind=TaskKind.TASK, estimate=None, **fields):
    low, mode, high = estimate or (None, None, None)
    task = Task(key, key.upper(), duration, kind, id=key, position=len(project.tasks),
                optimistic=low, most_likely=mode, pessimistic=high, **fields)
    return project.add_task(task)


def random_plan(seed: int, n: int = 40) -> Project:
    """Summaries, all link types with lags, every constraint, deadlines and actual dates."""
    rng = random.Random(seed)
    project = Project("random", START)
    ids: list[str] = []
    for i in range(n):
        parent = rng.choice(ids[: i // 3 + 1]) if i > 3 and rng.random() < 0.3 else None
        task = Task(f"t{i}", f"T{i}", rng.choice([0, 3, 10, 40]), id=f"t{i}", parent_id=parent, position=i)
        roll = rng.random()
        for limit, kind, day in [(0.1, "SNET", 60), (0.15, "FNET", 120), (0.2, "MSO", 31), (0.25, "MFO", 150),
                                 (0.3, "FNLT", 90), (0.33, "SNLT", 31)]:
            if roll < limit:
                task.constraint, task.constraint_date = ConstraintType(kind), START + timedelta(days=day)
                break
        if rng.random() < 0.1:
            task.deadline = START + timedelta(days=180)
        if rng.random() < 0.05:
            task.actual_start = START + timedelta(days=4)
        elif rng.random() < 0.05:
            task.actual_start, task.actual_finish = START + timedelta(days=4), START + timedelta(days=19)
        project.add_task(task)
        ids.append(task.id)
    _random_links(project, ids, rng)
    return project


def _random_links(project: Project, ids: list[str], rng: random.Random) -> None:
    def chain_up(tid):
        while tid:
            yield tid
            tid = project.tasks[tid].parent_id

    for _ in range(2 * len(ids)):
        a, b = sorted(rng.sample(range(len(ids)), 2))
        if ids[a] in chain_up(ids[b]) or ids[b] in chain_up(ids[a]):
            continue  # a summary is never linked to its own sub-task
        if max(i for i in range(len(ids)) if ids[a] in chain_up(ids[i])) >= b:
            continue  # a summary's link runs only to tasks wholly after it: no loops
        project.add_link(Link(ids[a], ids[b], rng.choice(list(LinkType)), rng.randint(-5, 10)))


@pytest.mark.parametrize("seed", range(25))
def test_zero_spread_reproduces_the_deterministic_schedule_exactly(seed):
    project = random_plan(seed)
    assert_runs_give_the_schedule(project)


def test_estimates_equal_to_the_duration_also_reproduce_it():
    project = random_plan(3)
    for task in project.tasks.values():
        task.optimistic = task.most_likely = task.pessimistic = task.duration
    expected = schedule(project)
    result = run_risk(project, iterations=5, seed=2)
    assert all(result.percentiles(tid)[90] == d.shown_finish
               for tid, d in expected.tasks.items())


def test_single_triangular_task_median_matches_the_analytic_median():
    project = Project("one", START)
    _task(project, "a", 20, estimate=(10, 20, 60))
    result = run_risk(project, iterations=40_000, seed=7)
    median = float(np.median(result.finish_samples("a")))
    assert triangular_median(10, 20, 60) == pytest.approx(60 - (50 * 40 / 2) ** 0.5)
    assert median == pytest.approx(triangular_median(10, 20, 60), abs=0.4)
    last_day = START + timedelta(days=int(np.ceil(triangular_median(10, 20, 60))) - 1)  # the finish is exclusive
    assert result.percentiles("a")[50] == last_day


@pytest.mark.parametrize("distribution, mean_of", [
    ("triangular", lambda a, m, b: (a + m + b) / 3), ("pert", lambda a, m, b: (a + 4 * m + b) / 6)])
def test_chain_mean_finish_is_the_sum_of_the_means(distribution, mean_of):
    project = Project("chain", START)
    estimates = [(5, 10, 30), (20, 20, 20), (1, 8, 9), (30, 40, 90)]
    for k, est in enumerate(estimates):
        _task(project, f"t{k}", est[1], estimate=est)
        if k:
            project.add_link(Link(f"t{k - 1}", f"t{k}"))
    result = run_risk(project, iterations=40_000, seed=3, distribution=distribution)
    expected = sum(mean_of(*e) for e in estimates)
    assert float(result.finish_samples("t3").mean()) == pytest.approx(expected, abs=0.3)


def test_the_dominant_task_ranks_first_in_sensitivity():
    project = Project("fork", START)
    _task(project, "small", 100, estimate=(95, 100, 110))
    _task(project, "big", 100, TaskKind.MISSION, estimate=(60, 100, 400))
    _task(project, "tiny", 10, estimate=(9, 10, 11))
    _task(project, "goal", 0, TaskKind.MILESTONE)
    for pred in ("small", "big", "tiny"):
        project.add_link(Link(pred, "goal"))
    _task(project, "elsewhere", 50, estimate=(10, 50, 500))  # not upstream: never a driver
    result = run_risk(project, iterations=5000, seed=11)
    drivers = result.drivers("goal")
    assert drivers[0].key == "big" and drivers[0].correlation > 0.8
    assert "elsewhere" not in [d.key for d in drivers]
    assert drivers[0].finish_if_long > drivers[0].finish_if_short
    assert result.criticality["big"] > result.criticality["small"] > result.criticality["tiny"]


def test_seeded_runs_reproduce_whatever_the_block_size():
    project = random_plan(5)
    one = run_risk(project, iterations=3000, seed=42)
    two = run_risk(project, iterations=3000, seed=42, block=700)
    other = run_risk(project, iterations=3000, seed=43)
    key = next(t.id for t in project.tasks.values() if t.key == "t39")
    assert np.array_equal(one.finish_samples(key), two.finish_samples(key))
    assert one.criticality == two.criticality
    assert not np.array_equal(one.finish_samples(key), other.finish_samples(key)) or \
        one.finish_samples(key).std() == 0


def test_actual_dates_are_certain_and_missions_spread_more_than_agreements():
    project = Project("kinds", START)
    _task(project, "flown", 30, TaskKind.MISSION, actual_start=START, actual_finish=START + timedelta(days=40))
    _task(project, "mission", 365, TaskKind.MISSION)
    _task(project, "agreement", 365, TaskKind.AGREEMENT)
    result = run_risk(project, iterations=4000, seed=1)
    assert np.all(result.finish_days("flown") == 39)  # its last day: the day before its actual finish
    spread = {k: np.ptp(result.finish_samples(k)) for k in ("mission", "agreement")}
    assert spread["mission"] > 2 * spread["agreement"] > 0
    assert result.percentiles("mission")[10] >= START + timedelta(days=int(365 * 0.9))


def test_probability_of_meeting_a_date():
    project = Project("p", START)
    _task(project, "work", 10, estimate=(0, 10, 20))  # symmetric: half the runs take 10 days or less
    _task(project, "done", 0, TaskKind.MILESTONE)
    project.add_link(Link("work", "done"))
    result = run_risk(project, iterations=20_000, seed=5)
    # The milestone is reached at the end of the work's last day: the 10th day is START + 9.
    assert result.probability_by("done", START + timedelta(days=9)) == pytest.approx(0.5, abs=0.02)
    assert result.probability_by("done", START + timedelta(days=20)) == 1.0
    assert result.probability_by("done", START - timedelta(days=1)) == 0.0
    dates, cumulative = result.s_curve("done")
    assert cumulative[-1] == pytest.approx(1.0) and dates == sorted(dates)


def test_bad_estimates_and_iterations_are_refused():
    project = Project("bad", START)
    _task(project, "a", 10, estimate=(12, 10, 20))
    with pytest.raises(PlannerError) as err:
        run_risk(project, iterations=10)
    assert err.value.code == "risk.bad_estimate" and "'a'" in err.value.message
    with pytest.raises(PlannerError) as err:
        run_risk(Project("empty", START), iterations=0)
    assert err.value.code == "cli.usage"


def test_a_loop_is_reported_by_name():
    project = Project("loop", START)
    _task(project, "a", 1)
    _task(project, "b", 1)
    project.add_link(Link("a", "b"))
    project.add_link(Link("b", "a"))
    with pytest.raises(PlannerError) as err:
        run_risk(project, iterations=10)
    assert err.value.code == "link.cycle" and "a → b → a" in err.value.message


def test_progress_is_reported_and_cancel_stops_between_blocks():
    project = random_plan(1)
    seen = []
    run_risk(project, iterations=1000, seed=1, block=250, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(250, 1000), (500, 1000), (750, 1000), (1000, 1000)]
    asked = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 2  # the user presses Cancel during the second block

    with pytest.raises(RiskCancelled):
        run_risk(project, iterations=1000, block=250, cancelled=cancelled)
    assert len(asked) == 3


def test_a_run_too_large_for_memory_is_refused_with_a_size_that_fits(monkeypatch):
    import ilrs_planner.engine.risk as risk

    monkeypatch.setattr(risk, "MAX_CELLS", 1000)
    with pytest.raises(PlannerError) as err:
        run_risk(random_plan(2), iterations=100)
    assert err.value.code == "cli.usage" and "at most 25 iterations" in err.value.message


@pytest.mark.parametrize("weekdays", [None, ("Mon", "Tue", "Wed", "Thu", "Fri")], ids=["7-day", "5-day"])
def test_a_phase_ends_on_the_day_its_last_milestone_shows(make_project, weekdays):
    # Phase P: A (5 days from Monday 2030-01-07, last day Friday 01-11) and M, held to start no
    # earlier than Monday 01-21: M is at 08:00 that Monday, so P finishes then, shown Monday 01-21.
    # Phase Q: B (5 days) -> N: N is at Friday 17:00, so Q's last day is Friday 01-11.
    spec = {"start": date(2030, 1, 7), "tasks": [
        {"key": "P"}, {"key": "A", "duration": 5, "parent": "P"},
        {"key": "M", "parent": "P", "constraint": "SNET", "constraint_date": date(2030, 1, 21)},
        {"key": "Q"}, {"key": "B", "duration": 5, "parent": "Q"}, {"key": "N", "parent": "Q"}],
        "links": [{"from": "B", "to": "N"}]}
    if weekdays:
        spec |= {"calendars": [{"id": "std", "weekdays": list(weekdays)}], "calendar": "std"}
    project = make_project(spec)
    result = run_risk(project, iterations=20, seed=4, use_defaults=False)
    shown = {key: set(result.percentiles(key).values()) for key in "PMQNAB"}
    assert shown == {"P": {date(2030, 1, 21)}, "M": {date(2030, 1, 21)}, "Q": {date(2030, 1, 11)},
                     "N": {date(2030, 1, 11)}, "A": {date(2030, 1, 11)}, "B": {date(2030, 1, 11)}}
    assert result.probability_by("P", date(2030, 1, 21)) == 1.0
    assert result.probability_by("P", date(2030, 1, 20)) == 0.0


@pytest.mark.parametrize("seed", range(10))
def test_zero_spread_reproduces_a_schedule_with_manually_scheduled_tasks_exactly(seed):
    project = random_plan(seed)
    picker = random.Random(1000 + seed)
    for task in project.tasks.values():
        task.manual = picker.random() < 0.3
    assert_runs_give_the_schedule(project)


def test_an_unlinked_manual_task_is_never_critical_in_the_monte_carlo_either():
    # Two unlinked tasks of 30 days, one manual: both drive the finish with no float; as MS Project
    # marks them, only the auto-scheduled one is critical, in every iteration.
    project = Project("Manual risk", START)
    project.add_task(Task("A", "Auto", 30, id="a", optimistic=20, most_likely=30, pessimistic=40))
    project.add_task(Task("M", "Manual", 30, id="m", position=1, manual=True, optimistic=20, most_likely=30,
                          pessimistic=40))
    result = run_risk(project, iterations=200, seed=7, use_defaults=False)
    assert result.criticality["m"] == 0.0 < result.criticality["a"]


def assert_runs_give_the_schedule(project: Project, *, critical: bool = True) -> None:
    """Runs whose durations do not vary land each task on the schedule's last day a person reads (a
    summary's too) and, with `critical`, make critical exactly the tasks the schedule marks so."""
    expected = schedule(project)
    result = run_risk(project, iterations=3, seed=1, use_defaults=False)
    for tid, dates in expected.tasks.items():
        assert np.all(result.finish_days(tid) == (dates.shown_finish - START).days), project.tasks[tid].key
        if critical:
            assert result.criticality[tid] == (1.0 if dates.critical else 0.0), project.tasks[tid].key

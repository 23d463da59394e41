"""Monte Carlo with as-late-as-possible tasks: each pass holds them on their late dates, as the CPM does."""

from __future__ import annotations

import random
import tomllib
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from test_calendars import on_calendars
from test_risk import START, random_plan

from ilrs_planner.domain import ConstraintType, Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.risk import run_risk

CASES = sorted((Path(__file__).parent / "cases").glob("*alap*.toml"))


def test_the_alap_cases_are_there():
    assert len(CASES) >= 3


def _assert_same_as_the_schedule(project: Project, origin: date) -> None:
    """Every task's finish (a milestone's and a summary's as shown) and criticality."""
    expected = schedule(project)
    result = run_risk(project, iterations=3, seed=1, use_defaults=False)
    for tid, dates in expected.tasks.items():
        key = project.tasks[tid].key
        finish = (dates.shown_finish - origin).days  # the last day a person reads, a summary's too
        assert np.all(result.finish_days(tid) == finish), key
        assert result.criticality[tid] == (1.0 if dates.critical else 0.0), key


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_zero_spread_reproduces_each_hand_computed_alap_case(path: Path, make_project):
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    _assert_same_as_the_schedule(make_project(spec), spec["expect"]["project_start"])


def test_the_successor_of_an_alap_task_finishes_on_the_project_finish_and_is_critical():
    # alap_with_successor: A(2) -> B(3, ALAP) -> C(1), D(10) alone. B sits on 01-07..01-10, C on 01-10..01-11.
    project = _chain_beside(10, spread=None)
    result = run_risk(project, iterations=5, seed=3, use_defaults=False)
    assert result.finish_days("B").tolist() == [8] * 5  # last days: 01-09 and 01-10
    assert result.finish_days("C").tolist() == [9] * 5
    assert {k: result.criticality[k] for k in "ABCD"} == {"A": 0.0, "B": 0.0, "C": 1.0, "D": 1.0}


def _chain_beside(d_duration: int, spread: tuple[float, float, float] | None,
                  b_constraint: ConstraintType = ConstraintType.ALAP) -> Project:
    """A(2) -> B(3) -> C(1), and D alone (with a three-point estimate when `spread` is given)."""
    project = Project("alap", START)
    for key, duration in (("A", 2), ("B", 3), ("C", 1), ("D", d_duration)):
        low, mode, high = spread if key == "D" and spread else (None, None, None)
        project.add_task(Task(key, key, duration, id=key, position=len(project.tasks), optimistic=low,
                              most_likely=mode, pessimistic=high,
                              constraint=b_constraint if key == "B" else ConstraintType.ASAP))
    project.add_link(Link("A", "B"))
    project.add_link(Link("B", "C"))
    return project


def test_an_alap_task_hands_the_uncertain_finish_to_what_follows_it():
    # D takes 8 to 12 days; the chain needs 6. Held late in every pass, B finishes one day before D
    # and C with D: C is critical in every iteration and its finish is D's. Sampled as soon as
    # possible, C would finish on day 6 every time with 2 to 6 days of float: never critical.
    project = _chain_beside(10, spread=(8.0, 10.0, 12.0))
    result = run_risk(project, iterations=2000, seed=7, use_defaults=False)
    d_finish = result.finish_samples("D")
    assert d_finish.min() >= 8 and d_finish.max() <= 12 and d_finish.std() > 0.5
    assert np.allclose(result.finish_samples("C"), d_finish, atol=0.01)
    assert np.allclose(result.finish_samples("B"), d_finish - 1, atol=0.01)
    assert result.criticality["C"] == 1.0 and result.criticality["D"] == 1.0
    assert result.criticality["B"] == 0.0 and result.criticality["A"] == 0.0  # B keeps the room it had

    as_soon = run_risk(_chain_beside(10, (8.0, 10.0, 12.0), ConstraintType.ASAP), 2000, seed=7,
                       use_defaults=False)
    assert as_soon.finish_days("C").tolist() == [5] * 2000
    assert as_soon.criticality["C"] == 0.0


def test_an_alap_task_with_no_room_stays_on_its_early_dates():
    # D takes 4 to 8 days, the chain 6: where D is shorter, B has no room, stays put and is critical;
    # where D is longer, B finishes one day before D. C finishes with the project either way.
    project = _chain_beside(6, spread=(4.0, 6.0, 8.0))
    result = run_risk(project, iterations=2000, seed=11, use_defaults=False)
    d_finish = result.finish_samples("D")
    assert np.allclose(result.finish_samples("B"), np.maximum(d_finish, 6.0) - 1, atol=0.01)
    assert np.allclose(result.finish_samples("C"), np.maximum(d_finish, 6.0), atol=0.01)
    no_room = np.mean(d_finish <= 6.0 + 0.01)
    assert 0.3 < no_room < 0.7
    assert result.criticality["B"] == pytest.approx(no_room) and result.criticality["C"] == 1.0


def _with_alap(project: Project, seed: int) -> Project:
    """Some unconstrained tasks as late as possible (leaves and summaries alike)."""
    rng = random.Random(seed)
    for task in project.tasks.values():
        if task.constraint == ConstraintType.ASAP and rng.random() < 0.3:
            task.constraint = ConstraintType.ALAP
    return project


@pytest.mark.parametrize("seed", range(25))
def test_zero_spread_with_alap_tasks_reproduces_the_deterministic_schedule(seed):
    project = _with_alap(random_plan(seed), seed)
    assert any(t.constraint == ConstraintType.ALAP for t in project.tasks.values())
    _assert_same_as_the_schedule(project, START)


@pytest.mark.parametrize("seed", range(10))
def test_zero_spread_with_alap_tasks_on_working_calendars(seed):
    project = on_calendars(_with_alap(random_plan(seed), seed), seed)
    _assert_same_as_the_schedule(project, START)

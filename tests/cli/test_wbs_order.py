"""The schedule table's WBS order, sorted in numpy, is the order `Project.walk` gives."""

from __future__ import annotations

import random
from datetime import date

from ilrs_planner.cli import wbs_order
from ilrs_planner.domain import Project, Task
from ilrs_planner.engine.cpm import schedule


def _outline(seed: int, count: int) -> Project:
    """Tasks under parents made before or after them, positions shuffled and often tied."""
    rng = random.Random(seed)
    plan = Project("outline", date(2030, 1, 1))
    tasks = [plan.add_task(Task(f"k{i}", f"task {i}", 1, id=f"t{i}", position=rng.randrange(4)))
             for i in range(count)]
    order = list(range(count))
    rng.shuffle(order)  # the outline's tree: each task's parent comes earlier in this order only
    for at, place in enumerate(order[1:], 1):
        if rng.random() < 0.8:
            tasks[place].parent_id = tasks[order[rng.randrange(at)]].id
    return plan


def _as_walked(project: Project) -> tuple[list[str], list[int], list[bool]]:
    walked = list(project.walk())
    summaries = project.summary_ids()
    return [t.id for t, _ in walked], [d for _, d in walked], [t.id in summaries for t, _ in walked]


def _as_sorted(project: Project) -> tuple[list[str], list[int], list[bool]]:
    tasks = list(project.tasks.values())
    rows = wbs_order.wbs_rows(project, tasks)
    return [tasks[p].id for p in rows.places.tolist()], rows.depths.tolist(), rows.summary.tolist()


def test_the_sorted_wbs_order_is_the_walked_one_with_depths_and_summaries():
    for seed in range(20):
        plan = _outline(seed, 60)
        walked = _as_walked(plan)
        assert max(walked[1]) >= 3, seed  # outlines several levels deep, not just a flat list
        assert _as_sorted(plan) == walked, seed


def test_the_order_from_the_schedules_outline_is_the_walked_one():
    for seed in range(5):
        plan = _outline(seed, 60)
        tasks = list(plan.tasks.values())
        rows = wbs_order.wbs_rows(plan, tasks, schedule(plan).outline)
        as_sorted = [tasks[p].id for p in rows.places.tolist()], rows.depths.tolist(), rows.summary.tolist()
        assert as_sorted == _as_walked(plan), seed


def test_an_outline_deeper_than_the_sort_handles_is_walked_in_the_same_order(monkeypatch):
    plan = _outline(7, 60)
    sorted_rows = _as_sorted(plan)
    monkeypatch.setattr(wbs_order, "MAX_SORTED_DEPTH", 1)
    assert _as_sorted(plan) == sorted_rows == _as_walked(plan)

"""Which connectors a view's scene holds: every one that draws something in the view, and not
the thousands that only cross its rows years to the side (the middle of a large plan)."""

import random
from datetime import date, timedelta

import numpy as np

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene, hit_test
from ilrs_planner.chart.links import route
from ilrs_planner.domain import ConstraintType, Link, LinkType, Project, Task

RH = 24.0
WIDTH = 800


def _task(project: Project, i: int, start: date, days: int) -> None:
    task = project.add_task(Task(f"T{i}", f"Task {i}", days, position=i, id=f"t{i}"))
    task.constraint, task.constraint_date = ConstraintType.SNET, start


def _random_plan(tasks: int = 300, links: int = 1200, seed: int = 7) -> Project:
    """Bars anywhere in eight years (milestones among them), linked at random, all four types."""
    rng = random.Random(seed)
    project = Project("Links", date(2030, 1, 1))
    for i in range(tasks):
        _task(project, i, date(2030, 1, 1) + timedelta(days=rng.randrange(2900)), rng.choice([0, 3, 20, 90, 400]))
    for k in range(links):
        a, b = rng.sample(range(tasks), 2)
        project.add_link(Link(f"t{a}", f"t{b}", rng.choice(list(LinkType)), id=f"l{k}"))
    return project


def _drawn_in_view(data, scale: TimeScale, first: int, last: int) -> set[str]:
    """The links whose route (link by link) has a segment inside the rows and dates shown."""
    def ends(row: int) -> tuple[float, float, float]:
        x0, x1 = scale.x_of_ordinals(data.start[row]).item(), scale.x_of_ordinals(data.finish[row]).item()
        half = RH * 0.3 if x0 == x1 else 0.0  # a milestone's connector meets its diamond's tip
        return x0 - half, x1 + half, row * RH + RH / 2

    top, bottom = first * RH, (last + 1) * RH
    drawn = set()
    for i, link_id in enumerate(data.link_ids):
        pts = route(int(data.link_type[i]), ends(int(data.link_pred[i])), ends(int(data.link_succ[i])), RH)
        if any(max(ax, bx) >= 0 and min(ax, bx) <= WIDTH and max(ay, by) >= top and min(ay, by) <= bottom
               for (ax, ay), (bx, by) in zip(pts, pts[1:])):
            drawn.add(link_id)
    return drawn


def test_every_connector_drawing_in_the_view_is_in_its_scene_and_few_others():
    project = _random_plan()
    data = build_chart_data(project, None, [f"t{i}" for i in range(300)])
    zooms = [(date(2030, 1, 1), date(2038, 1, 1)), (date(2032, 3, 1), date(2032, 5, 1)),
             (date(2034, 6, 1), date(2034, 6, 15))]
    crossing_rows, in_scene = 0, 0
    for start, end in zooms:
        scale = TimeScale.fit(start, end, WIDTH)
        for first in (0, 137, 280):
            scene = build_scene(data, scale, WIDTH, first, first + 20, SceneOptions(show_labels=False))
            assert _drawn_in_view(data, scale, first, first + 20) <= set(scene.link_ids)
            lo, hi = np.minimum(data.link_pred, data.link_succ), np.maximum(data.link_pred, data.link_succ)
            if end - start < timedelta(days=100):
                crossing_rows += int(((hi >= first) & (lo <= first + 20)).sum())
                in_scene += len(scene.link_ids)
    assert in_scene < crossing_rows / 3  # zoomed in, most links crossing the rows draw nothing there


def test_a_long_connector_is_in_the_view_only_where_its_upright_run_crosses_the_rows():
    """Row 0 (January 2030) is linked to row 99 (2040); the view shows rows 40 to 60."""
    project = Project("Long link", date(2030, 1, 1))
    _task(project, 0, date(2030, 1, 1), 30)
    for i in range(1, 99):
        _task(project, i, date(2045, 1, 1), 10)
    _task(project, 99, date(2040, 1, 1), 30)
    project.add_link(Link("t0", "t99", LinkType.FS, id="long"))
    data = build_chart_data(project, None, [f"t{i}" for i in range(100)])
    away = TimeScale.fit(date(2035, 3, 1), date(2035, 5, 1), WIDTH)
    assert list(build_scene(data, away, WIDTH, 40, 60).link_ids) == []
    near = TimeScale.fit(date(2030, 1, 15), date(2030, 3, 15), WIDTH)
    scene = build_scene(data, near, WIDTH, 40, 60)
    assert list(scene.link_ids) == ["long"]
    run_x = near.x_of(date(2030, 1, 31)) + 8  # out of the first bar's end by a stub, then down
    assert hit_test(scene, run_x, 50.5 * RH).link_id == "long"

"""A connector's long run never frames a row: at a month's or a week's zoom the links into Chang'e 7
ran along both edges of its row across the whole view, which read as an empty outlined bar."""

from datetime import date

import numpy as np
import pytest

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.engine.cpm import schedule

RH = 24.0
WIDTH = 1000.0


def _long_runs(scene, width: float) -> dict[float, float]:
    """Row boundary y -> the most of the view's width a connector's level segment covers along it."""
    runs: dict[float, float] = {}
    points, offsets = scene.link_points, scene.link_offsets
    for a, b in zip(offsets[:-1], offsets[1:]):
        for (x0, y0), (x1, y1) in zip(points[a:b - 1].tolist(), points[a + 1:b].tolist()):
            if y0 == y1 and (y0 / RH) % 1 == 0:  # along a boundary between rows
                covered = min(max(x0, x1), width) - max(min(x0, x1), 0.0)
                runs[y0] = max(runs.get(y0, 0.0), covered)
    return runs


@pytest.mark.parametrize(("start", "end"), [(date(2026, 6, 1), date(2026, 7, 1)),  # a month
                                            (date(2026, 6, 1), date(2026, 6, 8))])  # a week
def test_no_row_is_framed_above_and_below_by_links_running_across_the_view(start, end):
    project = build_reference_project()
    plan = schedule(project)
    rows = [task.id for task, _depth in project.walk()]
    data = build_chart_data(project, plan, rows)
    scene = build_scene(data, TimeScale.fit(start, end, WIDTH), WIDTH, 0, len(rows) - 1, SceneOptions(row_height=RH))
    runs = _long_runs(scene, WIDTH)
    across = {y for y, covered in runs.items() if covered > WIDTH / 2}
    assert across  # the links into Chang'e 7 still cross the view, along one edge of a row
    framed = [rows[int(y // RH)] for y in across if y + RH in across]
    assert [project.tasks[tid].name for tid in framed] == []
    change7 = rows.index(next(t.id for t, _d in project.walk() if t.name == "Chang'e 7 south-pole survey"))
    assert not ({change7 * RH, (change7 + 1) * RH} <= across)
    assert np.isfinite(scene.link_points).all()

"""A collapsed summary's roll-ups stay readable zoomed out: diamonds that would overlap are drawn
as one with their count beside it, no mark covers another, and the summary's name goes past them."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene
from ilrs_planner.chart.rollups import ROLLUP_HALF, rollup_marks
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.engine.cpm import schedule

RH = 24.0


def measure(text: str) -> float:
    return 7.0 * len(text)


def test_diamonds_that_would_touch_become_one_with_their_count():
    # A diamond is 2 * 0.3 * 24 = 14.4 px wide: those at 0, 10 and 20 px overlap; "×3" (14 px)
    # runs from 7.2 + 3 to 24.2 px, far from the one at 300; the one at 600 is on another row.
    xs, rows = np.array([20.0, 10.0, 0.0, 300.0, 600.0]), np.array([0, 0, 0, 0, 1])
    marks = rollup_marks(rows, xs, RH, measure)
    assert [(m.row, float(xs[m.shown]), m.count, m.text) for m in marks] == [
        (0, 0.0, 3, "×3"), (0, 300.0, 1, ""), (1, 600.0, 1, "")]
    half = ROLLUP_HALF * RH
    assert marks[0].left == pytest.approx(-half) and marks[0].right == pytest.approx(half + 3.0 + 14.0)


def _agreements_scene(width: float):
    project = build_reference_project()
    folded = next(t.id for t in project.tasks.values() if t.name == "Agreements & membership")
    hidden = project.with_descendants([folded]) - {folded}
    rows = [task.id for task, _ in project.walk() if task.id not in hidden]
    data = build_chart_data(project, schedule(project), rows)
    scale = TimeScale.fit(date(2016, 1, 1), date(2050, 1, 1), width)  # the whole programme
    row = rows.index(folded)
    opts = SceneOptions(text_width=measure, row_height=RH)
    return build_scene(data, scale, width, row, row, opts), row, len(data.rollups)


def test_the_agreements_roll_ups_at_the_whole_programme_zoom_cover_no_one_another():
    scene, row, rolled_up = _agreements_scene(480.0)
    marks = rollup_marks(scene.rollups.rows, scene.rollups.x0, RH, measure)
    assert rolled_up > 10 and sum(m.count for m in marks) == len(scene.rollups) == rolled_up
    assert any(m.count > 1 for m in marks)  # years of signings in a few pixels: grouped
    spans = sorted((m.left, m.right) for m in marks)
    assert all(a_right < b_left for (_, a_right), (b_left, _) in zip(spans, spans[1:]))
    label = next(label for label in scene.labels if label.row == row)
    assert label.x > max(m.right for m in marks)  # the summary's name after the marks, not over them


def test_zoomed_in_far_enough_every_signing_has_its_own_diamond():
    scene, _, rolled_up = _agreements_scene(200_000.0)
    marks = rollup_marks(scene.rollups.rows, scene.rollups.x0, RH, measure)
    same_day = len(scene.rollups) - len(set(scene.rollups.x0.tolist()))  # signed together: still one
    assert len(marks) == len(scene.rollups) - same_day and len(scene.rollups) == rolled_up

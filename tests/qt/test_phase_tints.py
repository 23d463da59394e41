"""A phase keeps its tint at every zoom: Construction is the same colour over the whole programme and
over a decade where Reconnaissance is out of view, behind the rows as in the strip of names under them."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from contrast import PaintedScene
from PySide6.QtGui import QColor, QImage

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.gantt.export_layout import TimelinePicture
from ilrs_planner.qt.gantt.export_writers import render_image
from ilrs_planner.qt.gantt.style import PHASE_TINTS
from ilrs_planner.qt.image_export import _schedule

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def _tint_behind(monkeypatch, phase: str, start: date, end: date) -> str:
    """The phase tint nearest the colour the rows show most down the middle of `phase`'s band (a
    decade's weekends, shaded, darken it a little)."""
    painted = PaintedScene(monkeypatch, "ilrs_planner.qt.gantt.export_layout")
    project = build_reference_project()
    picture = TimelinePicture(project, _schedule(project), start, end, milestones_only=False, title=None,
                              baseline=None)
    image = render_image(picture, 1920, None).convertToFormat(QImage.Format.Format_RGB32)
    scene = picture.painted_scene
    x0, x1 = next((a, b) for a, b, name in scene.phases if name == phase)
    top = painted.pixels((x0 + x1) / 2, scene.first_row * scene.row_height, (x0 + x1) / 2 + 1,
                         (scene.last_row + 1) * scene.row_height)
    column = Counter(image.pixel(int(top.left()), y) for y in range(int(top.top()), int(top.bottom())))
    shown = QColor.fromRgb(column.most_common(1)[0][0])

    def distance(tint: str) -> int:
        other = QColor(tint)
        return sum(abs(a - b) for a, b in zip(shown.getRgb()[:3], other.getRgb()[:3], strict=True))
    return min(PHASE_TINTS, key=distance)


@pytest.mark.parametrize("start, end", [(date(2018, 1, 1), date(2053, 1, 1)), (date(2030, 1, 1), date(2040, 1, 1))],
                         ids=["whole programme", "a decade without Reconnaissance"])
def test_construction_keeps_its_tint_when_reconnaissance_is_out_of_view(monkeypatch, start, end):
    # The second phase's tint, after Reconnaissance's, as the strip of names under the rows shows it.
    assert _tint_behind(monkeypatch, "Construction / basic station", start, end) == PHASE_TINTS[1]

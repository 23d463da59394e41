"""The critical path printed in greyscale: the red and an owner's blue print as the same grey, so a
critical bar or milestone is ringed (a white line, then the red ring, outside it) and a critical
connector is drawn heavier than an ordinary one."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from contrast import PaintedScene
from PySide6.QtGui import QImage

from ilrs_planner.chart.confidence import CONF_SOURCED
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.qt.gantt.export_layout import TimelinePicture
from ilrs_planner.qt.gantt.export_writers import render_image
from ilrs_planner.qt.image_export import _schedule, _shown_range

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
DARK, LIGHT = 170, 200  # grey levels (0-255): ink, and paper showing between inks
RING_ROOM = 4.5  # logical px above a mark: its ring, not the connectors along the row's edge


def _printed(project: Project, monkeypatch):
    """`project` exported 3840 pixels wide (a 4K slide: two pixels a unit) and printed in grey:
    (grey pixels, scene, where its rows were painted)."""
    painted = PaintedScene(monkeypatch, "ilrs_planner.qt.gantt.export_layout")
    scheduled = _schedule(project)
    picture = TimelinePicture(project, scheduled, *_shown_range(project, scheduled, None, None),
                              milestones_only=False, title=None, baseline=None)
    image = render_image(picture, 3840, None).convertToFormat(QImage.Format.Format_RGB32)
    rgb = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    grey = rgb[:, :image.width(), 2] * 0.299 + rgb[:, :image.width(), 1] * 0.587 + rgb[:, :image.width(), 0] * 0.114
    return grey, picture.painted_scene, painted


@pytest.fixture(scope="module")
def printed(request):
    """The roadmap printed in grey (see _printed)."""
    monkeypatch = pytest.MonkeyPatch()
    request.addfinalizer(monkeypatch.undo)
    return _printed(build_reference_project(), monkeypatch)


def _strokes(column: np.ndarray) -> int:
    """How many separate dark strokes a line of grey pixels crosses."""
    strokes, inside = 0, False
    for level in column:
        if level < DARK and not inside:
            strokes, inside = strokes + 1, True
        elif level > LIGHT:
            inside = False
    return strokes


def _inks_above(grey: np.ndarray, painted, x: float, y_centre: float, y_top: float) -> int:
    """How many separate dark strokes a line from a bar's middle up to just past its ring crosses."""
    top = painted.pixels(x, y_top - RING_ROOM, x + 1, y_top)
    centre = painted.pixels(x, y_centre, x + 1, y_centre + 1)
    return _strokes(grey[int(top.top()):int(centre.top()) + 1, int(round(top.left()))][::-1])


def test_a_critical_bar_is_ringed_where_an_ordinary_dark_bar_is_not(printed):
    grey, scene, painted = printed
    bars = scene.tasks
    # Bars stated by a source, not hatched as flown, wide enough to look into, and dark when printed in grey.
    plain = [i for i in range(len(bars)) if bars.confidence[i] == CONF_SOURCED and not bars.actual[i]
             and bars.x1[i] - bars.x0[i] > 8 and grey_of(grey, painted, bars.x0[i] + 3, _middle(bars, i)) < DARK]
    strokes: dict[bool, set[int]] = {}
    for i in plain:
        found = _inks_above(grey, painted, float(bars.x0[i]) + 3, _middle(bars, i), float(bars.y0[i]))
        strokes.setdefault(bool(bars.critical[i]), set()).add(found)
    assert strokes == {True: {2}, False: {1}}  # the bar and its ring; the bar alone


def _middle(layer, i: int) -> float:
    return float(layer.y0[i] + layer.y1[i]) / 2


def grey_of(grey: np.ndarray, painted, x: float, y: float) -> float:
    point = painted.pixels(x, y, x + 1, y + 1)
    return float(grey[int(point.top()), int(point.left())])


def _inks_below(grey: np.ndarray, painted, x: float, y_centre: float, reach: float) -> int:
    """How many separate dark strokes a line from a mark's middle down `reach` units crosses."""
    box = painted.pixels(x, y_centre, x + 1, y_centre + reach)
    return _strokes(grey[int(box.top()):int(box.bottom()) + 1, int(round(box.left()))])


def test_a_critical_milestone_is_ringed_where_an_ordinary_one_is_not(monkeypatch):
    project = Project("Rings", date(2030, 1, 7))
    project.add_task(Task("w", "Build", 20, position=0, id="w"))
    project.add_task(Task("done", "Handover", 0, position=1, id="done"))  # the finish: critical
    project.add_task(Task("side", "Kick-off", 0, position=2, id="side"))  # 20 days' float
    project.add_link(Link("w", "done"))
    grey, scene, painted = _printed(project, monkeypatch)
    m = scene.milestones
    critical = dict(zip(m.rows.tolist(), m.critical.tolist(), strict=True))
    assert critical == {1: True, 2: False}
    # Down from the middle (a link's arrow comes in from above): the white centre, the outline, and
    # for the critical one a white line and then its ring.
    strokes = {int(m.rows[i]): _inks_below(grey, painted, float(m.x0[i]), _middle(m, i), scene.row_height / 2)
               for i in range(len(m))}
    assert strokes == {1: 2, 2: 1}


def _ink_across(grey: np.ndarray, painted, scene, link: int) -> float:
    """The ink across the middle of a connector's longest upright run, ±4 units either side."""
    pts = scene.link_points[scene.link_offsets[link]:scene.link_offsets[link + 1]]
    runs = [(abs(b[1] - a[1]), a[0], (a[1] + b[1]) / 2) for a, b in zip(pts[:-1], pts[1:], strict=True) if a[0] == b[0]]
    _length, x, y = max(runs)
    box = painted.pixels(x - 4, y, x + 4, y + 1)
    return float((255 - grey[int(box.top()), int(box.left()):int(box.right()) + 1]).sum())


def test_a_critical_connector_carries_twice_the_ink_of_an_ordinary_one(monkeypatch):
    project = Project("Links", date(2030, 1, 7))
    for n, (tid, name, days) in enumerate((("w", "Build", 40), ("done", "Handover", 0), ("d", "Draft", 5),
                                           ("r", "Review", 5))):
        project.add_task(Task(tid, name, days, position=n, id=tid))
    project.add_link(Link("w", "done"))
    project.add_link(Link("d", "r"))
    grey, scene, painted = _printed(project, monkeypatch)
    ink = {bool(scene.link_critical[i]): _ink_across(grey, painted, scene, i) for i in range(2)}
    assert ink[True] >= 2 * ink[False] > 0


def test_a_critical_milestones_name_stands_clear_of_its_ring(printed):
    """The ring reaches further out than the diamond: the name beside it, and the white halo under
    the name (2 px round it), start past the ring, not over its tip."""
    from ilrs_planner.chart.labels import MILESTONE_RING_PX
    from ilrs_planner.chart.scene import KEY_DIAMOND
    from ilrs_planner.qt.gantt.critical_rings import RING_WIDTH, SQRT2, diamond_ring_growth

    _grey, scene, _painted = printed
    m = scene.milestones
    labels = {label.row: label for label in scene.labels}
    checked = 0
    for i in np.flatnonzero(m.critical).tolist():
        label = labels.get(int(m.rows[i]))
        if label is None or label.x < m.x0[i]:  # a name left of its diamond, if any, is not looked at
            continue
        half = scene.row_height * (KEY_DIAMOND if m.key[i] else 0.3)
        outline = 2.6 if m.key[i] else 2.0
        ring_edge = diamond_ring_growth(outline)[1] + RING_WIDTH / 2 * SQRT2
        assert ring_edge <= MILESTONE_RING_PX
        assert label.x - 2 >= m.x0[i] + half + ring_edge
        checked += 1
    assert checked >= 3

"""Connector paths built from arrays hold exactly the elements a path built polyline by polyline
holds, so the chart draws the same pixels either way."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from ilrs_planner.qt.gantt.connectors import ARROW_PX, _arrowheads
from ilrs_planner.qt.gantt.paths import polylines_path


def serialised(path: QPainterPath) -> bytes:
    data = QByteArray()
    QDataStream(data, QIODevice.OpenModeFlag.WriteOnly) << path
    return bytes(data)


def one_by_one(polylines: list[list[tuple[float, float]]]) -> QPainterPath:
    path = QPainterPath()
    for line in polylines:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in line]))
    return path


def test_a_path_from_arrays_is_the_path_added_polyline_by_polyline():
    rng = np.random.default_rng(3)
    counts = rng.choice([4, 6], 500)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    points = rng.normal(0, 300, (offsets[-1], 2)).round(3)
    polylines = [[tuple(p) for p in points[a:b].tolist()] for a, b in zip(offsets[:-1], offsets[1:])]
    assert serialised(polylines_path(points, offsets)) == serialised(one_by_one(polylines))
    assert polylines_path(np.zeros((0, 2)), np.zeros(1, np.int64)).isEmpty()


def test_arrowheads_sit_on_the_last_point_pointing_along_the_last_segment():
    points = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 30.0], [40.0, 30.0],   # ends going right
                       [50.0, 50.0], [42.0, 50.0], [42.0, 10.0], [42.0, 2.0]])  # ends going up
    heads, offsets = _arrowheads(points, np.array([0, 4, 8]), np.array([0, 1]), dy=5.0)
    assert offsets.tolist() == [0, 3, 6]
    assert heads[:3].tolist() == [[40.0, 35.0], [40.0 - ARROW_PX, 35.0 + ARROW_PX * 0.6],
                                  [40.0 - ARROW_PX, 35.0 - ARROW_PX * 0.6]]
    assert heads[3].tolist() == [42.0, 7.0] and heads[4:, 1].tolist() == [7.0 + ARROW_PX] * 2

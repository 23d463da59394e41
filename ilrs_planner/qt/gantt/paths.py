"""Painter paths of many polylines built from arrays in one step.

A QPainterPath made by addPolygon per polyline costs a QPointF per point from Python: 14,000
connectors crossing the rows in the middle of a 100,000-task plan made that most of a repaint.
QDataStream reads a path from its serialised form (element count; type, x, y per element; the
last subpath's start; the fill rule), which numpy writes for all polylines at once: the path
holds exactly the elements addPolygon gives (a move to the first point, a line to each next one).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream, QIODevice
from PySide6.QtGui import QPainterPath

_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_MOVE_TO, _LINE_TO = 0, 1  # QPainterPath.ElementType
_ODD_EVEN_FILL = 0  # Qt.FillRule.OddEvenFill, a new path's rule


def polylines_path(points: np.ndarray, offsets: np.ndarray) -> QPainterPath:
    """One path of the polylines points[offsets[i]:offsets[i + 1]], as addPolygon adds each."""
    starts = np.asarray(offsets[:-1], np.int64)
    starts = starts[np.asarray(offsets[1:]) > starts]  # an empty polyline adds nothing
    if not len(points) or not len(starts):
        return QPainterPath()
    elements = np.empty(len(points), _ELEMENT)
    elements["type"] = _LINE_TO
    elements["type"][starts] = _MOVE_TO
    elements["x"], elements["y"] = points[:, 0], points[:, 1]
    tail = np.array([starts[-1], _ODD_EVEN_FILL], ">i4")  # the last subpath's start, the fill rule
    data = QByteArray(np.array([len(points)], ">i4").tobytes() + elements.tobytes() + tail.tobytes())
    path = QPainterPath()
    QDataStream(data, QIODevice.OpenModeFlag.ReadOnly) >> path
    return path

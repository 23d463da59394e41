"""Small icons beside task names: a diamond for milestones, a bar for tasks, a bracket for summaries;
and the mark of a missed deadline."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QPolygonF

from ...chart.palette import DEADLINE_MISSED, NO_OWNER, SUMMARY, owner_color
from ...domain import Project, Task

_SIZE = 14


def task_icon(project: Project, task: Task, summary: bool, colors: dict[str | None, str] | None = None) -> QIcon:
    """The icon for `task`, coloured like its owner's bars in the chart (`colors`: the chart's
    owners' colours, palette.owner_colors)."""
    owner = project.participants.get(task.owner_id) if task.owner_id else None
    color = owner_color(owner.key, owner.color) if owner else NO_OWNER
    if colors is not None:
        color = colors.get(task.owner_id, color)
    shape = "summary" if summary else "milestone" if task.duration == 0 else "task"
    return _icon(shape, SUMMARY if summary else color)


def _filled_with(color: str) -> tuple[QPixmap, QPainter]:
    """A transparent icon-sized pixmap and a painter on it filling shapes with `color`, unoutlined."""
    pixmap = QPixmap(_SIZE, _SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    return pixmap, painter


@lru_cache(maxsize=256)
def _icon(shape: str, color: str) -> QIcon:
    pixmap, painter = _filled_with(color)
    mid = _SIZE / 2
    if shape == "milestone":
        painter.drawPolygon(QPolygonF([QPointF(mid, 1), QPointF(_SIZE - 1, mid), QPointF(mid, _SIZE - 1),
                                       QPointF(1, mid)]))
    elif shape == "summary":
        painter.drawRect(QRectF(1, 4, _SIZE - 2, 4))
        painter.drawPolygon(QPolygonF([QPointF(1, 8), QPointF(4, 8), QPointF(1, 12)]))
        painter.drawPolygon(QPolygonF([QPointF(_SIZE - 1, 8), QPointF(_SIZE - 4, 8), QPointF(_SIZE - 1, 12)]))
    else:
        painter.drawRoundedRect(QRectF(1, 4, _SIZE - 2, 6), 2, 2)
    painter.end()
    return QIcon(pixmap)


@lru_cache(maxsize=1)
def missed_deadline_icon() -> QIcon:
    """A red diamond with a white '!', as MS Project's indicator of a deadline missed."""
    pixmap, painter = _filled_with(DEADLINE_MISSED)
    mid = _SIZE / 2
    painter.drawPolygon(QPolygonF([QPointF(mid, 0), QPointF(_SIZE, mid), QPointF(mid, _SIZE), QPointF(0, mid)]))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(10)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, _SIZE, _SIZE), Qt.AlignmentFlag.AlignCenter, "!")
    painter.end()
    return QIcon(pixmap)

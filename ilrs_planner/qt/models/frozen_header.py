"""The task table's column header, with the ID and Name headers kept at the left as their columns are
(see frozen_columns): drawn again over the headers scrolled under them, and a press there (a sort
click, a drag of Name's right edge to widen it, a tooltip) handed to the header as if it fell on
those sections where Qt has scrolled them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QHeaderView, QStyle

from .frozen_columns import paint_frozen_edge


class FrozenHeader(QHeaderView):
    """A horizontal header whose first sections stay put; `view` is the table (a FrozenColumns)."""

    def __init__(self, view):
        super().__init__(Qt.Orientation.Horizontal, view)
        self.setSectionsClickable(True)  # as the header QTableView makes: a click sorts
        self.view = view
        self._shift = 0  # how far the press being handled was moved to reach the scrolled sections
        self._movable: bool | None = None  # whether sections could be dragged, while a frozen one is pressed

    def _in_frozen(self, x: float) -> bool:
        """Whether `x` falls on the frozen headers (or on the edge to drag Name wider by)."""
        grip = self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderGripMargin, None, self)
        return x < self.view.frozen_strip() + grip

    def _moved(self, event: QMouseEvent) -> QMouseEvent:
        position = QPointF(event.position().x() - self._shift, event.position().y())
        return QMouseEvent(event.type(), position, event.globalPosition(), event.button(), event.buttons(),
                           event.modifiers())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._restore_movable()  # a press whose release went elsewhere
        frozen = self._in_frozen(event.position().x())
        self._shift = self.offset() if frozen else 0
        if frozen:  # ID and Name are not dragged elsewhere: the frozen columns stay first
            self._movable = self.sectionsMovable()
            self.setSectionsMovable(False)
        super().mousePressEvent(self._moved(event))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons():  # hovering: the resize cursor over the edges drawn, not those scrolled under
            self._shift = self.offset() if self._in_frozen(event.position().x()) else 0
        super().mouseMoveEvent(self._moved(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(self._moved(event))
        self._restore_movable()
        self._shift = 0

    def _restore_movable(self) -> None:
        if self._movable is not None:
            self.setSectionsMovable(self._movable)
            self._movable = None

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._shift = self.offset() if self._in_frozen(event.position().x()) else 0
        super().mouseDoubleClickEvent(self._moved(event))
        self._shift = 0

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self.offset() and self._in_frozen(event.pos().x()):
            moved = QHelpEvent(event.type(), event.pos() - QPoint(self.offset(), 0), event.globalPos())
            return super().viewportEvent(moved)
        return super().viewportEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        strip = QRect(0, 0, self.view.frozen_strip(), self.height())
        if not self.offset() or not event.rect().intersects(strip):
            return
        painter = QPainter(self.viewport())
        for column, left, width in self.view.frozen_layout():
            shown = min(width, strip.width() - left)
            if shown > 0:  # Qt paints a section clipped to itself alone: drawn aside, then cut to the strip
                picture = self._section_picture(column, width)
                painter.drawPixmap(QPoint(left, 0), picture, QRect(0, 0, shown, self.height()))
        paint_frozen_edge(painter, strip, self.palette())
        painter.end()

    def _section_picture(self, column: int, width: int) -> QPixmap:
        ratio = self.devicePixelRatioF()
        picture = QPixmap(round(width * ratio), round(self.height() * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.palette().color(QPalette.ColorRole.Button))
        painter = QPainter(picture)
        self.paintSection(painter, QRect(0, 0, width, self.height()), column)
        painter.end()
        return picture

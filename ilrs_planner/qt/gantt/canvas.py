"""The painted chart area of the GanttView: header, rows, mouse and wheel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from ...chart import Hit, axis_header, build_scene, hit_test
from ...chart.axis import AxisHeader
from ...chart.labels import label_row_at
from ...chart.tags import TagLayout
from ...domain import PlannerError
from .drag import Drag, days_read, drag_dates_text, finish_command, landing, start_mode
from .link_menu import build_link_menu
from .marks import tag_rows_needed, tag_tooltip
from .painter import paint_background, paint_header, paint_scene
from .style import ChartStyle
from .tooltip import tooltip_text

ZOOM_STEP = 1.25  # per wheel notch


class GanttCanvas(QWidget):
    """Draws the visible rows of its GanttView and turns gestures into pushed commands."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.scene = None
        self.drag: Drag | None = None
        self.hover: Hit | None = None  # what the pointer rests on (for the end handle)
        self.tags = TagLayout([], [])  # where the header's tags were last painted (for tooltips)
        self.header: AxisHeader | None = None  # the time scale's cells last painted
        self.header_style: ChartStyle = view.style  # the header's style then: its rows of tags, its axis
        self._header_styles: dict[int, ChartStyle] = {}  # of the view's style, by rows of tags
        self.setMouseTracking(True)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.setFocusPolicy(Qt.WheelFocus)
        self.setMinimumSize(200, 100)

    # -- painting -----------------------------------------------------------------------------
    def build_scene(self):
        """The scene for what is visible now (also used by hit tests and tests)."""
        view, style = self.view, self.view.style
        chart_h = self.height() - style.header_height
        first = int(view.vertical_offset // style.row_height)
        last = int((view.vertical_offset + chart_h) // style.row_height)
        return build_scene(view.chart_data(), view.scale, self.width(), first, last, view.scene_options())

    def content_y(self, widget_y: float) -> float:
        """Widget y -> content y (row i spans [i*rh, (i+1)*rh))."""
        return widget_y - self.view.style.header_height + self.view.vertical_offset

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        view, style = self.view, self.view.style
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("white"))
        self.scene = scene = self.build_scene()
        header = axis_header(view.scale, self.width(), style.text_width(style.header_font))
        top, height = style.header_height, self.height() - style.header_height
        dy = top - view.vertical_offset
        p.setClipRect(QRectF(0, top, self.width(), height))
        paint_background(p, scene, header, dy, height, style, top)
        p.setRenderHint(QPainter.Antialiasing, True)
        paint_scene(p, scene, dy, style, top, height)
        self._paint_preview(p, dy)
        self._paint_end_handle(p, dy)
        p.setRenderHint(QPainter.Antialiasing, False)
        p.setClipping(False)
        self.header_style, self.header = self._tag_style(scene), header
        self.tags = paint_header(p, header, self.width(), self.header_style, scene, view.scene_options())
        p.end()

    def _tag_style(self, scene) -> ChartStyle:
        """The view's style with the rows of tags the marks in view need: a chart wide enough to name
        them all in two rows gives the header's third to the time axis rather than leave it blank."""
        style = self.view.style
        if self._header_styles.get(style.tag_rows) is not style:
            self._header_styles = {style.tag_rows: style}  # the view's style was replaced: made afresh
        rows = min(tag_rows_needed(scene, self.view.scene_options(), style), style.tag_rows)
        if rows not in self._header_styles:
            self._header_styles[rows] = ChartStyle(row_height=style.row_height, header_height=style.header_height,
                                                   font_px=style.font_px, family=style.family, tag_rows=rows)
        return self._header_styles[rows]

    def _paint_preview(self, p: QPainter, dy: float) -> None:
        """Where the dragged bar would go, or the link being drawn (the project is untouched)."""
        drag = self.drag
        if drag is None or not drag.moved or drag.mode == "pan":
            return
        p.setPen(QPen(QColor("#1a73e8"), 1.5, Qt.DashLine))
        p.setBrush(QColor(26, 115, 232, 50))
        if drag.mode == "link":
            p.drawLine(QPointF(drag.x0, drag.y0 + dy), QPointF(drag.x, drag.y + dy))
            return
        start, finish = self.view.shown_dates(drag.hit.task_id)
        shown = days_read(self.view.document, drag.hit.task_id, start, finish)
        rh = self.view.style.row_height
        x0, x1 = self._preview_span(drag, start, finish, shown[0])
        row = int(drag.y0 // rh)
        p.drawRect(QRectF(x0, row * rh + dy + rh * 0.2, max(x1 - x0, 2.0), rh * 0.6))
        self._paint_drag_dates(p, drag_dates_text(drag, *shown, self.view.document), x0, row * rh + dy)

    def _preview_span(self, drag: Drag, start: date, finish: date, shown_start: date) -> tuple[float, float]:
        """The preview bar's ends: where a moved bar lands (as the drop schedules it), or the bar
        stretched to the pointer."""
        scale = self.view.scale
        if drag.mode == "move":
            landed = landing(drag, self.view.document, shown_start)
            if not isinstance(landed, PlannerError):
                return scale.x_of(landed.early_start), scale.x_of(landed.early_finish)
            return scale.x_of(start) + drag.days * scale.px_per_day, scale.x_of(finish) + drag.days * scale.px_per_day
        return scale.x_of(start), scale.x_of(finish) + drag.days * scale.px_per_day

    def _paint_drag_dates(self, p: QPainter, text: str, x: float, row_top: float) -> None:
        """The dates the bar would get, on a white tag just above the preview (and in the status bar)."""
        p.setFont(self.view.style.label_font)
        metrics = p.fontMetrics()
        rect = QRectF(max(x, 2.0), max(row_top - metrics.height() - 2, self.view.style.header_height),
                      metrics.horizontalAdvance(text) + 8, metrics.height() + 2)
        p.setPen(QPen(QColor("#1a73e8"), 1))
        p.setBrush(QColor("white"))
        p.drawRect(rect)
        p.setPen(QColor("#202124"))
        p.drawText(rect, Qt.AlignCenter, text)
        self.view.dragDates.emit(text)

    def _paint_end_handle(self, p: QPainter, dy: float) -> None:
        """The stretch handle of the bar under the pointer (only bars with room have one)."""
        hover = self.hover
        if hover is None or hover.kind != "bar_end" or self.drag is not None:
            return
        data = self.view.chart_data()
        if hover.task_id not in data.row_of:
            return
        row = data.row_of[hover.task_id]
        _start, finish = self.view.shown_dates(hover.task_id)
        x, rh = self.view.scale.x_of(finish), self.view.style.row_height
        p.setPen(QPen(QColor("#202124"), 1))
        p.setBrush(QColor("white"))
        p.drawRect(QRectF(x - 4, row * rh + dy + rh * 0.25, 4, rh * 0.5))

    # -- mouse --------------------------------------------------------------------------------
    def hit_at(self, pos: QPointF) -> Hit | None:
        """What lies under a widget point."""
        if pos.y() < self.view.style.header_height:
            return None
        self.scene = self.scene or self.build_scene()
        return hit_test(self.scene, pos.x(), self.content_y(pos.y()))

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() != Qt.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position()
        hit = self.hit_at(pos)
        y = self.content_y(pos.y())
        # Showing a past announcement, bars are history, not handles: a drag only pans.
        mode = "pan" if self.view.history is not None else start_mode(hit)
        self.drag = Drag(mode, hit, pos.x(), y, self.view.scale, self.view.vertical_offset, pos.x(), y)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        pos = event.position()
        if self.drag is None:
            hit = self.hit_at(pos)
            shape = {"bar_end": Qt.SizeHorCursor, "bar": Qt.OpenHandCursor, "milestone": Qt.OpenHandCursor}
            self.setCursor(shape.get(hit.kind, Qt.ArrowCursor) if hit else Qt.ArrowCursor)
            if hit != self.hover:
                self.hover = hit
                self.update()
            return
        drag = self.drag
        if drag.mode == "pan":
            header = self.view.style.header_height
            drag.update(pos.x(), pos.y() - header + drag.v_offset, self.view.style.row_height)
            # keep the content point that was pressed under the pointer
            self.view.pan_to(drag.scale.panned(pos.x() - drag.x0), drag.y0 + header - pos.y())
            return
        drag.update(pos.x(), self.content_y(pos.y()), self.view.style.row_height)
        self.update()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        drag, self.drag = self.drag, None
        if drag is None or event.button() != Qt.LeftButton:
            return
        if not drag.moved:
            self.view.document.set_selection([drag.hit.task_id] if drag.hit and drag.hit.task_id else [])
            return
        if drag.mode != "pan":
            self._finish(drag, self.hit_at(event.position()))
        self.update()

    def _finish(self, drag: Drag, target: Hit | None) -> None:
        document = self.view.document
        start, finish = days_read(document, drag.hit.task_id, *self.view.shown_dates(drag.hit.task_id))
        try:
            command = finish_command(drag, document, target, start, finish)
        except PlannerError as error:
            document.refuse(error, self.view)
            return
        if command is not None:
            document.try_push(command, self.view)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key_Escape and self.drag is not None:
            self.drag = None  # cancel: nothing was pushed, the preview goes away
            self.update()
            return
        super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:  # noqa: N802
        delta = event.angleDelta()
        if event.modifiers() & Qt.ControlModifier:
            self.view.zoom_by(ZOOM_STEP ** (delta.y() / 120), event.position().x())
        elif event.modifiers() & Qt.ShiftModifier or delta.x():
            step = delta.x() or delta.y()
            self.view.pan_to(self.view.scale.panned(step / 120 * 60), self.view.vertical_offset)
        else:
            rows = -delta.y() / 120 * 3
            self.view.pan_to(self.view.scale, self.view.vertical_offset + rows * self.view.style.row_height)
        event.accept()

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            QToolTip.showText(event.globalPos(), text, self) if text else QToolTip.hideText()
            return True
        return super().event(event)

    def tooltip_at(self, pos: QPointF) -> str:
        """The tooltip for a point: a header tag's full name and date, or the task under it."""
        if pos.y() < self.view.style.header_height:
            return tag_tooltip(self.tags, self.header_style, pos.x(), pos.y())
        hit = self.hit_at(pos) or self._label_hit(pos)
        return tooltip_text(self.view.document, hit, self.view.shown_confidence()) if hit else ""

    def _label_hit(self, pos: QPointF) -> Hit | None:
        """The task whose name lies under a point: a name cut short shows whole in its tooltip."""
        style, scene = self.view.style, self.scene
        if scene is None:
            return None

        def width_of(label) -> float:
            return style.text_width(style.bold_font if label.bold else style.label_font)(label.text)

        row = label_row_at(scene.labels, pos.x(), self.content_y(pos.y()), scene.row_height, width_of)
        return Hit("label", scene.task_ids[row]) if row is not None else None

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        hit = self.hit_at(QPointF(event.pos()))
        if hit is not None and hit.kind == "link":
            menu = build_link_menu(self.view.document, hit.link_id, self)
            self.view.linkMenuShown.emit(menu)
            menu.popup(event.globalPos())
        elif event.pos().y() >= self.view.style.header_height:
            self.view.taskMenuRequested.emit(hit.task_id if hit else None, event.globalPos())

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        """Double-click on a bar or diamond opens its task, as in MS Project and GanttProject."""
        hit = self.hit_at(event.position())
        if event.button() == Qt.LeftButton and hit is not None and hit.task_id is not None:
            self.drag = None
            self.view.document.set_selection([hit.task_id])
            self.view.taskActivated.emit(hit.task_id)
            return
        super().mouseDoubleClickEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802
        if self.hover is not None:
            self.hover = None
            self.update()
        super().leaveEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.scene = None
        self.view.canvas_resized(event.oldSize().width(), self.width())
        super().resizeEvent(event)


def today() -> date:
    """Today's date (one place, so tests and exports agree)."""
    return date.today()

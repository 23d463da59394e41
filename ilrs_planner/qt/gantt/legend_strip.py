"""The legend under the window's chart: one or two tight rows, the rest a click away.

The strip shows each entry's short form and gives its whole wording in a tooltip. When the
entries need more than two rows, the second row ends in "+N more", which unfolds the legend in
full (and "less" folds it again), so the legend never takes the chart's rows away unasked.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QToolTip, QWidget

from ...chart.data import owners_in, symbols_in
from ..plain_text import tooltip
from .legend import TIGHT, LegendItem, legend_items_of, legend_layout, paint_entries, symbols_used

COLLAPSED_ROWS = 2
PAD_X, PAD_Y = 8.0, 3.0
LINK = QColor("#1a73e8")


class LegendStrip(QWidget):
    """Owner colours and symbol keys under the chart, wrapped to its width."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self.items: list[LegendItem] = []
        self.expanded = False
        self.shown: list[tuple[QRectF, LegendItem]] = []  # entries drawn now, from the strip's content origin
        self.hidden: list[LegendItem] = []  # entries a collapsed strip leaves to "+N more"
        self.link_rect: QRectF | None = None  # "+N more" or "less", where it is drawn
        self.link_text = ""
        self._laid_out: tuple[int, object] | None = None  # the width and style the entries were laid out for

    def refresh(self) -> None:
        """Recompute the entries (owners shown, symbols in use) and the height they need."""
        doc, data = self.view.document, self.view.chart_data()
        # The rows' owners and symbols from the chart's arrays; rolled-up milestones show too.
        rolled = [doc.project.tasks[tid] for tid in data.rollups.task_ids if tid in doc.project.tasks]
        # The owners' colours as the chart drew the bars of this plan (reading every task for them cost more).
        kept = data.source.owner_color if data.source is not None and self.view.history is None else None
        owners = owners_in(data) | {task.owner_id for task in rolled}
        items = legend_items_of(doc.project, owners, symbols_in(data) | symbols_used(rolled),
                                critical=self.view.show_critical, baseline=doc.baseline_name is not None,
                                whiskers=bool(self.view.whiskers), today=self.view.history is None,
                                status=self.view.history is None, compact=True, colors=kept,
                                slip_scale=data.slip_scale)
        if items == self.items and self._laid_out is not None and self._laid_out[0] == self.width() \
                and self._laid_out[1] is self.view.style:  # the view replaces its style, never changes it
            return  # the same entries at the same width (most edits): laid out already (2-3 ms of each edit)
        self.items = items
        self._relayout()

    def set_expanded(self, on: bool) -> None:
        """Show every entry (True) or at most two rows ending in "+N more" (False)."""
        self.expanded = bool(on)
        self._relayout()

    def _relayout(self) -> None:
        style = self.view.style
        self._laid_out = (self.width(), style)
        width = max(self.width(), 200) - 2 * PAD_X
        placed = legend_layout(self.items, width, style, TIGHT)
        line_h = style.font_px * TIGHT.line
        rows = round(placed[-1][0].top() / line_h) + 1 if placed else 0
        self.shown, self.hidden, self.link_rect, self.link_text = placed, [], None, ""
        if rows > COLLAPSED_ROWS:
            self._place_link(placed, width, line_h)
        used = max([r.bottom() for r, _ in self.shown] + ([self.link_rect.bottom()] if self.link_rect else [0.0]))
        self.setFixedHeight(int(used + 2 * PAD_Y + 0.999))
        self.update()

    def _place_link(self, placed: list[tuple[QRectF, LegendItem]], width: float, line_h: float) -> None:
        """Collapsed: keep what fits in two rows with room for "+N more" at the end; expanded: "less"."""
        measure = self.view.style.text_width()
        if self.expanded:
            last = placed[-1][0]
            self.link_text = "less"
            x, y = (last.right() + TIGHT.gap, last.top()) if last.right() + TIGHT.gap + measure("less") <= width \
                else (0.0, last.bottom())
            self.link_rect = QRectF(x, y, measure("less") + 4, line_h)
            return
        keep = [(r, i) for r, i in placed if r.top() < (COLLAPSED_ROWS - 1) * line_h + 1]
        while True:
            self.link_text = f"+{len(placed) - len(keep)} more"
            link_w = measure(self.link_text) + 4
            end = keep[-1][0].right() + TIGHT.gap if keep else 0.0
            if end + link_w <= width or not keep:
                break
            keep.pop()
        self.shown, self.hidden = keep, [i for _, i in placed[len(keep):]]
        self.link_rect = QRectF(end, (COLLAPSED_ROWS - 1) * line_h, link_w, line_h)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.size().width() != event.oldSize().width():
            self._relayout()  # a wider strip needs fewer rows: never keep the height of a narrower one
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.white)
        p.setRenderHint(QPainter.Antialiasing, True)
        origin = QPointF(PAD_X, PAD_Y)
        paint_entries(p, self.shown, origin, self.view.style, TIGHT)
        if self.link_rect is not None:
            p.setPen(LINK)
            p.setFont(self.view.style.label_font)
            p.drawText(self.link_rect.translated(origin), Qt.AlignLeft | Qt.AlignVCenter, self.link_text)
        p.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if self.on_link(event.position()):
            self.set_expanded(not self.expanded)
            return
        super().mousePressEvent(event)

    def on_link(self, pos: QPointF) -> bool:
        """True when `pos` (in the strip's coordinates) is on "+N more" or "less"."""
        return self.link_rect is not None and self.link_rect.translated(PAD_X, PAD_Y).contains(pos)

    def tooltip_at(self, pos: QPointF) -> str:
        """An entry's whole wording, or what "+N more" would show."""
        if self.on_link(pos):
            if self.expanded:
                return "Show the legend in two rows"
            return "Show every entry: " + ", ".join(item.detail or item.text for item in self.hidden)
        for rect, item in self.shown:
            if rect.translated(PAD_X, PAD_Y).contains(pos):
                return item.detail or item.text
        return ""

    def event(self, event) -> bool:
        if event.type() == QEvent.ToolTip:
            text = self.tooltip_at(QPointF(event.pos()))
            QToolTip.showText(event.globalPos(), tooltip(text), self) if text else QToolTip.hideText()
            return True
        return super().event(event)

"""The words round a timeline picture: its title, the subtitle's plan figures and the footer's stamp.

The title says what the picture is; the subtitle when it was true (the status date, the page, the
years, the plan's finish); the footer when it was made. Each is cut with "…" to the page's width,
never run over the chart, and remembered as painted.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPen

from ...chart.data import KIND_SUMMARY
from ...domain import format_fuzzy_date
from ...engine.shown_precision import ShownPrecision
from .page_furniture import Furniture
from .style import GRID_MAJOR, LABEL_TEXT, MUTED_TEXT


class PageTexts:
    """The title, subtitle and footer of a TimelinePicture (a mixin: it reads the picture's plan)."""

    furniture: Furniture
    title: str
    page_note: str
    start: date
    end: date
    painted_texts: dict[str, str]
    _figures: tuple[object, list[str]] | None

    def page_of(self, number: int, count: int, first: int) -> str:
        """'page 3 of 3', and whose rows these are when the page opens inside a branch begun on an
        earlier page ('continuing “Agreements & membership”'): the page alone says it."""
        if count <= 1:
            return ""
        note = f"page {number} of {count}"
        ids = self.data.task_ids
        task = self.project.tasks.get(ids[first]) if 0 < first < len(ids) else None
        parent = self.project.tasks.get(task.parent_id) if task is not None and task.parent_id else None
        if parent is not None and self._continues(parent.id, first):
            note += f", continuing “{parent.name}”"
        return note

    def _continues(self, branch_id: str, first: int) -> bool:
        """Does row `first` carry on the branch whose summary is printed above it, every row between
        them its own? (A table sorted by duration prints a phase far from its tasks.)"""
        ids, start = self.data.task_ids, self.data.row_of.get(branch_id, first)
        return start < first and all(self._within(ids[row], branch_id) for row in range(start + 1, first))

    def _within(self, task_id: str, branch_id: str) -> bool:
        """Is `task_id` the branch's summary or under it?"""
        tasks, at = self.project.tasks, task_id
        while at is not None and at != branch_id:
            at = tasks[at].parent_id if at in tasks else None
        return at == branch_id

    def _paint_title(self, p: QPainter, width: float) -> float:
        f = self.furniture
        p.setPen(LABEL_TEXT)
        p.setFont(_font(f.title_px, bold=True))
        y, room = f.margin, width - 2 * f.margin
        title = self._fitted("title", p, self.title, room)
        p.drawText(QRectF(f.margin, y, room, f.title_px * 1.3), Qt.AlignLeft | Qt.AlignVCenter, title)
        y += f.title_px * 1.3
        p.setPen(MUTED_TEXT)
        p.setFont(_font(f.subtitle_px))
        subtitle = self._fitted("subtitle", p, self._subtitle(), room)
        p.drawText(QRectF(f.margin, y, room, f.subtitle_px * 1.8), Qt.AlignLeft | Qt.AlignVCenter, subtitle)
        return f.top

    def _fitted(self, part: str, p: QPainter, text: str, room: float) -> str:
        """`text` in the painter's font, cut with "…" to `room` (a plan may be named at length),
        remembered as painted."""
        shown = QFontMetricsF(p.font()).elidedText(text, Qt.TextElideMode.ElideRight, room)
        self.painted_texts[part] = shown
        return shown

    def _years(self) -> str:
        """'2018–2052' for the years shown; one year alone ('2027', not '2027–2027') when inside it."""
        last = self.end.year - (1 if self.end.timetuple().tm_yday == 1 else 0)
        return str(last) if last <= self.start.year else f"{self.start.year}–{last}"

    def _subtitle(self) -> str:
        as_of = self.moment.as_of if self.moment else self.project.status_date
        parts = [f"As of {as_of.isoformat()}" if as_of else "No status date set"]
        parts += [self.page_note] if self.page_note else []
        parts += [self.moment.topic] if self.moment and self.moment.topic else []
        parts.append(self._years())
        if self.schedule is not None and self.moment is None:
            parts += self._plan_figures()
        if self.baseline:
            parts.append(f"compared with baseline “{self.project.baseline(self.baseline).name}”")
        return "  ·  ".join(parts)

    def _plan_figures(self) -> list[str]:
        """The plan's finish and its critical tasks, as the window's status bar reads them: worked out
        once for the rows shown (a print of 100,000 rows has thousands of pages under the same line)."""
        if self._figures is None or self._figures[0] is not self.data:
            # As precisely as the tasks finishing then are known, as the window's status bar reads it.
            precision = ShownPrecision(self.project, self.schedule).finish_precision()
            # Work that is critical, as the window's status bar counts it: phases spanning it are not extra tasks.
            critical = int((self.data.critical & (self.data.kind != KIND_SUMMARY)).sum())
            self._figures = (self.data, [f"plan finish {format_fuzzy_date(self.schedule.last_day(), precision)}",
                                         f"{critical} critical task{'s' if critical != 1 else ''} of {len(self.data)} "
                                         f"row{'s' if len(self.data) != 1 else ''} shown"])
        return self._figures[1]

    def _paint_footer(self, p: QPainter, width: float, height: float) -> None:
        margin, footer_px = self.furniture.margin, self.furniture.footer_px
        y = height - margin - footer_px * 1.6
        p.setPen(QPen(GRID_MAJOR, 0.8))
        p.drawLine(QPointF(margin, y - 4), QPointF(width - margin, y - 4))
        p.setPen(MUTED_TEXT)
        p.setFont(_font(footer_px))
        stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        box = QRectF(margin, y, width - 2 * margin, footer_px * 1.6)
        maker, metrics = "ILRS Planner", QFontMetricsF(p.font())
        made = f"  ·  generated {stamp}"
        room = box.width() - metrics.horizontalAdvance(maker) - 3 * footer_px
        # A long plan name is cut, never the time it was made (how current the picture is), nor
        # run under the maker's name.
        name_room = room - metrics.horizontalAdvance(made)
        name = metrics.elidedText(self.project.name, Qt.TextElideMode.ElideRight, name_room)
        p.drawText(box, Qt.AlignLeft | Qt.AlignVCenter, self._fitted("footer", p, name + made, room))
        p.drawText(box, Qt.AlignRight | Qt.AlignVCenter, maker)


def _font(pixel_size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(int(round(pixel_size)))
    font.setBold(bold)
    return font

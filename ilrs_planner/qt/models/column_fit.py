"""How wide a table column must be for its cells to read whole, measured from the text the rows show.

The model answers every cell's size hint with a fixed row height and no width (asking each cell for
its width made the table slow at 100,000 rows), so Qt's resizeColumnToContents cannot size a column:
this measures the shown text with the fonts the rows are drawn in, the first rows only (at
100,000 tasks a thousand rows took 0.2 s of the first showing).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyle, QTableView

from .task_columns import Column
from .task_delegate import ARROW, INDENT

SAMPLE_ROWS = 100  # the first rows, a few screens of them: enough to judge, ~20 ms at any plan size
ICON_ROOM = 22  # a task's icon and the space after it, before its name


def text_margins(view: QTableView) -> int:
    """The room a cell leaves around its text (the style's focus frame on either side, and a little more)."""
    return 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1) + 4


def content_width(view: QTableView, column: int, rows: int = SAMPLE_ROWS) -> int:
    """The width the column's widest shown text needs (with the outline's indent for Name), or 0 without rows."""
    model = view.model()
    return indexes_width(view, [model.index(row, column) for row in range(min(model.rowCount(), rows))])


def indexes_width(view: QTableView, indexes: Iterable[QModelIndex]) -> int:
    """The width the widest text of the cells at `indexes` needs in its column, or 0 without any."""
    model, font = view.model(), QFont(view.font())
    plain = QFontMetrics(font)
    font.setBold(True)
    bold = QFontMetrics(font)
    widest = 0
    for index in indexes:
        metrics = bold if index.data(Qt.ItemDataRole.FontRole) is not None else plain
        widest = max(widest, metrics.horizontalAdvance(str(index.data() or "")) + _outline_room(model, index))
    return widest + text_margins(view) if widest else 0


def _outline_room(model, index) -> int:
    """Name's indent by outline level, the open/close arrow and the icon drawn before the text."""
    if index.column() != int(Column.NAME) or not hasattr(model, "depth"):
        return 0
    task_id = model.task_id(index)
    return (model.depth(task_id) * INDENT if task_id is not None else 0) + ARROW + ICON_ROOM

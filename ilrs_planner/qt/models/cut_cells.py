"""A cell the table shows only part of is drawn in the part shown, its text cut with "…".

Scrolled sideways, the task table cuts the columns at its right edge and slides others under the
frozen ID and Name columns. Drawn whole and clipped, a cell read as a complete value: the Start
"2026-12-01" with only its tail "2-01" beside the names, a Total float "6,935 d" at the right edge
as "6,935" without its unit, a Predecessors "2FS+3 days" as "2F". Drawn in the part in sight, Qt
elides the text as it does in any column too narrow for it ("6,9…", "2026-…"), which reads as cut.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyleOptionViewItem

from .frozen_columns import FROZEN

_FROZEN = frozenset(map(int, FROZEN))


def in_sight(option: QStyleOptionViewItem, column: int) -> QStyleOptionViewItem:
    """`option` with its rectangle cut to the part of the cell the table shows (itself when all of it shows)."""
    view = option.widget
    if view is None or not hasattr(view, "frozen_strip") or column in _FROZEN:
        return option
    left = view.frozen_strip() if view.horizontalOffset() else 0
    seen = option.rect.intersected(QRect(left, option.rect.top(), view.viewport().width() - left,
                                         option.rect.height()))
    if seen == option.rect or seen.isEmpty():
        return option
    cut = QStyleOptionViewItem(option)
    cut.rect = seen
    return cut

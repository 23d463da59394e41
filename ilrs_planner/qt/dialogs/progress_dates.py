"""The date cells of the Update progress table (Start, Last day): a date editor with a calendar pop-up.

A person types the date (year, month and day, each section in turn; the keyboard's arrows step a
section) or picks it from the calendar (Alt+Down or F4 opens it). The cell keeps ISO text, so what
is read back is what was shown; a cell whose text is not a date (it never should be) opens on the
status date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDateEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ...domain import PlannerError, parse_iso_date
from ..analysis.common import date_edit, to_qdate

ISO = "yyyy-MM-dd"


class DateCellDelegate(QStyledItemDelegate):
    """Edits an ISO date cell with a QDateEdit; `fallback` gives the date a cell without one opens on."""

    def __init__(self, fallback, parent=None):
        super().__init__(parent)
        self.fallback = fallback
        self.editor_size = date_edit(date(2030, 12, 31)).sizeHint()  # an open editor's least size

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        """Where the text stands, widened to the editor's own width: the column is only as wide as the
        date shown (the table fits a narrow window), and an open editor may cover its neighbour,
        to the right, or to the left at the table's edge."""
        super().updateEditorGeometry(editor, option, index)
        geometry, width = editor.geometry(), max(editor.geometry().width(), self.editor_size.width())
        room = editor.parentWidget().width() if editor.parentWidget() is not None else geometry.right() + width
        geometry.setLeft(max(0, min(geometry.left(), room - width)))
        geometry.setWidth(width)
        editor.setGeometry(geometry)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = date_edit(self.fallback())
        editor.setParent(parent)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        day = _parsed(str(index.data(Qt.ItemDataRole.EditRole) or "")) or self.fallback()
        editor.setDate(to_qdate(day))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QDateEdit)
        editor.interpretText()  # a date typed but not yet confirmed by leaving the section
        model.setData(index, editor.date().toString(ISO), Qt.ItemDataRole.EditRole)


def _parsed(text: str) -> date | None:
    try:
        return parse_iso_date(text.strip())
    except PlannerError:
        return None

"""A table's name column that takes the width the other columns leave, but never less than a few words.

A column in QHeaderView's Stretch mode gets what the others leave and nothing more: in a dock 800
pixels wide the slip report's Name column shrank to two letters while the dates kept their widths,
and its names wrapped into rows of "…". Here the column fills the rest of the table as before, down
to `least` pixels; below that the table scrolls sideways instead, each name cut with "…" on one line.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

NAME_LEAST = 180  # pixels: about 25 characters, enough to tell "Chang'e 8 ISRU and 3D-printing test" apart


class ReadableColumn(QObject):
    """Keeps `column` of `table` as wide as the room left, and at least `least` pixels."""

    def __init__(self, table: QAbstractItemView, column: int, least: int = NAME_LEAST):
        super().__init__(table)
        self.table, self.column, self.least = table, column, least
        header = self.header()
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        table.setWordWrap(False)  # one line a row: a cut name ends in "…", whole in its tooltip
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(self)
        header.sectionResized.connect(self._other_resized)  # the others follow their contents

    def header(self) -> QHeaderView:
        header = getattr(self.table, "horizontalHeader", None)
        return header() if header is not None else self.table.header()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def _other_resized(self, section: int, _old: int, _new: int) -> None:
        if section != self.column:
            self.fit()

    def fit(self) -> None:
        """Give the column the room the other shown columns leave, or `least` pixels when that is less."""
        header = self.header()
        others = sum(header.sectionSize(c) for c in range(header.count())
                     if c != self.column and not header.isSectionHidden(c))
        width = max(self.least, self.table.viewport().width() - others)
        if header.sectionSize(self.column) != width:
            header.resizeSection(self.column, width)

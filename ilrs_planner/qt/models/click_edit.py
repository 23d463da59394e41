"""Click a cell of a selected row to edit it, without losing the keys typed straight after.

Qt's own "selected clicked" trigger waits a double-click interval before it opens the editor (the
click may be the first of a double-click, which opens the task's details), and while it waits it
refuses the editor a key press would open. A planner who clicks a cell of the selected row and
types at once lost what they typed: "12" and Enter left the duration as it was, "1w" became "w".
This is the same wait, kept by the table itself, and a key press, a double-click or another press
cancels it, so a typed key opens the editor at once with that key in it, as in MS Project.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication


class ClickEdit(QObject):
    """Opens the editor of the cell clicked in an already selected row, once no double-click came."""

    def __init__(self, view: QAbstractItemView):
        super().__init__(view)
        self.view = view
        self.armed = False  # the press fell on a selected row: its release may start the wait
        self.wait = QTimer(self, singleShot=True)
        self.wait.timeout.connect(self._edit)

    def pressed(self, index: QModelIndex, button: Qt.MouseButton, modifiers: Qt.KeyboardModifier) -> None:
        """A press the table handles as a click on a cell (before the click changes the selection)."""
        self.cancel()
        self.armed = (button == Qt.MouseButton.LeftButton and modifiers == Qt.KeyboardModifier.NoModifier
                      and index.isValid() and self.view.state() != QAbstractItemView.State.EditingState
                      and self.view.selectionModel().isSelected(index))

    def released(self, index: QModelIndex) -> None:
        """The button came up: on the cell it went down on, the wait for a double-click starts."""
        if self.armed and index.isValid() and index == self.view.currentIndex():
            self.wait.start(QApplication.doubleClickInterval())
        self.armed = False

    def cancel(self) -> None:
        """A key, a double-click or another press came first: no delayed editor."""
        self.wait.stop()
        self.armed = False

    def _edit(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and self.view.state() != QAbstractItemView.State.EditingState:
            self.view.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)

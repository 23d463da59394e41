"""How the task table's cells take typing, as in MS Project: Enter applies a cell and moves down a
row, a command given while a cell is open acts on what was typed (or Undo takes the typing back),
and keys typed into a cell that takes none say why instead of jumping elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QComboBox, QLineEdit

from .task_tree_model import TASK_ID_ROLE


class CellTyping:
    """Mixed into the task table (a QTableView with `source_model`, `typingRefused` and
    `addTakenBack` signals and `proxy_index`); `_naming` is the task just added whose name is being
    typed, `_entering` the task just added whose row the planner is still filling in (until the
    cursor goes to another row)."""

    _naming: str | None = None
    _entering: str | None = None

    def closeEditor(self, editor, hint) -> None:
        """Enter applies the cell and moves to the row below, as in MS Project: durations typed
        down a column ('5d', Enter, '3d', Enter) go to one task each, not all to the first."""
        if editor is not self.indexWidget(self.currentIndex()):  # closed already (Insert right after Enter)
            super().closeEditor(editor, hint)
            return
        naming, self._naming = self._naming, None
        super().closeEditor(editor, hint)
        if naming is not None and hint == QAbstractItemDelegate.EndEditHint.RevertModelCache:
            # Esc in a new row adds nothing, as in MS Project: the task just added goes again.
            self._entering = None
            self.addTakenBack.emit(naming)
            return
        delegate = self.itemDelegate()
        refused = getattr(delegate, "refused_typing", None)
        if refused is not None:
            delegate.refused_typing = None
        if refused is not None and refused[0].isValid():
            # As MS Project: a refused entry leaves the planner in the cell with what was typed, to
            # mend one character of a long predecessor list rather than type it all again.
            QTimer.singleShot(0, lambda: self._type_again(QModelIndex(refused[0]), refused[1]))
            return
        # A task just added keeps its row while it is being filled in (its name, then Tab to its
        # Duration, Enter), so the next Insert adds below it and Insert, name, Tab, duration, Enter,
        # Insert... lists tasks in the order typed. Moving down put the next Insert under whatever row
        # came next: the next phase's summary, so a work package typed so was spread over the plan.
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and naming is None and not self._filling_in():
            below = self.currentIndex().siblingAtRow(self.currentIndex().row() + 1)
            if below.isValid():
                flags = QItemSelectionModel.SelectionFlag
                self.selectionModel().setCurrentIndex(below, flags.ClearAndSelect | flags.Rows)

    def _filling_in(self) -> bool:
        """Is the current row the task just added, still being filled in cell by cell?"""
        return self._entering is not None and self.currentIndex().data(TASK_ID_ROLE) == self._entering

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        """The cursor taken to another row ends the filling in of the task just added there."""
        super().currentChanged(current, previous)
        if self._entering is not None and current.data(TASK_ID_ROLE) != self._entering:
            self._entering = None

    def _type_again(self, index: QModelIndex, text: str) -> None:
        """Open the cell at `index` again holding `text` (its refused typing), modified."""
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        if self.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None):
            editor = self.indexWidget(index)
            if isinstance(editor, QComboBox):  # the Owner cell: its typed text, not an entry chosen
                editor = editor.lineEdit()
            if isinstance(editor, QLineEdit):
                editor.setText(text)
                editor.setModified(True)

    def keyboardSearch(self, search: str) -> None:
        """Keys typed into a cell that takes no typing say why, and go nowhere. (Qt's default
        jumped to the next row whose cell began with the key: '2' typed into a phase's Duration
        selected the task of 20 days, and the '0' after it made that task a milestone.)"""
        index = self.currentIndex()
        editable = bool(self.model().flags(index) & Qt.ItemFlag.ItemIsEditable)
        if index.isValid() and search.strip() and not editable and self.state() != QAbstractItemView.State.EditingState:
            self.typingRefused.emit(self.source_model.why_not_editable(index))

    def commit_open_editor(self) -> bool:
        """Apply what is being typed into a cell and close its editor (before a command runs); False
        when the typing was refused (the cell opens again holding it, as after Enter)."""
        # Enter hands its cell to the delegate in a queued call; Insert pressed straight after it
        # comes first unless that call is made now.
        QCoreApplication.sendPostedEvents(self.itemDelegate(), QEvent.Type.MetaCall)
        editor = self.indexWidget(self.currentIndex())
        if editor is None:
            return True
        self.commitData(editor)
        refused = getattr(self.itemDelegate(), "refused_typing", None) is not None
        self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return not refused

    def cancel_open_editor(self) -> bool:
        """Close the cell being typed into without applying it (Esc); True when one was open."""
        QCoreApplication.sendPostedEvents(self.itemDelegate(), QEvent.Type.MetaCall)  # an Enter already pressed
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        return editor is not None

    def edit_name(self, task_id: str) -> None:
        """Start typing the name of `task_id` (after Add task)."""
        index = self.proxy_index(task_id, 0)
        if index.isValid():
            self.scrollTo(index)
            # Not setCurrentIndex(index): that reads the keys held, and Ctrl, still down after the
            # Ctrl+M that added the task, turned the selection of the new row into its toggling off.
            flags = QItemSelectionModel.SelectionFlag
            self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
            self._entering = task_id
            if self.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None):
                self._naming = task_id

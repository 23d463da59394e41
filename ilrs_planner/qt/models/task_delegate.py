"""Cell editors of the task table: a list of participants for Owner, typed text elsewhere."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from .task_columns import Column, owner_label


class TaskDelegate(QStyledItemDelegate):
    """Owner is chosen from the plan's participants (or none); other cells take typed text."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent, option, index):
        if index.column() != int(Column.OWNER):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem("", "")
        people = sorted(self.document.project.participants.values(), key=lambda p: owner_label(p.name, p.key))
        for part in people:
            label = owner_label(part.name, part.key)
            combo.addItem(f"{label} — {part.name}" if label != part.name else label, label)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data() or ""), 0))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            if editor.currentData() is not None:
                model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)

"""How the task table's cells look and are edited: the outline drawn in the Name column (indent
and open/close arrow), a list of participants for Owner, typed text elsewhere."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .cell_text import owner_label
from .cut_cells import in_sight
from .task_columns import Column

INDENT = 16  # pixels per outline level, as the tree view drew them
ARROW = 16  # the open/close arrow's column before each name


class TaskDelegate(QStyledItemDelegate):
    """Names sit indented by outline level behind their summary's arrow; Owner is chosen from the
    plan's participants (or none); other cells take typed text."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        # (cell, text) of the last typing refused, until the table opens that cell again on it
        self.refused_typing: tuple[QPersistentModelIndex, str] | None = None

    @staticmethod
    def arrow_span(rect: QRect, depth: int) -> tuple[int, int]:
        """The x range of a row's arrow inside its Name cell `rect`."""
        left = rect.left() + depth * INDENT
        return left, left + ARROW

    def _outline(self, index) -> tuple[int, bool, bool] | None:
        """(depth, summary, open) of the Name cell at `index`, None for other cells."""
        model = index.model()
        if index.column() != int(Column.NAME) or not hasattr(model, "depth"):
            return None
        task_id = model.task_id(index)
        if task_id is None:
            return None
        return model.depth(task_id), model.has_children(task_id), model.is_open(task_id)

    def paint(self, painter, option, index) -> None:
        outline = self._outline(index)
        if outline is None:  # a cell the table cuts at its edge drawn in the part shown, cut with "…"
            return super().paint(painter, in_sight(option, index.column()), index)
        depth, summary, opened = outline
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text, background.icon = "", QIcon()  # the panel alone: the text is drawn indented below
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, background, painter, widget)
        if summary:
            left, right = self.arrow_span(option.rect, depth)
            branch = QStyleOptionViewItem(option)
            branch.rect = QRect(left, option.rect.top(), right - left, option.rect.height())
            branch.state = option.state | QStyle.StateFlag.State_Children
            if opened:
                branch.state |= QStyle.StateFlag.State_Open
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, branch, painter, widget)
        text = QStyleOptionViewItem(option)
        text.rect = option.rect.adjusted(depth * INDENT + ARROW, 0, 0, 0)
        super().paint(painter, text, index)

    def sizeHint(self, option, index):
        hint = super().sizeHint(option, index)
        outline = self._outline(index)
        if outline is not None:
            hint.setWidth(hint.width() + outline[0] * INDENT + ARROW)
        return hint

    def updateEditorGeometry(self, editor, option, index) -> None:
        outline = self._outline(index)
        if outline is None:
            return super().updateEditorGeometry(editor, option, index)
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(outline[0] * INDENT + ARROW, 0, 0, 0)
        super().updateEditorGeometry(editor, shifted, index)

    def createEditor(self, parent, option, index):
        if index.column() != int(Column.OWNER):
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.addItem("", "")
        people = sorted(self.document.project.participants.values(), key=lambda p: owner_label(p.name, p.key))
        for part in people:
            label = owner_label(part.name, part.key)
            combo.addItem(f"{label} — {part.name}" if label != part.name else label, label)
        # Typed as well as chosen: a key or name typed is read as the cell reads it, and anything else
        # refused naming the participants (a list alone kept its choice over 'XYZ' without a word).
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        return combo

    def setEditorData(self, editor, index):
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(index.data() or ""), 0))
            editor.lineEdit().selectAll()  # typing replaces the owner shown, as in the other cells
        else:
            super().setEditorData(editor, index)

    def eventFilter(self, editor, event) -> bool:
        """The focus leaving the window (for the box that refuses a cell's typing, or another program)
        neither applies the cell nor closes it, as in MS Project: Tab applied a bad entry, the box
        took the focus, and the cell's text, applied again on that, opened a second box exactly over
        the first; the box closed, the window's losing the focus opened a third."""
        if event.type() == QEvent.Type.FocusOut and (
                QApplication.activeModalWidget() is not None
                or event.reason() == Qt.FocusReason.ActiveWindowFocusReason):
            return False
        return super().eventFilter(editor, event)

    def setModelData(self, editor, model, index):
        if index.column() == int(Column.CONFIDENCE) and isinstance(editor, QLineEdit) and not editor.isModified():
            return  # Enter without typing: a pushed task's shown word is not made its stated one
        refusals: list[object] = []

        def refused(error, _initiator) -> None:
            refusals.append(error)

        self.document.refused.connect(refused)
        try:
            if isinstance(editor, QComboBox):
                model.setData(index, _owner_typed(editor))
            else:
                super().setModelData(editor, model, index)
        finally:
            self.document.refused.disconnect(refused)
        if refusals and isinstance(editor, QLineEdit | QComboBox):  # the table opens the cell again on it
            typed = editor.currentText() if isinstance(editor, QComboBox) else editor.text()
            self.refused_typing = (QPersistentModelIndex(index), typed)


def _owner_typed(combo: QComboBox) -> str:
    """The owner the Owner cell's editor holds: the participant whose entry is shown, else the text as
    typed (a key or a name, which the cell reads or refuses naming the participants)."""
    text = combo.currentText().strip()
    chosen = combo.findText(text, Qt.MatchFlag.MatchFixedString)  # an entry, whatever its letters' case
    return str(combo.itemData(chosen)) if chosen >= 0 else text

"""The comparison view: what another plan changes, colour-coded (added green, removed red, changed amber)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...sharing.diff import PlanDiff, SectionDiff
from ...sharing.diff_text import item_changes, show_value
from ..plain_text import plain_label, tooltip
from ..readable_column import ReadableColumn
from ..screen_fit import available_area

ADDED, REMOVED, CHANGED = "#c8e6c9", "#ffcdd2", "#ffe0b2"  # green, red, amber (light, text stays legible)
FRAME_ROOM = 40  # the window frame and title bar around a dialog sized to the screen
COLUMNS, MOVE = 4, 3  # item, was, is, and a milestone's move ('+2 mo')
SECTIONS = (("tasks", "Tasks"), ("links", "Dependencies"), ("participants", "Participants"),
            ("baselines", "Baselines"))


def _branch(tree: QTreeWidget, title: str) -> QTreeWidgetItem:
    item = QTreeWidgetItem(tree, [title])
    font = item.font(0)
    font.setBold(True)
    item.setFont(0, font)
    return item


def _item(parent, texts: list[str], colour: str | None = None) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent, texts)
    for column, text in enumerate(texts):
        if text:  # a long name or note is cut with "…" by its column; the tooltip shows it whole
            item.setToolTip(column, tooltip(text))
    item.setTextAlignment(MOVE, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour:
        for column in range(COLUMNS):
            item.setBackground(column, QBrush(QColor(colour)))
    return item


class ComparisonDialog(QDialog):
    """A tree: one branch per section, one row per object, one child per changed field (old → new)."""

    def __init__(self, diff: PlanDiff, this_name: str, other_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Compare with {other_name}")
        self.diff = diff
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Item", "Was (this plan)", "Is (other plan)", "Move"])
        self.tree.setAlternatingRowColors(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._fill()
        self.tree.expandAll()
        self._size_columns()
        summary = plain_label(self._summary(this_name, other_name))
        summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self._fit_size(900, 600)

    def _fit_size(self, width: int, height: int) -> None:
        """`width` × `height`, or the screen's free area less room for the frame: on an 800 × 600
        screen a 900-pixel dialog hid its Move column and its Close button past the screen's edge."""
        area = available_area(self)
        if area is not None and not area.isEmpty():
            width, height = min(width, area.width() - FRAME_ROOM), min(height, area.height() - FRAME_ROOM)
        self.resize(width, height)

    def _size_columns(self) -> None:
        """The dates and moves as wide as their longest entry and header, so no figure is ever cut;
        the item's name takes the rest of the width, never less than a few words (below that the
        tree scrolls sideways: a long value squeezed it to "dur…"), cut with "…" (whole in its tooltip)."""
        header = self.tree.header()
        self.item_column = ReadableColumn(self.tree, 0)
        for column in range(1, COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(60)

    def _summary(self, this_name: str, other_name: str) -> str:
        if self.diff.is_empty():
            return f"'{other_name}' has the same content as this plan."
        counts = [f"{len(s.added)} added, {len(s.removed)} removed, {len(s.changed)} changed {name.lower()}"
                  for key, name in SECTIONS if not (s := getattr(self.diff, key)).is_empty()]
        return f"Changes from this plan ('{this_name}') to '{other_name}': " + "; ".join(counts) + \
            ". Green: only in the other plan; red: only in this plan; amber: changed."

    def _fill(self) -> None:
        if self.diff.plan:
            branch = _branch(self.tree, "Plan")
            for change in self.diff.plan:
                _item(branch, [change.field, show_value(change.old), show_value(change.new)], CHANGED)
        for key, title in SECTIONS:
            section: SectionDiff = getattr(self.diff, key)
            if section.is_empty():
                continue
            branch = _branch(self.tree, title)
            for item in section.added:
                _item(branch, [item.label, "", "added"], ADDED)
            for item in section.removed:
                _item(branch, [item.label, "removed", ""], REMOVED)
            for item in section.changed:
                row = _item(branch, [item.label, "", ""], CHANGED)
                for what, was, now in item_changes(item):  # days with their unit, tasks by name, as elsewhere
                    _item(row, [what, was, now], CHANGED)
        if self.diff.milestone_moves:
            branch = _branch(self.tree, "Milestone moves")
            for move in self.diff.milestone_moves:  # the move in a column of its own: a long name cannot hide it
                _item(branch, [move.label, *move.shown(), move.variance()], CHANGED)
        for note in self.diff.schedule_notes:
            _item(self.tree, [note])

    def highlight_colours(self) -> dict[str, str]:
        """Task id -> colour for the Gantt (tasks of this plan: changed amber, missing in the other red)."""
        colours = {item.id: "#d32f2f" for item in self.diff.tasks.removed}
        colours.update({item.old_id or item.id: "#f57c00" for item in self.diff.tasks.changed})
        return colours

"""Export for partner: the level the partner may see, and whether the notes go with the copy."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...domain import Classification

LEVEL_TEXT = {
    Classification.PUBLIC: "Everyone — anyone",
    Classification.PARTNERS: "Partners — ILRS partner institutions",
    Classification.RESTRICTED: "Restricted — everything",
}
# Redaction withholds names and rare words of what it leaves out; it cannot read a sentence as a person does.
NOTES_TEXT = ("Notes are prose: names of withheld work are removed from them, the rest travels as written. "
              "Leave them out when a note may tell what the copy withholds.")


@dataclass(frozen=True)
class PartnerCopy:
    """What the planner chose for a partner copy."""

    level: Classification
    without_notes: bool = False


class PartnerCopyDialog(QDialog):
    """A level list and a 'Leave notes out' box."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Export for partner")
        self.level = QComboBox()
        for level, text in LEVEL_TEXT.items():
            self.level.addItem(text, level)
        self.without_notes = QCheckBox("Leave notes out")
        explained = QLabel(NOTES_TEXT)
        explained.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Wide enough that the explanation reads in two or three lines, not a narrow column.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        layout = QVBoxLayout(self)
        for widget in (QLabel("The partner may see tasks classified:"), self.level, self.without_notes, explained,
                       buttons):
            layout.addWidget(widget)

    def choice(self) -> PartnerCopy:
        """The level and notes choice shown."""
        return PartnerCopy(Classification(self.level.currentData()), self.without_notes.isChecked())

"""ParticipantTableModel: member states and organisations with the date each signed."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from ...commands.base import ChangeSet
from ...commands.participants import ClassifyParticipant
from ...domain import Classification, Participant, format_fuzzy_date
from ..change_effects import effects_of
from ..document import Document
from ..plain_text import tooltip

HEADERS = ("Name", "Kind", "Signed", "Key", "Seen by", "Source")
LEVEL_COLUMN = 4
# Who may know a participant takes part: partner copies below the level leave it out.
LEVEL_LABELS = {level: level.label for level in Classification}
SORT_ROLE = Qt.ItemDataRole.UserRole


class ParticipantTableModel(QAbstractTableModel):
    """One row per participant of the plan, in signing order; refreshed when participants change."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        self._rows = self._ordered()
        document.changed.connect(self._on_changed)

    def _ordered(self) -> list[Participant]:
        people = list(self.document.project.participants.values())
        return sorted(people, key=lambda p: (p.joined is None, p.joined or 0, p.name))

    def _reload(self) -> None:
        self.beginResetModel()
        self._rows = self._ordered()
        self.endResetModel()

    def _on_changed(self, changes: ChangeSet, _initiator: object) -> None:
        if effects_of(changes).participants:
            self._reload()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        part, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(part, column)
        if role == Qt.ItemDataRole.EditRole and column == LEVEL_COLUMN:
            return part.classification.value
        if role == SORT_ROLE:
            if column == 2:  # by date; 'not known' after every known date
                return part.joined.toordinal() if part.joined else 10**7
            return self._text(part, column).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(part.notes) or None
        return None

    @staticmethod
    def _text(part: Participant, column: int) -> str:
        if column == 0:
            return part.name
        if column == 1:
            return part.kind.value.capitalize()
        if column == 2:
            return format_fuzzy_date(part.joined, part.joined_precision) if part.joined else "not known"
        if column == 3:
            return part.key
        if column == LEVEL_COLUMN:
            return LEVEL_LABELS[part.classification]
        return part.source_url

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == LEVEL_COLUMN else flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        """A new classification from the 'Seen by' combo, as one undoable edit."""
        if role != Qt.ItemDataRole.EditRole or index.column() != LEVEL_COLUMN:
            return False
        part = self._rows[index.row()]
        if value == part.classification:
            return False
        return self.document.try_push(ClassifyParticipant(part.id, value), self)

    def participants(self) -> list[Participant]:
        """The rows' participants, in model order."""
        return list(self._rows)

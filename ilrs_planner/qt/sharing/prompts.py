"""Every question the sharing tools ask the planner, in one place (tests replace these functions)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain import PlannerError
from ..dialogs.messages import message_box, show_error
from .partner_dialog import PartnerCopy, PartnerCopyDialog

PLAN_FILTER = "ILRS plans (*.db)"
EXCHANGE_FILTERS = {
    ".xml": "MS Project XML (*.xml)", ".csv": "CSV task table (*.csv)",
    ".xlsx": "Excel workbook (*.xlsx)", ".ics": "iCalendar milestones (*.ics)",
    # Read through MPXJ (needs Java and the [mpp] extra; without them the import says what to install).
    ".mpp": "MS Project (*.mpp)", ".mpx": "MPX (*.mpx)", ".xer": "Primavera P6 (*.xer)",
    ".pmxml": "Primavera P6 XML (*.pmxml)", ".gan": "GanttProject (*.gan)", ".pod": "ProjectLibre (*.pod)",
    ".pp": "Asta Powerproject (*.pp)",
}


def filters_for(extensions: list[str], *, any_first: bool = False) -> str:
    """A file-dialog filter string for these extensions, the first one selected by default. With
    `any_first` (opening), a filter for every one of them comes first, so a partner's file shows
    whatever its kind."""
    known = [e for e in extensions if e in EXCHANGE_FILTERS]
    every = [f"All supported files ({' '.join('*' + e for e in known)})"] if any_first else []
    return ";;".join(every + [EXCHANGE_FILTERS[e] for e in known])


def open_file(parent: QWidget, title: str, folder: str, file_filter: str) -> str:
    """A file to read ('' when cancelled)."""
    return QFileDialog.getOpenFileName(parent, title, folder, file_filter)[0]


def save_file(parent: QWidget, title: str, suggestion: str, file_filter: str) -> tuple[str, str]:
    """A file to write and the filter chosen (('', '') when cancelled)."""
    return QFileDialog.getSaveFileName(parent, title, suggestion, file_filter)


def choose_partner_copy(parent: QWidget) -> PartnerCopy | None:
    """The classification level a partner may see and whether notes go along (None when cancelled)."""
    dialog = PartnerCopyDialog(parent)
    return dialog.choice() if dialog.exec() else None


def inform(parent: QWidget, title: str, text: str, details: list[str] | None = None) -> None:
    """A message, with a list (warnings, conflicts) in the expandable details."""
    box = message_box(QMessageBox.Icon.Information, title, text, parent, QMessageBox.StandardButton.Ok)
    if details:
        box.setDetailedText("\n".join(details))
    box.exec()


def fail(parent: QWidget, title: str, error: PlannerError) -> None:
    """A failure as sentences (the plan is left as it was)."""
    show_error(parent, title, error)


def resolve_conflicts(parent: QWidget, result) -> dict[str, str] | None:
    """Let the planner pick ours/theirs for each conflict; None when the merge is cancelled."""
    from .merge_dialog import ConflictDialog

    dialog = ConflictDialog(result.conflicts, parent)
    return dialog.choices() if dialog.exec() else None

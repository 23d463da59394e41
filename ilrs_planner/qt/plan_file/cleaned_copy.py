"""The refusal of a plan whose text holds bidirectional controls, with a way back: a cleaned copy.

Plans saved before text could not hold them no longer open. The refusal box offers "Open a cleaned
copy…": the planner chooses where to save it, store/repair.py writes it (dropping only those
characters; any other problem refuses as before), and a second box lists every removal and, for a
signed plan, says the copy is unsigned and whose signature was left behind. The original file is
only read.
"""

from __future__ import annotations

import os

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...domain import PlannerError
from ...store.repair import Repaired, repair_copy
from ..dialogs.messages import message_box, sentence, show_error

OFFER = "Open a cleaned copy…"


def offer_cleaned_copy(parent: QWidget, path: str, error: PlannerError, file_filter: str) -> str | None:
    """Explain the refusal and offer the copy; the path of the copy written, or None."""
    box = message_box(QMessageBox.Icon.Warning, "Could not open the plan", sentence(error), parent,
                      QMessageBox.StandardButton.Cancel)
    box.setDetailedText(f"Error code: {error.code}")
    offer = box.addButton(OFFER, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(offer)
    box.exec()
    if box.clickedButton() is not offer:
        return None
    stem, _ = os.path.splitext(path)
    target, _ = QFileDialog.getSaveFileName(parent, "Save the cleaned copy as", f"{stem}-cleaned.db", file_filter)
    if not target:
        return None
    target = target if target.lower().endswith(".db") else target + ".db"
    try:
        repaired = repair_copy(path, target)
    except PlannerError as refusal:
        show_error(parent, "Could not clean the plan", refusal)
        return None
    _report(parent, path, target, repaired)
    return target


def _report(parent: QWidget, path: str, target: str, repaired: Repaired) -> None:
    """What was removed, where: the count in the box, each removal in its details; and whose
    signature the unsigned copy left behind."""
    removals = repaired.removals
    done = repaired.summary()
    text = (f"{done[0].upper()}{done[1:]}, and saved the plan as “{os.path.basename(target)}”. "
            f"“{os.path.basename(path)}” is unchanged.")
    if repaired.dropped_signature is not None:
        note = repaired.signature_note()
        text += f"\n\n{note[0].upper()}{note[1:]}."
    box = message_box(QMessageBox.Icon.Information, "Cleaned copy", text, parent, QMessageBox.StandardButton.Ok)
    box.setDetailedText("\n".join(r.describe() for r in removals))
    box.exec()

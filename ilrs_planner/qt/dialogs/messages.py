"""Turning PlannerErrors into sentences a planner can act on, in a message box."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from ...domain import CODES, PlannerError


def sentence(error: PlannerError) -> str:
    """The code's sentence, then the specifics ('The dependencies form a loop. A → B → A')."""
    general = CODES.get(error.code, "Something went wrong.")
    detail = error.message.strip()
    if detail and detail[0].islower():
        detail = detail[0].upper() + detail[1:]
    if detail and not detail.endswith((".", "!", "?")):
        detail += "."
    return f"{general}\n\n{detail}" if detail else general


def show_error(parent: QWidget | None, title: str, error: PlannerError) -> None:
    """A warning box with the error as sentences and its code in the details, for support."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, sentence(error), QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(f"Error code: {error.code}")
    box.exec()

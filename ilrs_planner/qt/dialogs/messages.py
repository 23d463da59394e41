"""Turning PlannerErrors into sentences a planner can act on, in a message box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ...commands.base import Command
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


def one_line(error: PlannerError) -> str:
    """The error's sentences run together, for a line inside a dialog or panel."""
    return sentence(error).replace("\n\n", " ")


def push_or_explain(push: Callable[[Command], None], build: Callable[[], Command | None], label: QLabel) -> bool:
    """Push the command `build` makes (nothing when it makes none) and say True; when building or
    pushing it is refused, show why in `label` and say False, so the dialog stays open."""
    try:
        command = build()
        if command is not None:
            push(command)
    except PlannerError as error:
        label.setText(one_line(error))
        return False
    return True


def message_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton) -> QMessageBox:
    """A message box showing `text` as text: it may quote a plan, a lock file or a file name, and
    Qt would otherwise render anything that looks like HTML (an `<img>` tag makes it read a file)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def show_error(parent: QWidget | None, title: str, error: PlannerError) -> None:
    """A warning box with the error as sentences and its code in the details, for support."""
    box = message_box(QMessageBox.Icon.Warning, title, sentence(error), parent, QMessageBox.StandardButton.Ok)
    box.setDetailedText(f"Error code: {error.code}")
    box.exec()


def show_refusal(parent: QWidget, error: PlannerError, then: str = "") -> None:
    """A refused edit: a warning saying why (code in the details) that does not block the window;
    `then` says what the planner can do next (a refused cell stays open on what was typed)."""
    text = f"{sentence(error)}\n\n{then}" if then else sentence(error)
    box = message_box(QMessageBox.Icon.Warning, "Edit refused", text, parent, QMessageBox.StandardButton.Ok)
    box.setDetailedText(f"Error code: {error.code}")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def ask(parent: QWidget | None, title: str, text: str, choices: list[str], default: str | None = None) -> str | None:
    """A question with named answers; returns the chosen text, or None if the box was closed."""
    box = message_box(QMessageBox.Icon.Question, title, text, parent)
    buttons = {}
    for choice in choices:
        role = QMessageBox.ButtonRole.RejectRole if choice == "Cancel" else QMessageBox.ButtonRole.AcceptRole
        buttons[box.addButton(choice, role)] = choice
    if default is not None:
        box.setDefaultButton(next(b for b, c in buttons.items() if c == default))
    box.exec()
    return buttons.get(box.clickedButton())

"""Text from a plan, a lock file or a file name shown as text, never rendered as HTML.

Qt renders a label's text, a tooltip or a message box as HTML whenever it looks like HTML (a tag
before the first line break). A partner's plan chooses its own names and notes, so `<img
src="/dev/zero">` in a calendar or baseline name made the window read that file until memory ran
out, on opening; other markup could restyle a verdict such as "Signed by an unknown key". Every
label that can show such text is plain text, and every tooltip that quotes it is escaped.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text literally, whatever it holds."""
    return as_plain(QLabel(text, parent))


def as_plain(label: QLabel) -> QLabel:
    """`label`, set to show its text literally; returned for chaining."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tooltip(text: str | None) -> str:
    """A tooltip that shows `text` literally, line breaks and spacing kept (empty text: no tooltip)."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{escape(text, quote=False)}</p>"

"""Looking through File → Print's preview as a reader does: it paints a page when it comes into view."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def look_through_pages(qtbot, dialog) -> int:
    """Wait for the preview's pages, then show each in turn, first to last, typed into its Page box;
    the number of pages."""
    preview = dialog.preview
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=60000)
    for number in range(1, preview.pageCount() + 1):
        dialog.page_box.setValue(number)
        preview.viewport().repaint()
        QApplication.processEvents()
    return preview.pageCount()

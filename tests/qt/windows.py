"""Windows opened as a person meets them, for the tests that need one on a plan of their own."""

from __future__ import annotations

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow


def shown_main_window(qtbot, document: Document, size: tuple[int, int] = (1300, 700)) -> MainWindow:
    """The main window on `document`, shown and active at `size`, as a person meets it; closing never asks."""
    win = MainWindow(document)
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.resize(*size)
    win.show()
    win.activateWindow()
    qtbot.waitActive(win)
    return win

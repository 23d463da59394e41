"""The main tool bar keeps every tool on screen in a narrow window: smaller icons below a width.

At 22-pixel icons the tool bar's 17 tools need about 600 pixels; in a window narrower than that
Qt moved the last of them (zoom, critical path, export) behind its overflow button. Below
COMPACT_BELOW pixels the icons are drawn at 16 pixels, as MS Project's ribbon shrinks its
buttons, and every tool stays one click away down to about 500 pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QMainWindow, QToolBar

ICONS, COMPACT_ICONS = QSize(22, 22), QSize(16, 16)
COMPACT_BELOW = 640  # pixels of window width


class ToolbarFit(QObject):
    """Sets `toolbar`'s icon size from `window`'s width whenever the window is resized."""

    def __init__(self, window: QMainWindow, toolbar: QToolBar):
        super().__init__(toolbar)
        self.window, self.toolbar = window, toolbar
        window.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        """Compact icons in a narrow window, the usual ones otherwise."""
        size = COMPACT_ICONS if self.window.width() < COMPACT_BELOW else ICONS
        if self.toolbar.iconSize() != size:
            self.toolbar.setIconSize(size)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.fit()
        return False

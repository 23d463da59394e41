"""Keeping the window on its screen: the first size, and a remembered one, fit the available area."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_SIZE = (1600, 950)  # what a large screen gets; smaller screens get all of their free area


def available_area(window: QWidget) -> QRect | None:
    """The free area (without panels and docks of the desktop) of the screen the window opens on."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fit_to_screen(window: QWidget) -> None:
    """Shrink and move the window so all of it, frame included, is on its screen."""
    area = available_area(window)
    if area is None or area.isEmpty():
        return
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    left = min(max(frame.left(), area.left()), area.right() - window.frameGeometry().width() + 1)
    top = min(max(frame.top(), area.top()), area.bottom() - window.frameGeometry().height() + 1)
    window.move(max(left, area.left()), max(top, area.top()))


FRAME_ROOM = 40  # a window frame and title bar, before the window system has drawn one to measure


def fit_before_shown(dialog: QWidget) -> None:
    """Shrink a dialog not yet shown to its screen's free area less room for a frame (never below
    what its layout needs): its frame is not known until it is shown, so fit_to_screen cannot count it."""
    area = available_area(dialog)
    if area is None or area.isEmpty():
        return
    least = dialog.minimumSizeHint()
    dialog.resize(max(min(dialog.width(), area.width() - FRAME_ROOM), least.width()),
                  max(min(dialog.height(), area.height() - FRAME_ROOM), least.height()))

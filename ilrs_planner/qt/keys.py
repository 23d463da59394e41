"""Key combinations for actions: the platform's standard keys first, then the familiar extras.

Qt's standard keys differ by platform (Redo is Ctrl+Y on Windows, Ctrl+Shift+Z on GNOME and
KDE). An action takes every binding of its standard key plus the extras people type anyway, each
once: a key listed twice on one action, or held by two actions, is an "ambiguous shortcut" that
Qt answers by doing nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

StandardKey = QKeySequence.StandardKey
KeySpec = str | StandardKey | QKeySequence | None


def key_list(*specs: KeySpec) -> list[QKeySequence]:
    """The key sequences of `specs` (standard keys expanded to all their bindings), without repeats."""
    keys: list[QKeySequence] = []
    for spec in specs:
        if spec is None:
            continue
        found = QKeySequence.keyBindings(spec) if isinstance(spec, StandardKey) else [QKeySequence(spec)]
        keys.extend(key for key in found if not key.isEmpty() and key not in keys)
    return keys


def escape_key(widget: QWidget, slot: Callable[[], object]) -> QShortcut:
    """Esc pressed in `widget` (only there) calls `slot`. The context is set after the shortcut is
    made: PySide6 drops a `context=` given with a callable, leaving a window-wide Esc, and two
    of those (the find box's, the filter's) cancelled each other out."""
    shortcut = QShortcut(QKeySequence("Escape"), widget)
    shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    return shortcut


def first_key_text(*specs: KeySpec) -> str:
    """The main key as shown in tool tips ('' when there is none)."""
    keys = key_list(*specs)
    return keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""

"""The app's icons and stylesheet, shipped inside the package."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).parent


@lru_cache(maxsize=64)
def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg` (an empty icon if it is missing)."""
    path = RESOURCES / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def stylesheet() -> str:
    """The light theme."""
    return (RESOURCES / "style.qss").read_text(encoding="utf-8")

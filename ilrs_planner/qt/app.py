"""Starting the desktop app: QApplication, name and icon, light theme, the first plan, the window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ..domain import Project
from .document import Document
from .main_window import MainWindow
from .resources import icon, stylesheet

APP_NAME = "ILRS Planner"
ORG_NAME = "ILRS Planner"


def bundled_roadmap() -> Project:
    """The ILRS reference roadmap that ships with the app."""
    from ..data.reference import build_reference_project

    return build_reference_project()


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our name (for QSettings), icon, font and stylesheet; reused if it exists."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    if not QCoreApplication.organizationName():
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(icon("app"))
    app.setStyle("Fusion")  # the same look on every platform, which the stylesheet builds on
    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(stylesheet())
    return app


def create_main_window(path: str | None = None):
    """The window on the bundled roadmap, then (if given) opening `path` through the normal checks."""
    window = MainWindow(Document(bundled_roadmap()))
    window.plan_file.recover()
    if path:
        window.files.open_path(path)  # a plan file, or another tool's file read as a new plan
    return window


def run_app(path: str | None = None) -> int:
    """Run the desktop app on `path` (None = the bundled ILRS roadmap) until the window closes."""
    app = make_application()
    window = create_main_window(path)
    window.show()
    return app.exec()


__all__ = ["bundled_roadmap", "create_main_window", "make_application", "run_app"]

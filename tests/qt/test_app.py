"""Starting the app: the bundled roadmap by default, a plan file when given, bad files explained."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ilrs_planner.qt import app as app_module
from ilrs_planner.store import save_project


def test_opens_the_bundled_roadmap(qtbot):
    window = app_module.create_main_window(None)
    qtbot.addWidget(window)
    assert window.document.project.name == app_module.bundled_roadmap().name
    assert len(window.document.project.tasks) > 20 and window.document.schedule is not None
    assert window.document.path is None and not window.document.modified


def test_opens_a_plan_file(qtbot, tmp_path, small_project):
    save_project(small_project, tmp_path / "small.db")
    window = app_module.create_main_window(str(tmp_path / "small.db"))
    qtbot.addWidget(window)
    assert window.document.project == small_project
    assert window.windowTitle().startswith("Small — small.db[*]")  # the file name; the folder is in the status bar
    assert window.windowFilePath() == str(tmp_path / "small.db")


def test_a_bad_file_is_explained_and_the_roadmap_stays(qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("ilrs_planner.qt.plan_file.controller.show_error", lambda *a: shown.append(a[2].code))
    (tmp_path / "bad.db").write_text("not a plan")
    window = app_module.create_main_window(str(tmp_path / "bad.db"))
    qtbot.addWidget(window)
    assert shown and shown[0].startswith("store.")
    assert window.document.project.name == app_module.bundled_roadmap().name


def test_run_app_styles_the_app_and_returns_when_the_window_closes(qtbot, qapp, monkeypatch):
    sheet, style, font = qapp.styleSheet(), qapp.style().name(), qapp.font()
    monkeypatch.setattr(QApplication, "exec", lambda self: _close_all_and_return(0))
    try:
        assert app_module.run_app(None) == 0
        assert "QToolBar" in qapp.styleSheet() and not qapp.windowIcon().isNull()
    finally:  # later tests in this process see the application as it was
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setFont(font)


def _close_all_and_return(code: int) -> int:
    for widget in QApplication.topLevelWidgets():
        widget.close()
    return code

"""File ▸ Open reads an MS Project (or P6, spreadsheet) file as MS Project's Open reads its XML: as a
new, unsaved plan, not refused as "not a plan file". So does a file dropped on the window, and the
file named when the app starts."""

from __future__ import annotations

from pathlib import Path

import pytest
from gestures import press
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog
from windows import shown_main_window

from ilrs_planner.qt import app as app_module
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.sharing import prompts

MS_PROJECT_XML = Path(__file__).parents[1] / "exchange" / "msp_real" / "calendar-calendars-project2016-mspdi.xml"


@pytest.fixture
def notes(monkeypatch):
    """The boxes an import shows after reading a file (what did not come across), collected."""
    shown: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda _parent, title, *_a: shown.append(title))
    return shown


def _tasks_of_the_xml() -> int:
    from ilrs_planner.exchange.formats import read_plan

    return len(read_plan(MS_PROJECT_XML).project.tasks)


def test_ctrl_o_on_an_ms_project_xml_file_opens_it_as_a_new_unsaved_plan(qtbot, small_project, monkeypatch, notes):
    window = shown_main_window(qtbot, Document(small_project))
    offered = []

    def choose(_parent, _title, _folder, file_filter, *_rest, **_kw):
        offered.append(file_filter)
        return str(MS_PROJECT_XML), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    press(window.tree, "Ctrl+O")
    # the dialog shows MS Project files beside plan files, as MS Project's Open shows its XML
    assert "*.xml" in offered[0].split(";;")[0] and "*.db" in offered[0].split(";;")[0]
    assert len(window.document.project.tasks) == _tasks_of_the_xml()
    assert window.document.path is None and window.document.modified  # closing offers to save it
    assert window.statusBar().currentMessage().startswith(f"Imported {MS_PROJECT_XML.name}")


def _dropped(window, path: Path) -> bool:
    """Drag `path` onto the window and drop it; whether the drag was taken."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    return True


def test_an_ms_project_xml_file_dropped_on_the_window_opens(qtbot, small_project, notes):
    window = shown_main_window(qtbot, Document(small_project))
    assert _dropped(window, MS_PROJECT_XML)
    assert len(window.document.project.tasks) == _tasks_of_the_xml()


def test_a_dropped_file_of_no_known_kind_is_not_taken(qtbot, small_project, tmp_path):
    window = shown_main_window(qtbot, Document(small_project))
    (tmp_path / "notes.txt").write_text("not a plan")
    assert not _dropped(window, tmp_path / "notes.txt")
    assert window.document.project is small_project


def test_the_app_started_on_an_ms_project_xml_file_opens_it(qtbot, notes, tmp_path, monkeypatch):
    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(tmp_path / "trusted"))
    window = app_module.create_main_window(str(MS_PROJECT_XML))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    assert len(window.document.project.tasks) == _tasks_of_the_xml()
    assert window.document.path is None

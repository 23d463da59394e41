"""File ▸ Import… of a partner's file: the box that follows names what did not come across, or why the
file was refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.sharing import prompts

REAL = Path(__file__).parents[1] / "exchange" / "msp_real"
REAL_EXEC = QMessageBox.exec  # read at import, before the guard against unanswered boxes replaces it


@pytest.fixture
def window(qtbot, small_project, tmp_path, monkeypatch):
    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(tmp_path / "trusted"))
    win = MainWindow(Document(small_project))
    qtbot.addWidget(win)
    return win


def _import_and_read_the_box(qtbot, monkeypatch, window, path: Path) -> tuple[str, str, str]:
    """File ▸ Import… on `path`; the title, text and details of the box shown after, which is then closed."""
    monkeypatch.setattr(prompts, "open_file", lambda *_a: str(path))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)  # the box is read, then closed, below
    seen: list[tuple[str, str, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        seen.append((box.windowTitle(), box.text(), box.detailedText()))
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, read_and_close)
    window.sharing.import_.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    return seen[0]


def test_importing_a_file_with_custom_fields_names_them_in_the_box_shown(qtbot, monkeypatch, window):
    title, text, details = _import_and_read_the_box(qtbot, monkeypatch, window,
                                                    REAL / "task-dates-project2016-mspdi.xml")
    # The file's ten Date fields each hold a value on one task: ten notes, one a field.
    assert title == "Imported with notes"
    assert text == ("10 things in task-dates-project2016-mspdi.xml could not be carried over exactly; "
                    "see the details.")
    lines = details.splitlines()
    assert lines[0] == "custom field 'Date1' not imported (a plan has no place for it): 1 task carried a value"
    assert lines[-1] == "custom field 'Date10' not imported (a plan has no place for it): 1 task carried a value"
    assert len(window.document.project.tasks) == 10


def test_a_workbook_only_named_like_ours_is_refused_in_a_box_naming_what_it_lacks(qtbot, monkeypatch, window,
                                                                                  tmp_path):
    book = Workbook()
    book.active.title = "Tasks"
    book.active.append(["Activity", "Days"])
    book.active.append(["Survey", 5])
    book.create_sheet("Links").append(["Predecessor", "Successor", "Type", "Lag (d)"])
    book.create_sheet("Plan").append(["Item", "Value"])
    book.save(tmp_path / "budget.xlsx")
    before = window.document.project
    title, text, details = _import_and_read_the_box(qtbot, monkeypatch, window, tmp_path / "budget.xlsx")
    assert title == "Could not import the file" and details == "Error code: import.bad_file"
    assert ("The workbook budget.xlsx has sheets named Tasks, Links and Plan but is not one ILRS Planner "
            "exported") in text
    assert "the Tasks sheet's header row lacks 'WBS', 'Key', 'Task', 'Duration (d)', 'Start', 'Finish'" in text
    assert window.document.project is before  # the plan open stays


def test_a_workbook_naming_a_calendar_no_plan_has_names_it_its_rows_and_the_fallback_in_the_box(
        qtbot, monkeypatch, window, tmp_path):
    book = Workbook()
    for row in (["Name", "Duration", "Calendar"], ["Night pour", "3d", "Lunar night"], ["Cure", "2d", ""],
                ["Night paint", "1d", "Lunar night"]):
        book.active.append(row)
    book.save(tmp_path / "crews.xlsx")
    title, _text, details = _import_and_read_the_box(qtbot, monkeypatch, window, tmp_path / "crews.xlsx")
    assert title == "Imported with notes"
    assert ("column Calendar: no calendar is called 'Lunar night' (rows 2, 4); the file names calendars without "
            "their working days, so those tasks use the plan's calendar, Continuous.") in details

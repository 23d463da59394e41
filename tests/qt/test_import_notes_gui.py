"""File ▸ Import… of a partner's MS Project file: the box that follows names what did not come across."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.sharing import prompts

REAL = Path(__file__).parents[1] / "exchange" / "msp_real"
REAL_EXEC = QMessageBox.exec  # read at import, before the guard against unanswered boxes replaces it


def test_importing_a_file_with_custom_fields_names_them_in_the_box_shown(qtbot, monkeypatch, small_project, tmp_path):
    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(tmp_path / "trusted"))
    window = MainWindow(Document(small_project))
    qtbot.addWidget(window)
    monkeypatch.setattr(prompts, "open_file", lambda *_a: str(REAL / "task-dates-project2016-mspdi.xml"))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)  # the notes' box is read, then closed, below
    seen: list[tuple[str, str]] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, read_and_close)
            return
        seen.append((box.text(), box.detailedText()))
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, read_and_close)
    window.sharing.import_.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=20_000)
    [(text, details)] = seen
    # The file's ten Date fields each hold a value on one task: ten notes, one a field.
    assert text == ("10 things in task-dates-project2016-mspdi.xml could not be carried over exactly; "
                    "see the details.")
    lines = details.splitlines()
    assert lines[0] == "custom field 'Date1' not imported (a plan has no place for it): 1 task carried a value"
    assert lines[-1] == "custom field 'Date10' not imported (a plan has no place for it): 1 task carried a value"
    assert len(window.document.project.tasks) == 10

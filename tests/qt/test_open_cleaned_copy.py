"""File → Open on a plan saved before text could not hold bidirectional controls: the refusal offers a
cleaned copy, the planner chooses where to save it, and the window shows the plan from that copy."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from gestures import press
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.store import open_project, save_project


@pytest.fixture
def old_plan(tmp_path, small_project):
    """The small plan as an older version saved it, B's name drawn "Relay unit" but stored reversed."""
    path = tmp_path / "old.db"
    small_project.name = "Relay plan"
    save_project(small_project, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE tasks SET name = 'Relay \u202etinu' WHERE id = 'b'")
    finally:
        conn.close()
    return path


class User:
    """Answers the boxes and file dialogs as a person would, clicking the boxes' real buttons."""

    def __init__(self, qtbot, monkeypatch, open_path, save_path, choice):
        self.qtbot, self.choice, self.boxes, self.saves = qtbot, choice, [], []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(open_path), ""))
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda parent, title, suggestion, *a: self.saves.append((title, suggestion))
                            or (str(save_path), ""))
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self.answer(box))

    def answer(self, box):
        self.boxes.append((box.windowTitle(), box.text(), box.detailedText(), [b.text() for b in box.buttons()]))
        wanted = self.choice if len(self.boxes) == 1 else "OK"
        button = next(b for b in box.buttons() if b.text().replace("&", "") == wanted)
        box.show()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        return 0


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_open_a_cleaned_copy_shows_the_plan_and_keeps_the_original(qtbot, window, old_plan, tmp_path, monkeypatch):
    before = _digest(old_plan)
    copy = tmp_path / "chosen.db"
    user = User(qtbot, monkeypatch, old_plan, copy, "Open a cleaned copy…")
    press(window, "Ctrl+O")  # File → Open
    QApplication.processEvents()

    title, text, details, buttons = user.boxes[0]
    assert title == "Could not open the plan" and "bidirectional control U+202E" in text
    assert "ilrs-planner repair" in text and "Open a cleaned copy…" in buttons
    assert user.saves == [("Save the cleaned copy as", str(tmp_path / "old-cleaned.db"))]
    title, text, details, _ = user.boxes[1]
    assert title == "Cleaned copy" and "1 bidirectional control removed from 1 value, and saved" in text
    assert "old.db” is unchanged" in text
    with sqlite3.connect(old_plan) as conn:
        rowid = conn.execute("SELECT rowid FROM tasks WHERE id = 'b'").fetchone()[0]
    assert details == f"table tasks, row {rowid}, column name (task B): removed U+202E"

    assert window.document.path == str(copy) and "chosen.db" in window.windowTitle()
    assert window.document.project.name == "Relay plan"
    assert window.tree.proxy_index("b", int(Column.NAME)).data() == "Relay tinu"
    assert not window.document.modified  # the copy is saved: nothing to lose on closing
    assert _digest(old_plan) == before
    assert open_project(copy) == window.document.project


def test_cancel_keeps_the_current_plan_and_writes_nothing(qtbot, window, old_plan, tmp_path, monkeypatch):
    shown = window.document.project
    copy = tmp_path / "chosen.db"
    user = User(qtbot, monkeypatch, old_plan, copy, "Cancel")
    press(window, "Ctrl+O")
    QApplication.processEvents()
    assert len(user.boxes) == 1 and not user.saves and not copy.exists()
    assert window.document.project is shown and window.document.path is None


def test_a_cleaned_copy_of_a_signed_plan_says_it_is_unsigned(qtbot, window, tmp_path, small_project, monkeypatch):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ilrs_planner.sharing.signing import sign_project

    small_project.baselines.clear()
    sign_project(small_project, Ed25519PrivateKey.generate(), "ESA planning")
    path = tmp_path / "signed.db"
    save_project(small_project, path)
    with sqlite3.connect(path) as conn:  # slipped in after signing
        conn.execute("UPDATE tasks SET name = 'Relay \u202etinu' WHERE id = 'b'")
    copy = tmp_path / "chosen.db"
    user = User(qtbot, monkeypatch, path, copy, "Open a cleaned copy…")
    press(window, "Ctrl+O")
    QApplication.processEvents()
    title, text, _, _ = user.boxes[1]
    assert title == "Cleaned copy" and "The copy is unsigned: the signature in the name of ESA planning" in text
    assert window.document.project.signature is None and open_project(copy).signature is None

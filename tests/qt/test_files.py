"""Files in the window: save and reopen, bad files refused in a dialog, unsaved changes, recent, drop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.store import open_project, save_project


@pytest.fixture
def window(qtbot, small_project):
    win = MainWindow(Document(small_project))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    return win


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr("ilrs_planner.qt.plan_file.controller.show_error",
                        lambda parent, title, error: shown.append((title, error.code)))
    return shown


def test_save_as_then_reopen_gives_the_same_plan(window, tmp_path, monkeypatch):
    target = tmp_path / "ilrs"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.document.push(SetTaskFields("a", name="Chang'e 7"))
    assert window.isWindowModified() or window.document.modified
    assert window.files.save_as.trigger() is None and window.document.path == str(tmp_path / "ilrs.db")
    assert not window.document.modified and "— ilrs.db[*]" in window.windowTitle()
    assert window.windowFilePath() == str(tmp_path / "ilrs.db")
    assert window.plan_file.recent_paths()[0] == str(tmp_path / "ilrs.db")
    saved = open_project(tmp_path / "ilrs.db")
    assert saved == window.document.project
    window.document.push(SetTaskFields("a", name="changed after saving"))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.plan_file.open_path(str(tmp_path / "ilrs.db"))
    assert window.document.project == saved and window.document.undo_stack.count() == 0


@pytest.mark.parametrize("content, code", [
    (b"this is not a database at all" * 40, "store.not_a_plan"),
    (b"SQLite format 3\x00" + b"\x00" * 80, "store."),
])
def test_bad_file_is_explained_and_the_current_plan_stays(window, tmp_path, errors, content, code):
    before = window.document.project
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    assert not window.plan_file.open_path(str(bad))
    assert errors and errors[0][0] == "Could not open the plan" and errors[0][1].startswith(code)
    assert window.document.project is before and window.document.path is None


def test_foreign_sqlite_file_is_refused(window, tmp_path, errors):
    import sqlite3

    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t(x)")
    assert not window.plan_file.open_path(str(foreign))
    assert errors[0][1].startswith("store.")


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(qtbot, window, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a,
                        **k: asked.append(a[1]) or QMessageBox.StandardButton.Cancel)
    window.show()
    window.document.push(SetTaskFields("a", name="unsaved"))
    assert not window.close()
    assert asked == ["Unsaved changes"] and window.isVisible()


def test_failing_save_shows_a_dialog_and_keeps_the_plan(window, tmp_path, errors):
    window.document.push(SetTaskFields("a", name="keep me"))
    (tmp_path / "folder.db").mkdir()
    window.document.set_path(str(tmp_path / "folder.db"))
    assert not window.plan_file.save()
    assert errors and errors[0][0] == "Could not save the plan"
    assert window.document.modified and window.document.project.tasks["a"].name == "keep me"


def test_dropping_a_plan_file_opens_it(window, tmp_path, small_project):
    small_project.name = "Dropped plan"
    save_project(small_project, tmp_path / "dropped.db")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dropped.db"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert window.document.project.name == "Dropped plan"


def test_full_disk_during_save_shows_a_dialog_and_keeps_the_plan(window, tmp_path, errors, monkeypatch):
    import errno

    from ilrs_planner.store import session as store_session

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "plan.db"), ""))
    monkeypatch.setattr(store_session, "write_plan_file", disk_full)
    window.document.push(SetTaskFields("a", name="keep me"))
    assert not window.plan_file.save()
    assert errors == [("Could not save the plan", "store.io")]
    assert window.document.modified and window.document.project.tasks["a"].name == "keep me"
    assert window.document.path is None


def test_another_file_opens_at_its_top_left_and_the_same_file_read_again_keeps_the_place(
        qtbot, tmp_path):
    reference_project = build_reference_project()
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    save_project(reference_project, first)
    save_project(reference_project, second)
    win = MainWindow(Document(open_project(first), str(first)))
    qtbot.addWidget(win)
    win.resize(800, 600)
    win.show()
    qtbot.waitExposed(win)
    tree = win.tree
    bars = tree.horizontalScrollBar(), tree.verticalScrollBar()
    for bar in bars:  # the planner scrolled to the far right and down the roadmap
        qtbot.waitUntil(lambda bar=bar: bar.maximum() > 0)
        bar.setValue(bar.maximum())
    assert win.plan_file.open_path(str(first))  # the same file read again: where it was
    assert [bar.value() for bar in bars] == [bar.maximum() for bar in bars]
    assert win.plan_file.open_path(str(second))  # another file: ID and Name and its first rows in sight
    assert [bar.value() for bar in bars] == [0, 0]
    assert tree.columnViewportPosition(tree.header().logicalIndex(0)) == 0


def test_a_partner_file_that_will_not_open_is_refused_before_any_question_about_unsaved_changes(
        window, tmp_path, errors, monkeypatch, small_project):
    """The planner has unsaved edits and drops a damaged partner file: they are told what is wrong with
    the file and asked nothing; a sound file is asked about, and Cancel keeps the edits and the file
    unheld, so it opens at once the next time."""
    asked = []
    answer = [QMessageBox.StandardButton.Cancel]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or answer[0])
    window.document.push(SetTaskFields("a", name="Our unsaved edit"))
    bad = tmp_path / "partner.db"
    bad.write_bytes(b"this is not a database at all" * 40)
    assert not window.plan_file.open_path(str(bad))
    assert errors[0][1] == "store.not_a_plan" and asked == []
    sound = tmp_path / "sound.db"
    save_project(small_project, sound)
    assert not window.plan_file.open_path(str(sound))
    assert asked == ["Unsaved changes"] and window.document.project.tasks["a"].name == "Our unsaved edit"
    answer[0] = QMessageBox.StandardButton.Discard
    assert window.plan_file.open_path(str(sound))  # not "in use" by ourselves: the cancelled hold was let go
    assert window.document.path == str(sound) and window.document.project == open_project(sound)

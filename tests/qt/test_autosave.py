"""The minute's recovery copy: taken between the window's other events, written beside the window.

The copy must always be one whole plan of one moment, whatever the planner does meanwhile, and
the window must go on answering while it is written.
"""

from __future__ import annotations

import copy
import threading
from datetime import date

import pytest
from gestures import click_cell, press, type_text
from PySide6.QtWidgets import QApplication

from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.plan_file import autosave as autosave_module
from ilrs_planner.store import find_recoveries, open_project, read_recovery, recovery_thread, save_project, snapshot

TASKS = 300


def chain_plan() -> Project:
    """Tasks t0 ... t299, each linked to the next: enough for a copy taken in several steps."""
    project = Project("Chain", date(2030, 1, 1))
    for number in range(TASKS):
        project.add_task(Task(f"T{number}", f"Task {number}", 5, id=f"t{number}", position=number))
    for number in range(TASKS - 1):
        project.add_link(Link(f"t{number}", f"t{number + 1}", id=f"l{number}"))
    return project


@pytest.fixture
def chain_window(qtbot, monkeypatch):
    monkeypatch.setattr(snapshot, "ROWS_PER_STEP", 50)  # a copy in 12 steps, the window's events between
    window = MainWindow(Document(chain_plan()))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    window.resize(1300, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def held_write(monkeypatch):
    """Recovery copies wait to be written until the event is set (the copy being written, slowly)."""
    release = threading.Event()
    write = recovery_thread.write_recovery

    def held(project, plan_path, untitled=""):
        release.wait()
        return write(project, plan_path, untitled)

    monkeypatch.setattr(recovery_thread, "write_recovery", held)
    yield release
    release.set()  # never leave a writing thread waiting


def rename(window, task_id: str, name: str) -> None:
    click_cell(window.tree, task_id, Column.NAME)
    type_text(window.tree, name)


def shown_name(window, task_id: str) -> str:
    return window.tree.proxy_index(task_id, int(Column.NAME)).data()


def kept_copy(window):
    """The window's recovery copy, read back."""
    session = window.plan_file.file_session.session
    return read_recovery(session.path, session.copy_name).load()


def autosave_now(qtbot, window) -> None:
    autosaving = window.plan_file.file_session.autosaving
    with qtbot.waitSignal(autosaving.written):
        window.plan_file.file_session.autosave()


def test_an_edit_between_two_steps_of_the_copy_is_in_it_whole(qtbot, chain_window, monkeypatch):
    window = chain_window
    rename(window, "t0", "First edit")
    taken = autosave_module.take_snapshot
    edits = []

    def edited_after_two_steps(project, rows_per_step=None):
        steps = taken(project, rows_per_step)
        next(steps)
        yield
        next(steps)
        if not edits:  # the planner deletes t25 (taken in the first step; its links not yet)
            edits.append("delete")
            click_cell(window.tree, "t25", Column.NAME)
            press(window.tree, "Delete")
        yield
        return (yield from steps)

    monkeypatch.setattr(autosave_module, "take_snapshot", edited_after_two_steps)
    autosave_now(qtbot, window)
    assert edits and "t25" not in window.document.project.tasks
    kept = kept_copy(window)
    assert kept == window.document.project  # the plan after the delete, not half of it
    assert "t25" not in kept.tasks and not any("t25" in (k.pred_id, k.succ_id) for k in kept.links.values())


def test_the_window_answers_while_the_copy_is_written_and_the_copy_stays_whole(qtbot, chain_window, held_write):
    window = chain_window
    rename(window, "t3", "Before the copy")
    as_copied = copy.deepcopy(window.document.project)
    file_session = window.plan_file.file_session
    file_session.autosave()
    qtbot.waitUntil(lambda: file_session.session is not None and file_session.session.writing_recovery())
    rename(window, "t3", "While it is written")  # typed while the copy is being written
    assert shown_name(window, "t3") == "While it is written"
    with qtbot.waitSignal(file_session.autosaving.written):
        held_write.set()
    kept = kept_copy(window)
    assert kept == as_copied and kept.tasks["t3"].name == "Before the copy"
    autosave_now(qtbot, window)  # the next minute's copy has the edit made meanwhile
    assert kept_copy(window).tasks["t3"].name == "While it is written"


def test_saving_while_a_copy_is_written_leaves_no_copy_behind(qtbot, chain_window, held_write, tmp_path):
    window = chain_window
    plan_file = tmp_path / "chain.db"
    save_project(window.document.project, plan_file)
    assert window.plan_file.open_path(str(plan_file))
    rename(window, "t7", "Saved by Ctrl+S")
    file_session = window.plan_file.file_session
    file_session.autosave()
    qtbot.waitUntil(lambda: file_session.session.writing_recovery())
    # The copy finishes while Ctrl+S waits for it; however late, the save comes after it.
    threading.Timer(0.2, held_write.set).start()
    press(window.tree, "Ctrl+S")
    qtbot.waitUntil(lambda: not file_session.session.writing_recovery())
    assert not window.document.modified and find_recoveries() == []
    assert open_project(plan_file).tasks["t7"].name == "Saved by Ctrl+S"


def test_a_copy_that_cannot_be_written_is_said_in_the_status_bar(qtbot, chain_window, tmp_path, monkeypatch):
    window = chain_window
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the recovery folder should be")
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(blocker / "recovery"))
    rename(window, "t1", "Unsaved")
    window.plan_file.file_session.autosave()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("Autosave failed"))
    assert "could not create" in window.statusBar().currentMessage()
    assert shown_name(window, "t1") == "Unsaved" and window.document.modified


def test_a_copy_that_failed_while_ctrl_s_waited_for_it_is_not_reported_after_the_save(
        qtbot, chain_window, held_write, tmp_path, monkeypatch):
    window = chain_window
    plan_file = tmp_path / "chain.db"
    save_project(window.document.project, plan_file)
    assert window.plan_file.open_path(str(plan_file))
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the recovery folder should be")
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(blocker / "recovery"))
    rename(window, "t7", "Saved by Ctrl+S")
    file_session = window.plan_file.file_session
    file_session.autosave()
    qtbot.waitUntil(lambda: file_session.session.writing_recovery())
    threading.Timer(0.2, held_write.set).start()  # the copy fails while the save waits for it
    press(window.tree, "Ctrl+S")
    qtbot.waitUntil(lambda: not file_session.session.writing_recovery())
    for _ in range(20):
        QApplication.processEvents()  # the copy's report, sent from its thread, has arrived
    assert not window.document.modified
    assert not window.statusBar().currentMessage().startswith("Autosave failed")
    assert open_project(plan_file).tasks["t7"].name == "Saved by Ctrl+S"

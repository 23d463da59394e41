"""Editing a signed plan in the window: the status bar says the edits no longer match the signature,
and saving them asks once, then takes the signature off rather than leave words of tampering."""

from __future__ import annotations

import pytest
from gestures import click_cell, press, type_in_cell
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from windows import shown_main_window

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.keys import load_private_key, read_trusted_keys, write_key_pair
from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project
from ilrs_planner.store import open_project, save_project

SIGNED = "Signed by a trusted key: CNSA planning"
REAL_EXEC = QMessageBox.exec  # read at import, before the guard against unanswered boxes replaces it


@pytest.fixture
def signed_window(qtbot, small_project, tmp_path, trusted):
    """The window with a partner's signed plan open from its file, as the partner sent it."""
    private, _ = write_key_pair("CNSA planning", trusted)
    signed = clone_project(small_project)
    sign_project(signed, load_private_key(private)[0], "CNSA planning")
    path = tmp_path / "signed.db"
    save_project(signed, path)
    window = shown_main_window(qtbot, Document(clone_project(small_project)))
    assert window.plan_file.open_path(str(path))
    return window


def label(window) -> str:
    return window.status_bar_widgets["signature"].text()


def type_duration(window, task_id: str, text: str) -> None:
    type_in_cell(window.tree, task_id, Column.DURATION, text)


def answer_box(monkeypatch, button_text: str, seen: list[str]) -> None:
    """Click `button_text` in the box Ctrl+S is about to show (it waits for the answer)."""
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)  # this box is answered, below

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == button_text)
        button.click()
    QTimer.singleShot(0, click)


def trust_of(path, trusted) -> SignatureState:
    return verify_project(open_project(path), read_trusted_keys(trusted).keys).state


def test_typing_into_a_signed_plan_says_edited_since_and_undo_gives_the_signed_verdict_back(signed_window):
    window = signed_window
    assert label(window) == SIGNED
    type_duration(window, "c", "17")
    assert window.document.project.tasks["c"].duration == 17
    assert label(window) == SIGNED + " — edited since (unsaved)"
    press(window.tree, "Ctrl+Z")
    assert window.document.project.tasks["c"].duration != 17
    assert label(window) == SIGNED


def test_ctrl_s_asks_then_saves_unsigned_and_says_whose_signature_went(qtbot, monkeypatch, signed_window, tmp_path,
                                                                       trusted):
    window = signed_window
    type_duration(window, "c", "17")
    seen: list[str] = []
    answer_box(monkeypatch, "Save without signature", seen)
    press(window.tree, "Ctrl+S")
    assert len(seen) == 1 and seen[0].startswith("This plan is signed by CNSA planning.")
    assert not window.document.modified
    assert label(window) == "Unsigned — your save removed the signature by CNSA planning"
    saved = open_project(tmp_path / "signed.db")
    assert saved.tasks["c"].duration == 17 and saved.signature is None
    assert trust_of(tmp_path / "signed.db", trusted) is SignatureState.UNSIGNED  # not "Altered after signing"
    window.activateWindow()  # the offscreen platform leaves no window active once the box closes
    qtbot.waitActive(window)
    type_duration(window, "b", "18")  # asked once: the plan is unsigned now, Ctrl+S just saves
    press(window.tree, "Ctrl+S")
    assert len(seen) == 1 and open_project(tmp_path / "signed.db").tasks["b"].duration == 18


def test_cancel_leaves_the_signed_file_as_signed(monkeypatch, signed_window, tmp_path, trusted):
    window = signed_window
    type_duration(window, "c", "17")
    seen: list[str] = []
    answer_box(monkeypatch, "Cancel", seen)
    press(window.tree, "Ctrl+S")
    assert len(seen) == 1 and window.document.modified
    assert trust_of(tmp_path / "signed.db", trusted) is SignatureState.TRUSTED
    assert label(window) == SIGNED + " — edited since (unsaved)"


def test_save_as_keeps_the_signers_file_and_writes_the_edits_unsigned(signed_window, tmp_path, trusted,
                                                                      monkeypatch):
    window = signed_window
    copy = tmp_path / "mine.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(copy), ""))
    type_duration(window, "c", "17")
    seen: list[str] = []
    answer_box(monkeypatch, "Save As…", seen)
    press(window.tree, "Ctrl+S")
    assert len(seen) == 1
    assert trust_of(tmp_path / "signed.db", trusted) is SignatureState.TRUSTED
    mine = open_project(copy)
    assert mine.signature is None and mine.tasks["c"].duration == 17
    assert window.document.path == str(copy)
    assert label(window).startswith("Unsigned — your save removed the signature by CNSA planning")


def test_a_deletion_undone_then_saved_keeps_the_signature_holding(signed_window, tmp_path, trusted):
    # The signature binds the order of the links (a Predecessors cell lists them in it): the undo puts
    # B's links back at their places, so the plan saved is the plan as signed and still verifies.
    window = signed_window
    signed_order = list(window.document.project.links)
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Delete")
    assert "b" not in window.document.project.tasks and len(window.document.project.links) < len(signed_order)
    press(window.tree, "Ctrl+Z")
    assert label(window) == SIGNED
    press(window.tree, "Ctrl+S")  # no question: nothing the signature does not cover
    saved = open_project(tmp_path / "signed.db")
    assert list(saved.links) == signed_order and trust_of(tmp_path / "signed.db", trusted) is SignatureState.TRUSTED

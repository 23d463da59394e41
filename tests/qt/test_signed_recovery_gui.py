"""Edits to a signed plan restored after a crash: the window knows they no longer match the signature,
as it knew before the crash (the status bar says "edited since", Save asks and takes the signature off),
and reads the signature on the plan file as signed rather than calling the planner's edits tampering."""

from __future__ import annotations

import pytest
from gestures import press, type_in_cell
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from windows import shown_main_window

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.plan_file import session as plan_files
from ilrs_planner.qt.plan_file.stale_signature import stale_signer
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.keys import load_private_key, read_trusted_keys, write_key_pair
from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project
from ilrs_planner.store import open_project, save_project
from ilrs_planner.store.lock import lock_path_for

SIGNED = "Signed by a trusted key: CNSA planning"
EDITED = SIGNED + " — edited since (unsaved)"
REAL_EXEC = QMessageBox.exec  # read at import, before the guard against unanswered boxes replaces it


@pytest.fixture
def signed_file(small_project, tmp_path, monkeypatch):
    """A partner's plan signed by a trusted key, saved to a file."""
    trusted = tmp_path / "trusted"
    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(trusted))
    private, _ = write_key_pair("CNSA planning", trusted)
    signed = clone_project(small_project)
    sign_project(signed, load_private_key(private)[0], "CNSA planning")
    save_project(signed, tmp_path / "signed.db")
    return tmp_path / "signed.db", trusted


@pytest.fixture
def restore(monkeypatch):
    """Answer "Restore" when the next start offers the unsaved work."""
    asked: list[str] = []

    def answer(_parent, title, _text, choices, _default=None):
        asked.append(title)
        return "Restore"
    monkeypatch.setattr(plan_files, "ask", answer)
    return asked


def label(window) -> str:
    return window.status_bar_widgets["signature"].text()


def type_duration(window, task_id: str, text: str) -> None:
    type_in_cell(window.tree, task_id, Column.DURATION, text)


def edit_then_crash(qtbot, path) -> None:
    """Open the signed plan, type a duration, let the minute's recovery copy be written, and stop
    without a clean exit (the in-use marker a crash leaves is stale)."""
    window = shown_main_window(qtbot, Document(open_project(path)))
    assert window.plan_file.open_path(str(path)) and label(window) == SIGNED
    type_duration(window, "c", "17")
    assert label(window) == EDITED
    with qtbot.waitSignal(window.plan_file.file_session.autosaving.written, timeout=20_000):
        window.plan_file.file_session.autosave_timer.timeout.emit()  # a minute passes
    window.plan_file.file_session.session.lock = None
    lock_path_for(path).unlink()


def restarted(qtbot, path, restore):
    window = shown_main_window(qtbot, Document(open_project(path)))
    window.plan_file.recover()
    assert restore == ["Restore unsaved work"] and window.document.project.tasks["c"].duration == 17
    return window


def test_restored_edits_of_a_signed_plan_read_as_edited_since_signing(qtbot, signed_file, restore):
    path, _ = signed_file
    edit_then_crash(qtbot, path)
    window = restarted(qtbot, path, restore)
    # As before the crash: the signature holds for the file, the plan in the window is edited since.
    assert label(window) == EDITED
    status = window.status_bar_widgets["signature"]
    assert status.state is SignatureState.TRUSTED and status.warning is None  # no "changed after signing" box
    # Further edits, an undo and a redo never make the restored plan read as the signed one.
    type_duration(window, "b", "9")
    assert label(window) == EDITED
    press(window.tree, "Ctrl+Z")
    assert label(window) == EDITED
    press(window.tree, "Ctrl+Y")
    assert label(window) == EDITED


def test_saving_restored_edits_asks_and_takes_the_stale_signature_off(qtbot, monkeypatch, signed_file, restore):
    path, trusted = signed_file
    edit_then_crash(qtbot, path)
    window = restarted(qtbot, path, restore)
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", REAL_EXEC)  # the box below is answered

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.append(box.text())
        next(b for b in box.buttons() if b.text() == "Save without signature").click()
    QTimer.singleShot(0, click)
    press(window.tree, "Ctrl+S")
    assert len(seen) == 1 and seen[0].startswith("This plan is signed by CNSA planning.")
    saved = open_project(path)
    assert saved.tasks["c"].duration == 17 and saved.signature is None
    # Not a signed file that reads "Altered after signing" to everyone it is sent to.
    assert verify_project(saved, read_trusted_keys(trusted).keys).state is SignatureState.UNSIGNED
    assert label(window) == "Unsigned — your save removed the signature by CNSA planning"


def test_a_restored_signed_plan_without_its_file_reads_as_not_checked_not_altered(qtbot, signed_file, restore):
    # The plan file is gone: nothing on disk to read the signature on, and the save still asks.
    path, _ = signed_file
    edit_then_crash(qtbot, path)
    path.rename(path.with_name("moved.db"))
    window = shown_main_window(qtbot, Document(open_project(path.with_name("moved.db"))))
    window.plan_file.recover()
    assert window.document.project.tasks["c"].duration == 17
    status = window.status_bar_widgets["signature"]
    # What is true: the signature cannot be checked; nobody is accused of altering the file.
    assert status.state is SignatureState.UNCHECKED and status.warning is None
    assert label(window) == "Signature not checked: CNSA planning (signed file gone) — edited since (unsaved)"
    assert "nothing to check it on" in status.toolTip() and "Altered" not in status.toolTip()
    assert stale_signer(window.document) == "CNSA planning"


def test_a_restored_signed_plan_whose_file_lost_its_signature_reads_as_not_checked(qtbot, signed_file, restore):
    path, _ = signed_file
    edit_then_crash(qtbot, path)
    unsigned = open_project(path)  # the file saved again meanwhile without the signature
    unsigned.signature = None
    save_project(unsigned, path)
    window = restarted(qtbot, path, restore)
    status = window.status_bar_widgets["signature"]
    assert status.state is SignatureState.UNCHECKED and status.warning is None
    assert label(window) == ("Signature not checked: CNSA planning (file's signature changed)"
                             " — edited since (unsaved)")

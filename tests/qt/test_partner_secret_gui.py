"""Export for partner from a plan of an older file (no secret yet): the copy draws the plan's secret,
which goes into the plan's file at once, the plan otherwise as last saved, so the next session's copy
gives the link over withheld work the same id even when the planner discards their unsaved edits. A
signed plan whose secret was changed on the way opens with the box about a plan altered after signing."""

from __future__ import annotations

import os
import sqlite3

import pytest
from gestures import type_in_cell
from PySide6.QtWidgets import QMessageBox
from secretless_plan import write_secretless_plan
from windows import shown_main_window

from ilrs_planner.domain import Classification
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.sharing import prompts
from ilrs_planner.qt.sharing.partner_dialog import PartnerCopy
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.keys import load_private_key, write_key_pair
from ilrs_planner.sharing.signing import sign_project
from ilrs_planner.store import open_project, save_project


def _menu_action(window, text: str):
    [action] = [a for a in window.menus["file"].actions() if a.text().replace("&", "") == text]
    return action


def _export_from_menu(window, monkeypatch, copy_path) -> list[str]:
    """File > Export for partner…, at Everyone, into `copy_path` (the file dialog answered); the boxes'
    titles, a failure's included."""
    shown: list[str] = []
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PUBLIC))
    monkeypatch.setattr(prompts, "save_file", lambda *_a: (str(copy_path), ""))
    monkeypatch.setattr(prompts, "inform", lambda _w, title, *_a, **_k: shown.append(title))
    monkeypatch.setattr(prompts, "fail", lambda _w, title, error: shown.append(f"{title}: {error.message}"))
    _menu_action(window, "Export for partner…").trigger()
    return shown


def _bridge_ids(copy_path) -> set[str]:
    return {lid for lid, k in open_project(copy_path).links.items() if (k.pred_id, k.succ_id) == ("survey", "landing")}


def _open_window(qtbot, path) -> MainWindow:
    window = MainWindow(Document(open_project(path)))
    qtbot.addWidget(window)
    assert window.plan_file.open_path(str(path))
    return window


def _answer_close(monkeypatch, answer) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or answer)
    return asked


@pytest.fixture
def plan_path(tmp_path, monkeypatch):
    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(tmp_path / "trusted"))
    path = tmp_path / "plan.db"
    write_secretless_plan(path)
    return path


def test_the_secret_a_copy_drew_is_in_the_file_at_once(qtbot, tmp_path, monkeypatch, plan_path):
    window = _open_window(qtbot, plan_path)
    assert window.document.project.secret is None and not window.document.modified
    _export_from_menu(window, monkeypatch, tmp_path / "week1.db")
    assert open_project(plan_path).secret == window.document.project.secret is not None
    assert not window.document.modified  # nothing of the planner's is waiting to be saved
    asked = _answer_close(monkeypatch, QMessageBox.StandardButton.Save)
    assert window.close() and asked == []
    again = _open_window(qtbot, plan_path)
    _export_from_menu(again, monkeypatch, tmp_path / "week2.db")
    first = _bridge_ids(tmp_path / "week1.db")
    assert len(first) == 1 and first == _bridge_ids(tmp_path / "week2.db")
    assert open_project(tmp_path / "week1.db").secret is None  # the copy holds none


def test_close_and_discard_keeps_the_secret_and_drops_the_edits(qtbot, tmp_path, monkeypatch, plan_path):
    window = shown_main_window(qtbot, Document(open_project(plan_path)))
    assert window.plan_file.open_path(str(plan_path))
    type_in_cell(window.tree, "landing", Column.DURATION, "12")
    assert window.document.project.tasks["landing"].duration == 12 and window.document.modified
    _export_from_menu(window, monkeypatch, tmp_path / "week1.db")
    asked = _answer_close(monkeypatch, QMessageBox.StandardButton.Discard)
    _menu_action(window, "Close plan").trigger()  # File > Close plan > Discard
    assert asked == ["Unsaved changes"]
    saved = open_project(plan_path)
    assert saved.tasks["landing"].duration == 10  # the discarded edit was never written
    assert saved.secret is not None
    again = _open_window(qtbot, plan_path)
    _export_from_menu(again, monkeypatch, tmp_path / "week2.db")
    first = _bridge_ids(tmp_path / "week1.db")
    assert len(first) == 1 and first == _bridge_ids(tmp_path / "week2.db")  # the partner's merge-back matches


def test_an_export_cancelled_at_the_file_then_made_still_keeps_its_secret_in_the_file(qtbot, tmp_path, monkeypatch,
                                                                                     plan_path):
    window = _open_window(qtbot, plan_path)
    _export_from_menu(window, monkeypatch, "")  # File > Export for partner…, then Cancel in the file dialog
    drawn = window.document.project.secret
    assert drawn is not None and not (tmp_path / "week1.db").exists() and not window.document.modified
    _export_from_menu(window, monkeypatch, tmp_path / "week1.db")
    assert open_project(plan_path).secret == drawn  # in the file before the copy, not only in memory
    asked = _answer_close(monkeypatch, QMessageBox.StandardButton.Save)
    assert window.close() and asked == []  # nothing to save: the plan's file already holds it
    again = _open_window(qtbot, plan_path)
    _export_from_menu(again, monkeypatch, tmp_path / "week2.db")
    first = _bridge_ids(tmp_path / "week1.db")
    assert len(first) == 1 and first == _bridge_ids(tmp_path / "week2.db")


def test_a_read_only_plan_writes_no_copy_and_says_to_save_it_once(qtbot, tmp_path, monkeypatch, plan_path):
    window = _open_window(qtbot, plan_path)
    written = plan_path.read_bytes()
    os.chmod(plan_path, 0o444)
    shown = _export_from_menu(window, monkeypatch, tmp_path / "week1.db")
    assert len(shown) == 1 and shown[0].startswith("Could not export for the partner")
    assert "save the plan once" in shown[0]
    assert not (tmp_path / "week1.db").exists() and plan_path.read_bytes() == written


def test_opening_a_signed_plan_whose_secret_was_changed_warns_in_a_box(qtbot, window, small_project, tmp_path,
                                                                      trusted):
    # Whoever sets the secret can work out the link ids of every copy made from the plan afterwards.
    private, _ = write_key_pair("CNSA planning", trusted)
    signed = clone_project(small_project)
    sign_project(signed, load_private_key(private)[0], "CNSA planning")
    path = tmp_path / "signed.db"
    save_project(signed, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("UPDATE plan SET secret = zeroblob(32)")  # any SQLite tool can
    finally:
        conn.close()
    label = window.status_bar_widgets["signature"]
    assert window.plan_file.open_path(str(path))
    qtbot.waitUntil(lambda: label.warning is not None and label.warning.isVisible(), timeout=10_000)
    assert "changed after CNSA planning signed it" in label.warning.text()
    assert label.text() == "Altered after signing: CNSA planning"
    assert "the secret its partner copies' link ids are made with" in label.toolTip()
    label.warning.accept()

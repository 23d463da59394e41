"""Export for partner from a plan of an older file (no secret yet): the copy draws the plan's secret,
closing offers to save it, and once saved, the next session's copy gives the link over withheld work
the same id."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from secretless_plan import write_secretless_plan

from ilrs_planner.domain import Classification
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.sharing import prompts
from ilrs_planner.qt.sharing.partner_dialog import PartnerCopy
from ilrs_planner.store import open_project


def _export_from_menu(window, monkeypatch, copy_path) -> None:
    """File > Export for partner…, at Everyone, into `copy_path` (the file dialog answered)."""
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PUBLIC))
    monkeypatch.setattr(prompts, "save_file", lambda *_a: (str(copy_path), ""))
    monkeypatch.setattr(prompts, "inform", lambda *_a, **_k: None)
    [action] = [a for a in window.menus["file"].actions() if a.text().replace("&", "") == "Export for partner…"]
    action.trigger()


def _bridge_ids(copy_path) -> set[str]:
    return {lid for lid, k in open_project(copy_path).links.items() if (k.pred_id, k.succ_id) == ("survey", "landing")}


def _open_window(qtbot, path) -> MainWindow:
    window = MainWindow(Document(open_project(path)))
    qtbot.addWidget(window)
    assert window.plan_file.open_path(str(path))
    return window


def test_the_secret_a_copy_drew_is_kept_across_close_and_reopen(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(tmp_path / "trusted"))
    plan_path = tmp_path / "plan.db"
    write_secretless_plan(plan_path)
    window = _open_window(qtbot, plan_path)
    assert window.document.project.secret is None and not window.document.modified
    _export_from_menu(window, monkeypatch, tmp_path / "week1.db")
    assert window.document.modified and window.isWindowModified()  # the drawn secret is not in the file yet
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Save)
    assert window.close() and asked == ["Unsaved changes"]
    assert open_project(plan_path).secret is not None
    again = _open_window(qtbot, plan_path)
    _export_from_menu(again, monkeypatch, tmp_path / "week2.db")
    assert not again.document.modified  # the plan had its secret: nothing new to save
    first = _bridge_ids(tmp_path / "week1.db")
    assert len(first) == 1 and first == _bridge_ids(tmp_path / "week2.db")
    assert open_project(tmp_path / "week1.db").secret is None  # the copy holds none

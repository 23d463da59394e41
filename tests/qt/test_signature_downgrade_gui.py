"""The window on a plan file downgraded by a tamperer (its signer's earlier-scheme signature written back
over the one made since, the links reordered, the secret changed): the status bar, its tooltip and the
box on opening give the earlier scheme's weaker verdict, never the green "Signed by a trusted key";
signing it again from the window gives the plain verdict back."""

from __future__ import annotations

import shutil

import pytest
from gestures import type_in_cell
from PySide6.QtWidgets import QInputDialog
from signature_downgrade import put_back, signed_twice

from ilrs_planner.cli import main
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.sharing import prompts

WEAK = "Signed by a trusted key, earlier scheme: CNSA planning — link order and secret not covered"


@pytest.fixture
def downgraded(tmp_path, trusted, capsys):
    """The downgraded file, its signer's public key among the trusted keys."""
    path, earlier = signed_twice(tmp_path)
    put_back(path, earlier)
    trusted.mkdir()
    shutil.copy(tmp_path / "keys" / "cnsa-planning.pub", trusted)
    capsys.readouterr()
    return path


def test_opening_a_downgraded_file_shows_the_weaker_verdict_and_a_box(qtbot, window, downgraded):
    label = window.status_bar_widgets["signature"]
    assert window.plan_file.open_path(str(downgraded))
    qtbot.waitUntil(lambda: label.warning is not None and label.warning.isVisible(), timeout=10_000)
    assert label.text() == WEAK
    assert "#1b5e20" not in label.styleSheet()  # not the green of a verified plan
    assert "ask CNSA planning to sign it again" in label.toolTip() and "2026-06-01" in label.toolTip()
    box = label.warning
    assert box.windowTitle() == "Signed with the earlier signature scheme"
    assert "does not cover the order of links or the plan's secret" in box.text()
    assert box.text().endswith("ask CNSA planning to sign it again.")
    box.accept()


def test_an_edit_to_it_is_said_after_the_weaker_verdict(qtbot, window, downgraded):
    label = window.status_bar_widgets["signature"]
    assert window.plan_file.open_path(str(downgraded))
    qtbot.waitUntil(lambda: label.warning is not None and label.warning.isVisible(), timeout=10_000)
    label.warning.accept()
    type_in_cell(window.tree, "landing", Column.DURATION, "12")
    qtbot.waitUntil(lambda: window.document.modified, timeout=10_000)
    assert label.text() == WEAK + " — edited since (unsaved)"


def test_signing_it_again_in_the_window_verifies_it(qtbot, window, downgraded, trusted, monkeypatch):
    label = window.status_bar_widgets["signature"]
    assert window.plan_file.open_path(str(downgraded))
    qtbot.waitUntil(lambda: label.warning is not None and label.warning.isVisible(), timeout=10_000)
    label.warning.accept()
    monkeypatch.setattr(prompts, "open_file", lambda *_a: str(downgraded.parent / "keys" / "cnsa-planning.key"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("", True))
    next(a for a in window.menus["file"].actions() if a.text().replace("&", "") == "Sign plan…").trigger()
    assert label.text() == "Signed by a trusted key: CNSA planning"
    assert main(["verify", str(downgraded), "--trusted", str(trusted)]) == 0

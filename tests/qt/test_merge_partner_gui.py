"""File → Merge… of a partner's edited copy: the window asks for the copy sent, and keeps what it withheld."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QFileDialog

from ilrs_planner.domain import Classification
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.sharing import prompts
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.sharing.sent_record import record_sent
from ilrs_planner.store import open_project, save_project


@pytest.fixture
def told(monkeypatch):
    seen = {"inform": [], "fail": []}
    monkeypatch.setattr(prompts, "inform", lambda _p, title, text, details=None: seen["inform"].append((title, text,
                                                                                                        details)))
    monkeypatch.setattr(prompts, "fail", lambda _p, _title, error: seen["fail"].append(error))
    return seen


def test_merging_a_partner_copy_asks_for_the_copy_sent_and_keeps_the_withheld_task(
        qtbot, small_project, tmp_path, monkeypatch, told):
    small_project.tasks["b"].classification = Classification.RESTRICTED  # A → B → C: B is withheld
    theirs = redact_project(small_project, Classification.PUBLIC)
    record_sent(small_project, theirs, date(2026, 12, 4))  # as Export for partner records it
    save_project(small_project, tmp_path / "ours_then.db")
    assert "b" not in theirs.tasks and ("a", "c") in {(k.pred_id, k.succ_id) for k in theirs.links.values()}
    theirs.tasks["a"].percent_complete = 40  # the partner's progress
    save_project(theirs, tmp_path / "theirs.db")
    window = MainWindow(Document(open_project(tmp_path / "ours_then.db")))
    qtbot.addWidget(window)
    asked, answers = [], [tmp_path / "theirs.db", tmp_path / "ours_then.db"]  # our plan as it was, as base

    def pick(_parent, caption, *_rest):
        asked.append(caption)
        return str(answers.pop(0)), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    window.sharing.merge.trigger()  # File → Merge…
    assert asked == ["Merge: the other team's version (theirs)",
                     "Merge: the partner copy you sent (Everyone, on 2026-12-04), or this plan as it was when you "
                     "sent it (base)"]
    merged = window.document.project
    assert merged.tasks["a"].percent_complete == 40
    assert "b" in merged.tasks  # withheld from them, so never deleted by them
    assert sorted((k.pred_id, k.succ_id) for k in merged.links.values()) == [("a", "b"), ("b", "c"), ("c", "m")]
    assert merged.partner_level is None  # the merged plan is ours, not a partner copy
    title, _text, notes = told["inform"][-1]
    assert title == "Merged with notes"
    assert notes[0].startswith("their plan is the partner copy made for level Everyone on 2026-12-04")
    assert not told["fail"]
    window.document.mark_saved()

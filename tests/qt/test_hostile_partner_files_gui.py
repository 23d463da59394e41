"""A partner's crafted plan file, opened or merged in the window, is refused with the code naming what is
wrong, and the plan open stays as it was, unsaved edits and undo history included."""

from __future__ import annotations

import sqlite3

import pytest

from ilrs_planner.domain import PlanSignature
from ilrs_planner.qt.plan_file import controller
from ilrs_planner.qt.sharing import prompts
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.store import save_project

COPY_ID = "0123456789abcdef0123456789abcdef"
CRAFTED = {
    "a trigger": (["CREATE TRIGGER t AFTER INSERT ON tasks BEGIN SELECT 1; END"], "store.untrusted_schema"),
    "a virtual table": (["CREATE VIRTUAL TABLE f USING fts5(x)"], "store.untrusted_schema"),
    "a format from the future": (["PRAGMA user_version = 99"], "store.newer_schema"),
    "text that is not UTF-8": (["UPDATE tasks SET name = CAST(x'fffe' AS TEXT)"], "store.bad_value"),
    "one copy recorded twice": ([f"UPDATE plan SET sent_copies = '{COPY_ID} public notes 2026-12-04; "
                                 f"{COPY_ID} restricted notes 2026-12-05'"], "store.bad_value"),
    "a forged count of signed records": (["UPDATE signature SET sent_copies = '01 x'"], "store.bad_value"),
}


def _crafted(path, small_project, statements) -> None:
    plan = clone_project(small_project)
    plan.signature = PlanSignature("Partner", bytes(32), bytes(64), "ab" * 32, "2026-12-04T09:00:00+00:00")
    save_project(plan, path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def _edited(window) -> None:
    window.document.project.tasks["a"].duration = 11  # an edit of ours, unsaved
    window.document.project.tasks["a"].notes = "our unsaved note"


@pytest.mark.parametrize("what", CRAFTED)
def test_a_crafted_file_opened_is_refused_by_name_and_our_plan_stays(window, small_project, tmp_path, monkeypatch,
                                                                      what):
    statements, code = CRAFTED[what]
    _crafted(tmp_path / "theirs.db", small_project, statements)
    shown = []
    monkeypatch.setattr(controller, "show_error", lambda _parent, title, error: shown.append(error))
    _edited(window)
    before = window.document.project
    assert not window.files.open_path(str(tmp_path / "theirs.db"))
    assert [error.code for error in shown] == [code]
    assert window.document.project is before and before.tasks["a"].notes == "our unsaved note"


@pytest.mark.parametrize("what", CRAFTED)
def test_a_crafted_file_merged_is_refused_by_name_and_our_plan_stays(window, small_project, tmp_path, monkeypatch,
                                                                      what):
    statements, code = CRAFTED[what]
    _crafted(tmp_path / "theirs.db", small_project, statements)
    save_project(small_project, tmp_path / "base.db")
    failed = []
    monkeypatch.setattr(prompts, "fail", lambda _parent, title, error: failed.append(error))
    answers = [str(tmp_path / "theirs.db"), str(tmp_path / "base.db")]
    monkeypatch.setattr(prompts, "open_file", lambda *_a: answers.pop(0))
    _edited(window)
    assert not window.sharing.merge_with()
    assert [error.code for error in failed] == [code]
    assert window.document.undo_stack.count() == 0 and window.document.project.tasks["a"].duration == 11

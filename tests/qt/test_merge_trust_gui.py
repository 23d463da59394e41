"""Export for partner records the copy in the plan's file; File → Merge… words its base question from
that record and merges by it, whatever the partner's file claims: a copy sent at Everyone whose file was
rewritten to "Restricted", holding the withheld task by its id, changes nothing of that task."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtWidgets import QFileDialog

from ilrs_planner.domain import Classification
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.sharing import prompts
from ilrs_planner.qt.sharing.partner_dialog import PartnerCopy
from ilrs_planner.store import open_project, save_project


def _menu_action(window, text: str):
    [action] = [a for a in window.menus["file"].actions() if a.text().replace("&", "") == text]
    return action


def test_a_copy_whose_file_claims_a_higher_level_merges_as_the_copy_our_plan_recorded(
        qtbot, small_project, tmp_path, monkeypatch):
    small_project.tasks["b"].classification = Classification.RESTRICTED  # A → B → C: B is withheld
    ours = tmp_path / "ours.db"
    save_project(small_project, ours)
    window = MainWindow(Document(open_project(ours)))
    qtbot.addWidget(window)
    assert window.plan_file.open_path(str(ours))
    told: list[tuple] = []
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PUBLIC))
    monkeypatch.setattr(prompts, "save_file", lambda *_a: (str(tmp_path / "sent.db"), ""))
    monkeypatch.setattr(prompts, "inform", lambda _w, title, text, details=None: told.append((title, details)))
    monkeypatch.setattr(prompts, "fail", lambda _w, title, error: told.append((title, error.message)))
    _menu_action(window, "Export for partner…").trigger()  # File → Export for partner…, Everyone
    copy = open_project(tmp_path / "sent.db")
    [record] = open_project(ours).sent_copies  # in the plan's file at once, not only in the window
    assert (record.copy_id, record.level, record.without_notes) == (copy.id, Classification.PUBLIC, False)
    assert not window.document.modified  # nothing of the plan's content was edited

    # The partner rewrites their copy's level and slips in the withheld task, renamed and re-timed.
    copy.partner_level = Classification.RESTRICTED
    copy.tasks["b"] = dataclasses.replace(small_project.tasks["b"], name="Renamed by partner", duration=900)
    save_project(copy, tmp_path / "theirs.db")
    asked, answers = [], [tmp_path / "theirs.db", ours]  # our plan as it was when we sent it, as base

    def pick(_parent, caption, *_rest):
        asked.append(caption)
        return str(answers.pop(0)), ""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    shown = []
    monkeypatch.setattr(prompts, "resolve_conflicts", lambda _w, result: shown.append(result) or {})
    _menu_action(window, "Merge…").trigger()  # File → Merge…
    assert asked[1] == (f"Merge: the partner copy you sent (Everyone, on {date.today().isoformat()}), or this plan "
                        "as it was when you sent it (base)")
    merged = window.document.project
    assert merged.tasks["b"] == small_project.tasks["b"] and merged.links == small_project.links
    [result] = shown
    assert {(c.kind, c.id, c.field, c.reason) for c in result.conflicts} == {
        ("task", "b", "name", "theirs changes a task of ours their copy was never sent"),
        ("task", "b", "duration", "theirs changes a task of ours their copy was never sent")}
    window.document.mark_saved()

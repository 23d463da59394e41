"""Typing into the Confidence cell the word it shows states it. On the bundled roadmap the Pakistan
rover, which states no confidence and cites a source, is pushed past its announcement by Chang'e 8
and shows 'inferred': typing 'inferred' states it (one undo step); typing a task's own word, shown
as it is stated, does nothing; Enter without typing changes nothing."""

from __future__ import annotations

from gestures import click_cell, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ilrs_planner.domain import Confidence
from ilrs_planner.qt.models.task_columns import Column


def _shown(window, task_id: str) -> str:
    return window.tree.proxy_index(task_id, int(Column.CONFIDENCE)).data()


def _roadmap_with_confidence_column(roadmap_window):
    roadmap_window.tree.header().setSectionHidden(int(Column.CONFIDENCE), False)
    project = roadmap_window.document.project
    return project, project.task_by_key("pakistan-rover-ce8"), project.task_by_key("change-8")


def test_typing_the_word_a_pushed_task_shows_states_it_in_one_undo_step(qtbot, roadmap_window):
    project, rover, _ = _roadmap_with_confidence_column(roadmap_window)
    assert (rover.confidence, _shown(roadmap_window, rover.id)) == (None, "inferred")
    stack = roadmap_window.document.undo_stack
    click_cell(roadmap_window.tree, rover.id, Column.CONFIDENCE)
    type_text(roadmap_window.tree, "inferred")
    assert rover.confidence is Confidence.INFERRED and stack.count() == 1
    assert _shown(roadmap_window, rover.id) == "inferred"
    stack.undo()
    assert rover.confidence is None and _shown(roadmap_window, rover.id) == "inferred"


def test_typing_the_word_a_task_shows_as_it_states_it_does_nothing(qtbot, roadmap_window):
    project, rover, change_8 = _roadmap_with_confidence_column(roadmap_window)
    stack = roadmap_window.document.undo_stack
    assert _shown(roadmap_window, change_8.id) == "sourced"  # not pushed: shown as it reads unstated
    click_cell(roadmap_window.tree, change_8.id, Column.CONFIDENCE)
    type_text(roadmap_window.tree, "sourced")
    assert change_8.confidence is None and stack.count() == 0
    click_cell(roadmap_window.tree, rover.id, Column.CONFIDENCE)
    type_text(roadmap_window.tree, "inferred")
    click_cell(roadmap_window.tree, rover.id, Column.CONFIDENCE)
    type_text(roadmap_window.tree, "inferred")  # stated now, and shown: no second step
    assert rover.confidence is Confidence.INFERRED and stack.count() == 1


def test_enter_without_typing_leaves_a_pushed_task_as_it_states(qtbot, roadmap_window):
    project, rover, _ = _roadmap_with_confidence_column(roadmap_window)
    click_cell(roadmap_window.tree, rover.id, Column.CONFIDENCE)
    QTest.keyClick(roadmap_window.tree, Qt.Key.Key_F2)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert rover.confidence is None and roadmap_window.document.undo_stack.count() == 0


def _refusals(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr("ilrs_planner.qt.main_window.show_refusal",
                        lambda parent, error, **_then: shown.append(error.message))
    return shown


def test_typing_sourced_on_a_pushed_task_is_refused_saying_what_pushes_it(qtbot, roadmap_window, monkeypatch):
    project, rover, change_8 = _roadmap_with_confidence_column(roadmap_window)
    refusals = _refusals(monkeypatch)
    click_cell(roadmap_window.tree, rover.id, Column.CONFIDENCE)
    type_text(roadmap_window.tree, "sourced")
    # Stored, 'sourced' would never be seen: the push past its 2028 keeps the cell at 'inferred'.
    assert rover.confidence is None and roadmap_window.document.undo_stack.count() == 0
    assert _shown(roadmap_window, rover.id) == "inferred"
    assert len(refusals) == 1 and f"because '{change_8.name}' pushes it past its announced 2028" in refusals[0]
    assert "type inferred" in refusals[0]


def test_typing_sourced_on_a_task_citing_no_source_is_refused_saying_it_needs_one(qtbot, window, monkeypatch):
    window.tree.header().setSectionHidden(int(Column.CONFIDENCE), False)
    task = window.document.project.tasks["b"]
    assert not task.source_url and task.confidence is None
    refusals = _refusals(monkeypatch)
    click_cell(window.tree, "b", Column.CONFIDENCE)
    type_text(window.tree, "sourced")
    assert task.confidence is None and window.document.undo_stack.count() == 0
    assert len(refusals) == 1 and "cites no source, and sourced needs one" in refusals[0]
    click_cell(window.tree, "b", Column.CONFIDENCE)
    type_text(window.tree, "assumption")  # a word it can carry is taken
    assert task.confidence is Confidence.ASSUMPTION

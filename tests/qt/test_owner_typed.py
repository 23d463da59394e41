"""The Owner cell takes a participant typed as well as chosen: a key or name typed is that participant,
and anything else is refused naming the participants, as every other cell refuses what it cannot
read (typed 'XYZ' over Venezuela, or '10d' after a Tab from Name, the cell kept what it held
without a word)."""

from __future__ import annotations

import pytest
from gestures import click_cell, type_keys, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ilrs_planner.qt.models.task_columns import Column


def _type_into_owner(window, text: str) -> None:
    click_cell(window.tree, "b", Column.NAME)
    click_cell(window.tree, "b", Column.OWNER)
    type_text(window.tree, text)


@pytest.mark.parametrize("typed", ["VE", "venezuela", "Venezuela"])
def test_a_participants_key_or_name_typed_into_owner_makes_it_the_owner(qtbot, window, typed):
    _type_into_owner(window, typed)
    assert window.document.project.tasks["b"].owner_id == "p-ve"


def test_a_name_no_participant_has_is_refused_naming_the_participants(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    click_cell(window.tree, "b", Column.OWNER)
    type_keys(window.tree, "XYZ")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()  # the cell's typing is applied in a queued call
    said = window.statusBar().currentMessage()
    assert "'XYZ' is not a participant of the plan" in said and "CNSA" in said and "VE" in said
    assert window.document.project.tasks["b"].owner_id is None

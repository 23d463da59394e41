"""A date the planner sets makes a sourced or inferred task an assumption in the same undo step,
wherever it is set: typed in the table, dragged in the chart, applied from the what-if panel, or
given in the task dialog. On the bundled roadmap Chang'e 8 cites its announcement (shown sourced)."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Confidence
from ilrs_planner.domain.provenance import shown_confidence
from ilrs_planner.qt.analysis.whatif_panel import WhatIfPanel
from ilrs_planner.qt.dialogs.task_dialog import TaskDialog
from ilrs_planner.qt.document import Document


@pytest.fixture(scope="module")
def _reference():
    return build_reference_project()


@pytest.fixture
def roadmap(_reference):
    document = Document(copy.deepcopy(_reference))
    change_8 = document.project.task_by_key("change-8")
    assert (change_8.confidence, shown_confidence(change_8)) == (None, "sourced")
    return document, change_8


def test_applying_a_what_if_makes_the_task_an_assumption_in_the_same_step(qtbot, roadmap):
    document, change_8 = roadmap
    panel = WhatIfPanel(document)
    qtbot.addWidget(panel)
    document.set_selection([change_8.id])  # the panel follows the selection
    panel.days_spin.setValue(400)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert change_8.confidence is Confidence.ASSUMPTION and document.undo_stack.count() == 1
    assert change_8.source_url  # the source stays cited: it says what was announced
    document.undo_stack.undo()
    assert change_8.confidence is None and change_8.constraint_date.year == 2029


def _dialog(qtbot, document, task_id) -> TaskDialog:
    dialog = TaskDialog(document, task_id)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_a_date_given_in_the_task_dialog_makes_the_task_an_assumption_in_the_same_step(qtbot, roadmap):
    document, change_8 = roadmap
    dialog = _dialog(qtbot, document, change_8.id)
    dialog.ui.constraint_date_edit.setText("2031")
    _ok(qtbot, dialog)
    assert change_8.constraint_date.year == 2031 and change_8.confidence is Confidence.ASSUMPTION
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert change_8.constraint_date.year == 2029 and change_8.confidence is None


def test_the_task_dialog_keeps_a_confidence_chosen_with_the_date_and_other_edits_keep_it_as_it_was(qtbot, roadmap):
    document, change_8 = roadmap
    dialog = _dialog(qtbot, document, change_8.id)
    dialog.ui.notes_edit.setPlainText("Checked against the 2025 statement.")
    _ok(qtbot, dialog)
    assert change_8.confidence is None  # no date set: still the source's
    dialog = _dialog(qtbot, document, change_8.id)
    dialog.ui.constraint_date_edit.setText("2031")
    combo = dialog.provenance.confidence_combo
    combo.setCurrentIndex(combo.findData("inferred"))
    _ok(qtbot, dialog)
    assert change_8.confidence is Confidence.INFERRED and document.undo_stack.count() == 2


def test_a_what_if_applied_to_a_task_known_to_the_year_reads_its_new_days_in_the_table(qtbot, roadmap_window):
    from ilrs_planner.qt.models.task_columns import Column

    window = roadmap_window
    task = window.document.project.task_by_key("ilrs-1-5")
    start_cell = window.tree.proxy_index(task.id, int(Column.START))
    assert start_cell.data() == "2030"  # announced to the year
    window.analysis.show("whatif")
    panel = window.analysis.panel("whatif")
    qtbot.waitUntil(panel.isVisible, timeout=20000)
    window.document.set_selection([task.id])  # the panel follows the selection
    qtbot.waitUntil(lambda: panel.task_combo.currentData() == task.id, timeout=20000)
    panel.days_spin.setValue(100)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert window.document.undo_stack.count() == 1
    # The 100 days read as they moved: start no earlier than 2030-01-01 + 100 days, the planner's day.
    assert window.tree.proxy_index(task.id, int(Column.START)).data() == "2030-04-11"
    assert window.tree.proxy_index(task.id, int(Column.CONFIDENCE)).data() == "assumption"
    window.edit.undo.trigger()
    assert window.tree.proxy_index(task.id, int(Column.START)).data() == "2030"

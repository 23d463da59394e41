"""The main window: opening on a plan, tree and chart aligned, editing actions, undo names, plug-ins."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.models.task_tree_model import ROW_HEIGHT


@pytest.fixture
def window(qtbot, small_project):
    win = MainWindow(Document(small_project))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())  # closing must not ask
    win.resize(1400, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_window_shows_the_plan_with_title_and_status(window):
    assert window.windowTitle().startswith("Small — not saved to a file")
    # C's last day is 2030-03-01 and M sits at its end, shown that day, as MS Project shows it.
    assert window.status_bar_widgets["finish"].text() == "Finish: 2030-03-01"
    assert window.status_bar_widgets["critical"].text() == "Critical tasks: 4"  # A, B, C, M; not the phase
    assert set(window.menus) >= {"file", "edit", "view", "analysis", "help"}


def test_tree_and_chart_share_rows_scroll_and_selection(qtbot, window):
    assert window.gantt.rows() == ["ph", "a", "b", "c", "m"]
    window.tree.collapse(window.tree.proxy_index("ph"))
    assert window.gantt.rows() == ["ph", "m"]
    window.document.set_selection(["b"])  # as a click in the chart does
    window.tree.expandAll()
    rows = window.tree.selectionModel().selectedRows()
    selected = [window.tree.source_model.data(i, Qt.ItemDataRole.UserRole + 1) for i in rows]
    assert selected == ["b"]
    assert window.tree.visualRect(window.tree.proxy_index("a")).height() == ROW_HEIGHT


def test_add_indent_and_undo_redo_names(qtbot, window):
    window.document.set_selection(["m"])
    window.edit.add_milestone.trigger()
    new_id = window.document.selected_ids[0]
    assert window.document.project.tasks[new_id].duration == 0
    undo_text = window.edit.undo.text()
    assert undo_text == "&Undo Add milestone 'New milestone'" or "Add milestone" in undo_text
    window.edit.indent.trigger()
    assert window.document.project.tasks[new_id].parent_id == "m"
    window.edit.undo.trigger()
    window.edit.undo.trigger()
    assert new_id not in window.document.project.tasks
    window.edit.redo.trigger()
    assert new_id in window.document.project.tasks
    assert window.isWindowModified()


def test_typing_a_date_in_the_table_is_one_undo_step(window):
    index = window.tree.proxy_index("b", int(Column.START))
    assert window.tree.model().setData(index, "Q2 2031")
    assert index.data() == "Q2 2031"
    window.edit.undo.trigger()
    assert index.data() == "2030-01-11"


def test_refused_edit_through_an_action_shows_a_dialog_and_changes_nothing(window, monkeypatch):
    shown = []
    monkeypatch.setattr("ilrs_planner.qt.main_window.show_refusal", lambda parent, error: shown.append(error.code))
    window.document.set_selection(["m", "a"])  # M follows A through B and C: linking M → A closes a loop
    window.edit.link.trigger()
    assert shown == ["link.cycle"] and window.document.undo_stack.count() == 0


def test_an_outline_move_that_cannot_be_made_is_said_in_the_status_bar_alone(window, monkeypatch):
    shown = []
    monkeypatch.setattr("ilrs_planner.qt.main_window.show_refusal", lambda parent, error: shown.append(error.code))
    window.document.set_selection(["ph"])
    window.edit.move_up.trigger()
    assert shown == [] and window.document.undo_stack.count() == 0
    assert "already the first in its group" in window.statusBar().currentMessage()


def test_scrolling_either_side_scrolls_both_to_the_same_pixel(qtbot, window):
    from ilrs_planner.commands.tasks import AddTask
    from ilrs_planner.domain import Task

    for n in range(60):  # enough rows to scroll
        window.document.push(AddTask(Task(key=f"X{n}", name=f"Extra {n}", duration=5, id=f"x{n}")))
    qtbot.wait(10)
    bar = window.tree.verticalScrollBar()
    bar.setValue(5 * ROW_HEIGHT)
    assert window.gantt.vertical_offset == 5 * ROW_HEIGHT
    window.gantt.set_vertical_offset(12 * ROW_HEIGHT + 7)
    assert bar.value() == 12 * ROW_HEIGHT + 7
    # The chart's last row is reachable and the table follows it all the way.
    window.gantt.set_vertical_offset(10**6)
    assert bar.value() == window.gantt.vertical_offset > 0
    first_row_shown = window.tree.indexAt(window.tree.viewport().rect().topLeft())
    assert first_row_shown.data(Qt.ItemDataRole.UserRole + 1) == window.gantt.rows()[bar.value() // ROW_HEIGHT]


def test_owner_is_chosen_from_the_participants(qtbot, window):
    from PySide6.QtWidgets import QComboBox

    index = window.tree.proxy_index("b", int(Column.OWNER))
    window.tree.setCurrentIndex(index)
    window.tree.edit(index)
    editor = window.tree.indexWidget(index) or window.tree.findChild(QComboBox)
    assert isinstance(editor, QComboBox) and editor.count() == 3  # none, CNSA, VE
    editor.setCurrentIndex(editor.findData("Venezuela"))
    window.tree.itemDelegate().setModelData(editor, window.tree.model(), index)
    assert window.document.project.tasks["b"].owner_id == "p-ve"


def test_sorting_by_a_column_reorders_the_chart_rows_too(window):
    window.tree.sortByColumn(int(Column.DURATION), Qt.SortOrder.DescendingOrder)
    assert window.gantt.rows() == ["ph", "c", "b", "a", "m"]
    window.tree.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert window.gantt.rows() == ["ph", "a", "b", "c", "m"]


def test_open_and_closed_summaries_survive_structural_edits(window):
    from ilrs_planner.commands.tasks import AddTask, IndentTask
    from ilrs_planner.domain import Task

    window.document.push(AddTask(Task(key="Q", name="Second phase", id="q")))
    window.document.push(AddTask(Task(key="Q1", name="Inside", duration=4, id="q1", parent_id="q")))
    assert window.gantt.rows() == ["ph", "a", "b", "c", "m", "q", "q1"]  # the new summary opened
    window.tree.collapse(window.tree.proxy_index("ph"))
    window.document.push(IndentTask("m"))  # a structural edit elsewhere resets the model
    assert window.gantt.rows() == ["ph", "q", "q1"]  # Phase stays closed; M went inside it
    assert window.gantt.rows() == window.tree.visible_task_ids()
    window.document.undo_stack.undo()
    assert window.gantt.rows() == ["ph", "m", "q", "q1"]


def test_collapse_all_and_expand_all_keep_the_chart_in_step(window):
    window.tree.collapseAll()
    assert window.gantt.rows() == ["ph", "m"]
    window.tree.expandAll()
    assert window.gantt.rows() == ["ph", "a", "b", "c", "m"]


def test_linking_selected_tasks_and_refusing_a_loop_by_name(window, monkeypatch):
    shown = []
    monkeypatch.setattr("ilrs_planner.qt.main_window.show_refusal",
                        lambda parent, error: shown.append((error.code, error.message)))
    window.document.set_selection(["a", "c"])
    window.edit.link.trigger()
    assert ("a", "c") in {(l.pred_id, l.succ_id) for l in window.document.project.links.values()}
    assert window.edit.undo.text().endswith("Link 'Task A' → 'Task C'")
    before = len(window.document.project.links)
    window.document.set_selection(["m", "a"])  # M depends on A already: A after M closes a loop
    window.edit.link.trigger()
    assert shown and shown[0][0] == "link.cycle" and "A →" in shown[0][1] and "→ M" in shown[0][1]
    assert len(window.document.project.links) == before


def test_unlinking_two_tasks_names_them_in_the_undo_list(window):
    # The Undo list (and the Undo button's tooltip) names what each step changed, as it does for Link.
    window.document.set_selection(["a", "b"])
    window.clip.unlink.trigger()  # Edit ▸ Unlink tasks
    assert window.edit.undo.text().endswith("Delete link 'Task A' → 'Task B'")


def test_a_deletion_undone_selects_the_tasks_it_brought_back(window):
    # As MS Project does: Undo shows what came back selected, not the row that was below it.
    from gestures import click_cell, press

    from ilrs_planner.qt.models.task_columns import Column

    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Delete")
    assert "b" not in window.document.project.tasks and window.document.selected_ids == ["c"]
    window.edit.undo.trigger()
    assert window.document.selected_ids == ["b"]
    assert window.tree.selectionModel().isSelected(window.tree.proxy_index("b"))  # the row shown selected


def test_a_duplicate_says_what_it_made_and_is_selected(window):
    window.document.set_selection(["a"])
    window.clip.duplicate.trigger()  # Edit ▸ Duplicate
    (copy,) = window.document.selected_ids
    assert window.document.project.tasks[copy].key == "A-copy"
    assert window.statusBar().currentMessage() == "Duplicated 1 task"

"""A command given while a cell is being typed into acts on what was typed (MS Project commits the
cell first): Insert, a toolbar button or Ctrl+S never throw a typed name or duration away. Enter
applies a cell and moves down a row, and Delete leaves the row that took the deleted one's place
selected, so the keyboard carries on as in MS Project."""

from __future__ import annotations

from gestures import click_cell, press, type_keys, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QMessageBox, QToolButton

from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.store import open_project


def names(window) -> list[str]:
    return [task.name for task, _depth in window.document.project.walk()]


def toolbar_button(window, action) -> QToolButton:
    (button,) = [b for b in window.toolbar.findChildren(QToolButton) if b.defaultAction() is action]
    return button


def test_names_typed_between_presses_of_insert_are_all_kept(qtbot, window):
    click_cell(window.tree, "m", Column.NAME)
    for name in ("Design review", "Build", "Test"):
        press(window.tree, "Insert")  # no Enter after the name: Insert starts the next task at once
        type_keys(window.tree, name)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert names(window)[-3:] == ["Design review", "Build", "Test"]


def test_a_rename_still_open_when_add_task_is_clicked_is_applied_first(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    QTest.keyClick(window.tree.viewport(), Qt.Key.Key_F2)
    QApplication.focusWidget().selectAll()
    type_keys(window.tree, "Integration")
    QTest.mouseClick(toolbar_button(window, window.edit.add_task), Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert names(window) == ["Phase", "Task A", "Integration", "New task", "Task C", "Milestone"]


def test_a_duration_typed_then_indented_is_kept(qtbot, window):
    click_cell(window.tree, "c", Column.DURATION)
    type_keys(window.tree, "3")
    press(window.tree, "Alt+Shift+Right")  # indent C under B, the duration not yet entered
    assert window.document.project.tasks["c"].duration == 3
    assert window.document.project.tasks["c"].parent_id == "b"


def test_ctrl_s_while_typing_saves_what_was_typed(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "plan.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    click_cell(window.tree, "b", Column.DURATION)
    type_keys(window.tree, "7")
    press(window.tree, "Ctrl+S")
    assert window.tree.state() != QAbstractItemView.State.EditingState
    assert open_project(target).tasks["b"].duration == 7
    assert not window.document.modified


def test_closing_the_window_while_typing_saves_what_was_typed(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "plan.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    press(window.tree, "Ctrl+S")
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Alt+Shift+Right")  # an edit waiting to be saved
    click_cell(window.tree, "c", Column.DURATION)
    type_keys(window.tree, "7")  # still in the cell when the window's X is clicked
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[1]) or QMessageBox.StandardButton.Save)
    assert window.close() and asked == ["Unsaved changes"]
    saved = open_project(target)
    assert saved.tasks["c"].duration == 7 and saved.tasks["b"].parent_id == "a"


def test_closing_with_typing_that_is_refused_keeps_the_window_open_on_it(qtbot, window, monkeypatch):
    click_cell(window.tree, "c", Column.DURATION)
    type_keys(window.tree, "abc")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert not window.close()
    qtbot.waitUntil(lambda: window.tree.state() == QAbstractItemView.State.EditingState, timeout=10_000)
    assert window.tree.indexWidget(window.tree.currentIndex()).text() == "abc"  # the cell holds it, to mend or Esc
    assert window.document.project.tasks["c"].duration == 30


def test_delete_selects_the_row_below_so_delete_again_removes_the_next_task(qtbot, window):
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Delete")
    assert window.document.selected_ids == ["b"]
    assert window.tree.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == "b"
    press(window.tree, "Delete")
    assert names(window) == ["Phase", "Task C", "Milestone"]
    QTest.keyClick(window.tree.viewport(), Qt.Key.Key_Down)
    assert window.document.selected_ids == ["m"]


def test_deleting_the_last_row_selects_the_one_above(qtbot, window):
    click_cell(window.tree, "m", Column.NAME)
    press(window.tree, "Delete")
    assert window.document.selected_ids == ["c"]  # Task C's row is shown right above the milestone
    type_text(window.tree, "Renamed")
    assert window.document.project.tasks["c"].name == "Renamed"


def test_durations_typed_down_the_column_with_enter_go_to_one_task_each(qtbot, window):
    click_cell(window.tree, "a", Column.DURATION)
    for days in ("5", "6", "7"):
        type_text(window.tree, days)  # Enter applies the cell and moves down a row, as in MS Project
    assert [window.document.project.tasks[tid].duration for tid in "abc"] == [5, 6, 7]
    assert window.tree.currentIndex().column() == int(Column.DURATION)


def test_tab_applies_the_cell_and_leaves_the_row_where_it_is(qtbot, window):
    click_cell(window.tree, "b", Column.NAME)
    type_keys(window.tree, "Integration")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert window.document.project.tasks["b"].name == "Integration"
    assert window.document.selected_ids == ["b"]


def test_insert_name_enter_repeated_lists_the_tasks_in_the_order_typed(qtbot, window):
    click_cell(window.tree, "a", Column.NAME)
    for name in ("Design", "Build", "Test"):
        press(window.tree, "Insert")
        type_text(window.tree, name)  # the new task keeps its row, so the next one goes below it
    assert names(window)[:6] == ["Phase", "Task A", "Design", "Build", "Test", "Task B"]


def tab_to(tree, column: Column) -> None:
    """Press Tab, as a person does, until the cursor is in `column` of the row."""
    for _ in range(len(Column)):
        if tree.currentIndex().column() == int(column):
            return
        QTest.keyClick(QApplication.focusWidget() or tree, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {column.name}")


def test_a_work_package_typed_name_tab_duration_enter_stays_together_in_order(qtbot, window):
    click_cell(window.tree, "a", Column.NAME)  # Task A in the phase; Task B follows it
    for name, days in (("Design", "4"), ("Build", "6"), ("Test", "2")):
        press(window.tree, "Insert")
        type_keys(window.tree, name)
        tab_to(window.tree, Column.DURATION)
        type_text(window.tree, days)  # Enter on the task being filled in keeps its row
    assert names(window)[:6] == ["Phase", "Task A", "Design", "Build", "Test", "Task B"]
    tasks = {task.name: task for task in window.document.project.tasks.values()}
    assert [tasks[name].duration for name in ("Design", "Build", "Test")] == [4, 6, 2]
    assert {tasks[name].parent_id for name in ("Design", "Build", "Test")} == {tasks["Task A"].parent_id}


def test_enter_moves_down_again_once_the_cursor_has_left_the_task_just_added(qtbot, window):
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Insert")
    type_text(window.tree, "Design")
    click_cell(window.tree, "a", Column.DURATION)  # back to typing durations down the column
    type_text(window.tree, "5")
    assert window.document.project.tasks["a"].duration == 5
    assert window.tree.currentIndex().data(Qt.ItemDataRole.UserRole + 1) != "a"  # moved down a row


def test_a_task_added_and_named_is_one_undo_step(qtbot, window):
    click_cell(window.tree, "a", Column.NAME)
    before = names(window)
    press(window.tree, "Insert")
    type_text(window.tree, "Design")
    assert window.document.undo_stack.undoText() == "Add task 'Design'"
    press(window.tree, "Ctrl+Z")
    assert names(window) == before
    press(window.tree, "Ctrl+Y")
    assert names(window)[:3] == ["Phase", "Task A", "Design"]


def test_left_and_right_move_between_a_summarys_cells_outside_its_name(qtbot, window):
    tree = window.tree
    click_cell(tree, "ph", Column.FINISH)
    QTest.keyClick(tree.viewport(), Qt.Key.Key_Left)
    assert tree.isExpanded(tree.proxy_index("ph"))  # the phase stays open
    assert tree.currentIndex().column() == int(Column.START)
    QTest.keyClick(tree.viewport(), Qt.Key.Key_Right)
    assert tree.currentIndex().column() == int(Column.FINISH)
    click_cell(tree, "ph", Column.NAME)
    QTest.keyClick(tree.viewport(), Qt.Key.Key_Left)  # in the outline's column Left folds it
    assert not tree.isExpanded(tree.proxy_index("ph"))


def test_insert_pressed_straight_after_enter_keeps_the_name_entered(qtbot, window):
    click_cell(window.tree, "m", Column.NAME)
    for name in ("Design", "Build"):
        press(window.tree, "Insert")
        QTest.keyClicks(QApplication.focusWidget(), name)
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # no pause: Insert comes next at once
    press(window.tree, "Insert")
    QApplication.processEvents()
    assert names(window)[-3:] == ["Design", "Build", "New task"]


def test_typing_into_a_phases_duration_says_why_and_moves_nothing(qtbot, window):
    click_cell(window.tree, "ph", Column.DURATION)
    type_text(window.tree, "20")  # a phase's length comes from its tasks
    assert window.document.selected_ids == ["ph"]  # not Task B, whose duration begins with a 2
    assert window.document.project.tasks["b"].duration == 20 and not window.document.undo_stack.canUndo()
    assert "'Phase' is a summary: its duration comes from its sub-tasks" in window.statusBar().currentMessage()


def test_typing_into_total_float_says_what_to_change_instead(qtbot, window):
    click_cell(window.tree, "b", Column.FLOAT)
    type_keys(window.tree, "5")
    assert window.document.selected_ids == ["b"]
    assert "worked out by the schedule" in window.statusBar().currentMessage()


def test_moving_the_first_task_of_a_group_up_says_so_in_the_status_bar_without_a_box(qtbot, window):
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Alt+Shift+Up")  # Task A is already first under the phase
    assert not [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert "already the first in its group" in window.statusBar().currentMessage()
    press(window.tree, "Alt+Shift+Down")  # the keys still work: no box took them
    assert [task.name for task, _ in window.document.project.walk()][1:3] == ["Task B", "Task A"]


def test_undo_clicked_while_typing_takes_back_the_typing_and_then_the_step_before(qtbot, window):
    click_cell(window.tree, "a", Column.DURATION)
    type_keys(window.tree, "7")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # A's duration is now 7 days
    click_cell(window.tree, "b", Column.NAME)
    type_keys(window.tree, "Integration")
    undo = toolbar_button(window, window.edit.undo)
    QTest.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert window.tree.state() != QAbstractItemView.State.EditingState
    assert window.document.project.tasks["b"].name == "Task B"
    assert window.document.project.tasks["a"].duration == 7  # the step before the typing stays
    QTest.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert window.document.project.tasks["a"].duration == 10

"""The Predecessors column, as MS Project's: typing `2FS+3d, 3SS` into a task's cell links it to the
tasks of rows 2 and 3 (or to tasks named by key) as one undoable step, and the cell reads them back
by row ID, as MS Project shows them."""

from __future__ import annotations

from gestures import click_cell, press, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from ilrs_planner.domain import LinkType
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.store import open_project, save_project


def cell(window, task_id: str, column: Column = Column.PREDECESSORS) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def incoming(window, task_id: str) -> set[tuple[str, LinkType, int]]:
    return {(link.pred_id, link.type, link.lag) for link in window.document.project.links.values()
            if link.succ_id == task_id}


def refusal_text(window) -> str:
    """The text of the window's 'Edit refused' box on screen, closed as a planner does."""
    (box,) = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    text = box.text()
    box.close()
    return text


def test_the_column_is_shown_and_reads_each_tasks_predecessors_by_row_id(qtbot, window):
    assert not window.tree.header().isSectionHidden(int(Column.PREDECESSORS))
    # Rows: 1 the phase, 2 Task A, 3 Task B, 4 Task C, 5 the milestone.
    assert [cell(window, tid) for tid in ("a", "b", "c", "m")] == ["", "2", "3", "4"]


def test_typing_row_ids_with_types_and_lags_links_the_task_as_one_step(qtbot, window):
    click_cell(window.tree, "m", Column.PREDECESSORS)
    type_text(window.tree, "2FS+2d, 3SS")  # rows 2 and 3 are Task A and Task B; row 1 is the phase
    assert incoming(window, "m") == {("a", LinkType.FS, 2), ("b", LinkType.SS, 0)}
    assert cell(window, "m") == "2FS+2 days, 3SS"
    press(window.tree, "Ctrl+Z")
    assert incoming(window, "m") == {("c", LinkType.FS, 0)}
    assert cell(window, "m") == "4"


def test_a_lag_typed_by_key_moves_the_successor_by_that_many_days(qtbot, window):
    click_cell(window.tree, "c", Column.PREDECESSORS)
    type_text(window.tree, "a fs+3d")  # a key in lower case; the plan works every day
    # Task A runs 2030-01-01 to 2030-01-10 (10 days); three days' lag after its finish: the 14th.
    assert cell(window, "c", Column.START) == "2030-01-14"
    assert cell(window, "c") == "2FS+3 days"


def test_changing_an_existing_links_type_keeps_one_link(qtbot, window):
    click_cell(window.tree, "c", Column.PREDECESSORS)
    type_text(window.tree, "B FF-2d")
    assert incoming(window, "c") == {("b", LinkType.FF, -2)}


def test_emptying_the_cell_unlinks_the_task(qtbot, window):
    click_cell(window.tree, "c", Column.PREDECESSORS)
    press(window.tree, "F2")  # (Delete deletes the task, as in MS Project)
    QApplication.focusWidget().clear()
    type_text(window.tree, "")
    assert incoming(window, "c") == set()
    assert cell(window, "c") == ""


def test_a_loop_typed_in_is_refused_naming_it_and_nothing_changes(qtbot, window):
    click_cell(window.tree, "a", Column.PREDECESSORS)
    type_text(window.tree, "M")  # M already follows A through B and C
    assert "would close the loop" in (text := refusal_text(window)) and "M → A" in text
    assert incoming(window, "a") == set()
    assert not window.document.undo_stack.canUndo()


def test_an_unknown_task_is_refused_by_name(qtbot, window):
    click_cell(window.tree, "c", Column.PREDECESSORS)
    type_text(window.tree, "Z")
    assert "No task has the ID 'Z'" in refusal_text(window)
    assert incoming(window, "c") == {("b", LinkType.FS, 0)}


def test_a_typo_is_refused_with_what_to_write(qtbot, window):
    click_cell(window.tree, "c", Column.PREDECESSORS)
    type_text(window.tree, "B XX")
    assert "write 3, 3FS+2d, 4SS-1d" in refusal_text(window)
    assert incoming(window, "c") == {("b", LinkType.FS, 0)}


def test_the_cell_typed_again_as_it_reads_changes_nothing(qtbot, window):
    click_cell(window.tree, "m", Column.PREDECESSORS)
    type_text(window.tree, "2FS+2d, 3SS")
    shown = cell(window, "m")
    click_cell(window.tree, "m", Column.PREDECESSORS)
    type_text(window.tree, shown)
    assert incoming(window, "m") == {("a", LinkType.FS, 2), ("b", LinkType.SS, 0)}
    assert window.document.undo_stack.count() == 1


def test_the_ids_follow_a_task_added_between(qtbot, window):
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Insert")  # a new task at row 3, under Task A: Task B becomes 4, C 5
    type_text(window.tree, "Survey")
    assert [cell(window, tid) for tid in ("b", "c", "m")] == ["2", "4", "5"]


def test_the_tooltip_names_the_tasks_the_ids_stand_for(qtbot, window):
    tip = window.tree.proxy_index("m", int(Column.PREDECESSORS)).data(Qt.ItemDataRole.ToolTipRole)
    assert "4: Task C (C)" in tip


def test_a_predecessor_whose_id_a_key_spells_is_shown_by_key(qtbot, window):
    window.tree.header().showSection(int(Column.KEY))  # as the header's right-click menu shows it
    click_cell(window.tree, "a", Column.KEY)
    type_text(window.tree, "3")  # typed, '3' would now name Task A, not row 3 (Task B)
    assert cell(window, "c") == "B"
    click_cell(window.tree, "c", Column.PREDECESSORS)
    type_text(window.tree, cell(window, "c"))
    assert incoming(window, "c") == {("b", LinkType.FS, 0)}


def test_a_refused_entry_leaves_the_cell_open_on_what_was_typed_to_be_mended(qtbot, window):
    # As MS Project: the box said why, then the text was gone and the cursor a row down, so a long
    # predecessor list had to be typed again for one wrong character.
    click_cell(window.tree, "m", Column.PREDECESSORS)
    type_text(window.tree, "2FS+2d, 12SS")  # there is no row 12
    assert "No task has the ID '12'" in refusal_text(window)
    window.activateWindow()  # the box closed: the window system gives the window back its focus
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=10_000)
    editor = QApplication.focusWidget()
    assert editor.text() == "2FS+2d, 12SS"
    assert window.tree.currentIndex() == window.tree.proxy_index("m", int(Column.PREDECESSORS))
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    QTest.keyClick(editor, Qt.Key.Key_Backspace)
    type_text(editor, "3SS")
    assert incoming(window, "m") == {("a", LinkType.FS, 2), ("b", LinkType.SS, 0)}
    assert cell(window, "m") == "2FS+2 days, 3SS"


def test_undoing_a_deletion_gives_back_the_predecessors_in_their_order_in_the_cell_and_the_file(
        qtbot, window, tmp_path):
    click_cell(window.tree, "m", Column.PREDECESSORS)
    type_text(window.tree, "4, 2, 3SS+2d")  # Task C (its link kept, listed first), Task A, Task B
    assert cell(window, "m") == "4, 2, 3SS+2 days"
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Delete")  # Task A, the middle one of the milestone's three
    assert "a" not in window.document.project.tasks and cell(window, "m") == "3, 2SS+2 days"
    press(window.tree, "Ctrl+Z")
    assert cell(window, "m") == "4, 2, 3SS+2 days"
    assert cell(window, "b") == "2"  # Task B's own link from A is back too
    save_project(window.document.project, tmp_path / "plan.db")
    saved = [(link.pred_id, link.succ_id) for link in open_project(tmp_path / "plan.db").links.values()]
    assert [pred for pred, succ in saved if succ == "m"] == ["c", "a", "b"]


def paste_into_cell(window, task_id: str, text: str) -> None:
    """Open the cell's editor (F2), paste `text` over what it holds and press Enter, as a planner does."""
    click_cell(window.tree, task_id, Column.PREDECESSORS)
    QTest.keyClick(window.tree.viewport(), Qt.Key.Key_F2)
    QApplication.clipboard().setText(text)
    editor = QApplication.focusWidget()
    editor.selectAll()
    press(window.tree, "Ctrl+V")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_long_refused_entry_is_quoted_by_its_start_not_whole(qtbot, window):
    entry = "2FS+" + "x" * 100_000  # a pasted megabyte's worth, shortened here for speed
    paste_into_cell(window, "m", entry)
    text = refusal_text(window)
    assert "'2FS+xxxxxxxx" in text and "…'" in text and "write 3, 3FS+2d" in text
    assert len(text) < 300  # the entry's first 60 characters, not all 100,004
    assert incoming(window, "m") == {("c", LinkType.FS, 0)}  # nothing changed


def test_a_long_cell_naming_a_task_twice_is_quoted_by_its_start(qtbot, window):
    paste_into_cell(window, "m", "2, " + ", ".join(["3"] * 20_000))
    text = refusal_text(window)
    assert "named twice in '2, 3, 3, 3" in text and "…'" in text and len(text) < 300

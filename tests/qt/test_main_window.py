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
    assert window.status_bar_widgets["finish"].text() == "Finish: 2030-03-02"
    assert window.status_bar_widgets["critical"].text() == "Critical tasks: 4"  # A, B, C, M; not the phase
    assert set(window.menus) >= {"file", "edit", "view", "analysis", "help"}


def test_tree_and_chart_share_rows_scroll_and_selection(qtbot, window):
    assert window.gantt.rows() == ["ph", "a", "b", "c", "m"]
    window.tree.collapse(window.tree._proxy_index("ph"))
    assert window.gantt.rows() == ["ph", "m"]
    window.document.set_selection(["b"])  # as a click in the chart does
    window.tree.expandAll()
    selected = [window.tree.proxy.data(i, Qt.ItemDataRole.UserRole + 1) for i in window.tree.selectionModel().selectedRows()]
    assert selected == ["b"]
    assert window.tree.visualRect(window.tree._proxy_index("a")).height() == ROW_HEIGHT


def test_add_indent_and_undo_redo_names(qtbot, window):
    window.document.set_selection(["m"])
    window.edit.add_milestone.trigger()
    new_id = window.document.selected_ids[0]
    assert window.document.project.tasks[new_id].duration == 0
    assert window.edit.undo.text() == "&Undo Add milestone 'New milestone'" or "Add milestone" in window.edit.undo.text()
    window.edit.indent.trigger()
    assert window.document.project.tasks[new_id].parent_id == "m"
    window.edit.undo.trigger()
    window.edit.undo.trigger()
    assert new_id not in window.document.project.tasks
    window.edit.redo.trigger()
    assert new_id in window.document.project.tasks
    assert window.isWindowModified()


def test_typing_a_date_in_the_table_is_one_undo_step(window):
    index = window.tree._proxy_index("b", int(Column.START))
    assert window.tree.model().setData(index, "Q2 2031")
    assert index.data() == "Q2 2031"
    window.edit.undo.trigger()
    assert index.data() == "2030-01-11"


def test_refused_edit_through_an_action_shows_a_dialog_and_changes_nothing(window, monkeypatch):
    shown = []
    monkeypatch.setattr("ilrs_planner.qt.main_window_edit.show_error", lambda parent, title, error: shown.append(error.code))
    window.document.set_selection(["ph"])
    window.edit.move_up.trigger()
    assert shown == ["task.cannot_move"] and window.document.undo_stack.count() == 0

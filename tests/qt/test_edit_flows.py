"""Editing flows as a planner brings them from MS Project: several rows selected and indented,
outdented or linked at once, each one undo step with the selection kept; the Edit and View menus
naming what they do; the find's count going with the find; Update progress suggesting a working day."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, press, type_text
from PySide6.QtCore import QDate, Qt
from windows import shown_main_window

from ilrs_planner.domain import Calendar, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.qt.dialogs.progress_rows import LAST
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
NAMES = ("Alpha", "Bravo", "Charlie", "Delta")


@pytest.fixture
def four(qtbot):
    """A new plan of four top-level tasks, Alpha to Delta, as the planner typed them."""
    project = Project("Four", date(2030, 1, 7))
    for position, name in enumerate(NAMES):
        project.add_task(Task(f"T-{position + 1}", name, 5, id=name.lower(), position=position))
    return shown_main_window(qtbot, Document(project))


def outline(window) -> list[tuple[str, str | None]]:
    """(name, summary's name) of every row, top to bottom."""
    tasks = window.document.project.tasks
    return [(task.name, tasks[task.parent_id].name if task.parent_id else None)
            for task, _depth in window.document.project.walk()]


def select_charlie_and_delta(window) -> None:
    click_cell(window.tree, "charlie", Column.NAME)
    press(window.tree, "Shift+Down")
    assert window.tree.selected_task_ids() == ["charlie", "delta"]


def test_indent_and_outdent_move_every_selected_row_in_one_step(four):
    select_charlie_and_delta(four)
    press(four.tree, "Alt+Shift+Right")
    assert outline(four) == [("Alpha", None), ("Bravo", None), ("Charlie", "Bravo"), ("Delta", "Bravo")]
    assert sorted(four.tree.selected_task_ids()) == ["charlie", "delta"]
    press(four.tree, "Alt+Shift+Left")  # back out, in the same order
    assert outline(four) == [(name, None) for name in NAMES]
    assert sorted(four.tree.selected_task_ids()) == ["charlie", "delta"]
    four.edit.undo.trigger()  # the outdent of both, as one step
    assert outline(four) == [("Alpha", None), ("Bravo", None), ("Charlie", "Bravo"), ("Delta", "Bravo")]
    four.edit.undo.trigger()  # the indent of both, as one step
    assert outline(four) == [(name, None) for name in NAMES]


def test_a_row_under_a_selected_summary_moves_with_it_not_twice(four):
    select_charlie_and_delta(four)
    press(four.tree, "Alt+Shift+Right")  # Charlie and Delta under Bravo
    click_cell(four.tree, "bravo", Column.NAME)
    press(four.tree, "Shift+Down")
    press(four.tree, "Shift+Down")  # Bravo and both its rows
    four.edit.indent.trigger()
    assert outline(four) == [("Alpha", None), ("Bravo", "Alpha"), ("Charlie", "Bravo"), ("Delta", "Bravo")]


def test_a_refused_row_leaves_every_selected_row_where_it_was(four):
    click_cell(four.tree, "alpha", Column.NAME)
    press(four.tree, "Shift+Down")
    four.edit.indent.trigger()  # Alpha has no task above it to go under
    assert "no task above it" in four.statusBar().currentMessage()
    assert outline(four) == [(name, None) for name in NAMES]


def test_ctrl_f2_links_the_selected_rows_in_order_and_delete_takes_them_all(four):
    click_cell(four.tree, "alpha", Column.NAME)
    click_cell(four.tree, "bravo", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    click_cell(four.tree, "charlie", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    press(four.tree, "Ctrl+F2")
    links = {(link.pred_id, link.succ_id) for link in four.document.project.links.values()}
    assert links == {("alpha", "bravo"), ("bravo", "charlie")}
    press(four.tree, "Ctrl+Shift+F2")
    assert not four.document.project.links
    press(four.tree, "Delete")
    assert [name for name, _ in outline(four)] == ["Delta"]


def entries(menu) -> list[str]:
    return [action.text().replace("&", "") for action in menu.actions() if not action.isSeparator()]


def test_copy_image_is_in_the_edit_menu_and_the_filter_menu_names_its_bar(four):
    edit = entries(four.menus["edit"])
    assert "Copy image" in edit and edit.count("Link tasks") == 1
    assert four.filters.menu.actions()[-1].text().replace("&", "") == "Show the filter and find bar"


def test_the_find_count_goes_when_the_filter_box_is_used_and_emptied(qtbot, four):
    box = four.navigate.find_box
    box.setFocus()
    type_text(box, "Delta")
    assert four.statusBar().currentMessage() == "1 of 1 matching “Delta”"
    four.filters.focus_name_box()
    type_text(four.filters.name_box, "a")
    assert four.statusBar().currentMessage() == ""
    box.setFocus()
    type_text(box, "Delta")
    press(box, "Ctrl+A")
    press(box, "Backspace")  # the find emptied: its count goes too
    assert four.statusBar().currentMessage() == ""


def test_update_progress_suggests_the_friday_before_a_monday_status_date(qtbot):
    project = Project("Weekdays", date(2030, 1, 7))
    project.add_calendar(Calendar("Weekdays", MONDAY_TO_FRIDAY, [], id="weekdays"))
    project.add_task(Task("T-1", "Survey", 10, id="survey", calendar_id="weekdays"))  # 2030-01-07 to 01-18
    window = shown_main_window(qtbot, Document(project))
    window.plan.open_progress()
    dialog = window.plan.progress_dialog
    qtbot.waitExposed(dialog)
    dialog.as_of_edit.setDate(QDate(2030, 1, 14))  # a Monday: the day before it is a Sunday
    assert [due.key for due in dialog.due] == ["T-1"]
    assert dialog.table.item(0, LAST).text() == "2030-01-11"  # Friday, the last day worked before it
    dialog.as_of_edit.setDate(QDate(2030, 1, 10))  # a Thursday: Wednesday
    assert dialog.table.item(0, LAST).text() == "2030-01-09"
    dialog.reject()


def names(window) -> list[str]:
    return [name for name, _ in outline(window)]


def test_move_up_and_down_move_every_selected_row_in_one_step(four):
    select_charlie_and_delta(four)
    press(four.tree, "Alt+Shift+Up")
    assert names(four) == ["Alpha", "Charlie", "Delta", "Bravo"]
    assert sorted(four.tree.selected_task_ids()) == ["charlie", "delta"]
    press(four.tree, "Alt+Shift+Up")
    assert names(four) == ["Charlie", "Delta", "Alpha", "Bravo"]
    four.edit.undo.trigger()  # the second move of both, as one step
    assert names(four) == ["Alpha", "Charlie", "Delta", "Bravo"]
    press(four.tree, "Alt+Shift+Down")
    assert names(four) == list(NAMES)
    assert sorted(four.tree.selected_task_ids()) == ["charlie", "delta"]


def test_rows_apart_move_each_and_a_row_at_the_edge_stays_saying_why(four):
    click_cell(four.tree, "alpha", Column.NAME)
    click_cell(four.tree, "charlie", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    press(four.tree, "Alt+Shift+Down")
    assert names(four) == ["Bravo", "Alpha", "Delta", "Charlie"]
    assert sorted(four.tree.selected_task_ids()) == ["alpha", "charlie"]
    press(four.tree, "Alt+Shift+Down")  # Charlie is last: Alpha alone moves, and the status bar says why
    assert names(four) == ["Bravo", "Delta", "Alpha", "Charlie"]
    assert "T-3 'Charlie' is already the last in its group" in four.statusBar().currentMessage()
    press(four.tree, "Alt+Shift+Down")  # packed against the edge now: nothing moves, said once
    assert names(four) == ["Bravo", "Delta", "Alpha", "Charlie"]
    assert "T-1 'Alpha', T-3 'Charlie' are already the last in their groups" in four.statusBar().currentMessage()
    assert four.document.undo_stack.count() == 2


def test_rows_in_two_groups_move_within_their_own(four):
    select_charlie_and_delta(four)
    press(four.tree, "Alt+Shift+Right")  # Charlie and Delta under Bravo
    click_cell(four.tree, "alpha", Column.NAME)
    click_cell(four.tree, "delta", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    press(four.tree, "Alt+Shift+Down")  # Alpha below Bravo; Delta is last under Bravo and stays
    assert outline(four) == [("Bravo", None), ("Charlie", "Bravo"), ("Delta", "Bravo"), ("Alpha", None)]
    assert "T-4 'Delta' is already the last in its group" in four.statusBar().currentMessage()
    press(four.tree, "Alt+Shift+Up")  # each up in its own group, one step
    assert outline(four) == [("Alpha", None), ("Bravo", None), ("Delta", "Bravo"), ("Charlie", "Bravo")]
    four.edit.undo.trigger()
    assert outline(four) == [("Bravo", None), ("Charlie", "Bravo"), ("Delta", "Bravo"), ("Alpha", None)]


def test_a_summary_selected_with_its_rows_moves_whole(four):
    select_charlie_and_delta(four)
    press(four.tree, "Alt+Shift+Right")  # Charlie and Delta under Bravo
    click_cell(four.tree, "bravo", Column.NAME)
    press(four.tree, "Shift+Down")
    press(four.tree, "Shift+Down")
    press(four.tree, "Alt+Shift+Up")  # the summary moves with its rows in their order, nothing said of them
    assert outline(four) == [("Bravo", None), ("Charlie", "Bravo"), ("Delta", "Bravo"), ("Alpha", None)]
    assert "already" not in four.statusBar().currentMessage()

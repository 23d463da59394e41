"""Filters of the task table and chart, chosen as a planner chooses them: the tool bar's chooser
(keyboard), View → Filter, the name box. Matching tasks show with their summaries, the chart shows
the table's rows, the status bar counts them, and edits and undo go on working while filtered."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import choose_in_combo, click_cell, press, type_keys, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ilrs_planner.domain import Task
from ilrs_planner.qt.models.task_columns import Column


@pytest.fixture
def small_project(small_project):
    """The small plan (PH holds A → B → C, then M; CNSA owns A) with X under PH: 5 days, unlinked,
    so it has float (A, B, C and M are the critical chain) and is the only task done. The shared
    `window` fixture opens it."""
    small_project.add_task(Task("X", "Survey done", 5, id="x", parent_id="ph", position=3, percent_complete=100))
    return small_project


def shown(window) -> list[str]:
    rows = window.tree.visible_task_ids()
    assert window.gantt.rows() == rows  # the chart shows the table's rows, in its order
    return rows


def status(window) -> str:
    label = window.status_bar_widgets["filter"]
    return label.text() if label.isVisible() else ""


def test_critical_shows_the_critical_chain_with_its_summary_and_says_how_many(window):
    resets = []
    window.tree.source_model.modelReset.connect(lambda: resets.append(1))
    click_cell(window.tree, "b", Column.NAME)
    assert shown(window) == ["ph", "a", "b", "c", "x", "m"] and status(window) == ""
    choose_in_combo(window, "Critical")
    assert window.tree.selected_task_ids() == ["b"]  # rows went and came around it: still selected
    assert shown(window) == ["ph", "a", "b", "c", "m"]  # X has float; PH holds the critical A, B, C
    assert status(window) == "Filter: Critical — 5 of 6 tasks shown"
    choose_in_combo(window, "All tasks")
    assert shown(window) == ["ph", "a", "b", "c", "x", "m"] and status(window) == ""
    assert resets == [] and window.tree.selected_task_ids() == ["b"]


def test_view_menu_filters_milestones_incomplete_and_by_participant(window):
    filters = window.filters
    filters.kind_actions["milestones"].trigger()
    assert shown(window) == ["m"] and window.filters.combo.currentText() == "Milestones"
    assert status(window) == "Filter: Milestones — 1 of 6 tasks shown"
    filters.kind_actions["incomplete"].trigger()
    assert shown(window) == ["ph", "a", "b", "c", "m"]  # X is done
    filters._fill_owner_menu()
    next(a for a in filters.owner_menu.actions() if a.text().startswith("CNSA")).trigger()
    assert shown(window) == ["ph", "a"] and status(window) == "Filter: Owner: CNSA — 2 of 6 tasks shown"
    assert filters.combo.currentText() == "Owner: CNSA"


def test_the_name_box_filters_as_typing_pauses_and_escape_shows_every_task_again(qtbot, window):
    box = window.filters.name_box
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    type_keys(box, "task b")
    qtbot.waitUntil(lambda: shown(window) == ["ph", "b"], timeout=10000)
    assert status(window) == "Filter: name holds “task b” — 2 of 6 tasks shown"
    choose_in_combo(window, "Critical")  # with the name kept: critical tasks whose name holds it
    assert shown(window) == ["ph", "b"] and box.text() == "task b"
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and shown(window) == ["ph", "a", "b", "c", "m"]
    assert window.tree.hasFocus()


def test_a_task_added_while_filtered_stays_shown_until_the_filter_is_chosen_again(qtbot, window):
    choose_in_combo(window, "Critical")
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Insert")
    type_text(window.tree, "Landing site survey")
    new = window.document.selected_ids[0]
    assert window.document.project.tasks[new].name == "Landing site survey"
    assert shown(window) == ["ph", "a", "b", new, "c", "m"]  # one day, unlinked: not critical, yet shown
    assert status(window) == "Filter: Critical — 6 of 7 tasks shown"
    press(window.tree, "Ctrl+Z")  # the name
    press(window.tree, "Ctrl+Z")  # the task
    assert new not in window.document.project.tasks and shown(window) == ["ph", "a", "b", "c", "m"]
    press(window.tree, "Ctrl+Shift+Z")
    assert shown(window) == ["ph", "a", "b", new, "c", "m"]
    window.filters.kind_actions["critical"].trigger()  # chosen again: worked out afresh
    assert shown(window) == ["ph", "a", "b", "c", "m"]


def test_typing_into_a_filtered_table_edits_the_task_and_undo_takes_it_back(window):
    window.filters.kind_actions["critical"].trigger()
    click_cell(window.tree, "c", Column.DURATION)
    type_text(window.tree, "2w")
    assert window.document.project.tasks["c"].duration == 14
    assert shown(window) == ["ph", "a", "b", "c", "m"]
    press(window.tree, "Ctrl+Z")
    assert window.document.project.tasks["c"].duration == 30 and shown(window) == ["ph", "a", "b", "c", "m"]


def test_slipped_tasks_needs_a_baseline_and_then_shows_what_finishes_later(window):
    window.filters.kind_actions["slipped"].trigger()
    assert shown(window) == ["ph", "a", "b", "c", "x", "m"]  # refused: nothing compared
    assert "baseline" in window.statusBar().currentMessage() and window.filters.combo.currentText() == "All tasks"
    assert window.filters.kind_actions["all"].isChecked()
    window.document.set_baseline("2021 roadmap")  # M on 2030-02-01 then; now after A, B and C: 2030-03-02
    assert window.document.schedule.tasks["m"].early_finish > date(2030, 2, 1)
    choose_in_combo(window, "Slipped tasks")
    assert shown(window) == ["m"] and status(window) == "Filter: Slipped tasks — 1 of 6 tasks shown"
    window.document.set_baseline(None)  # nothing left to compare with: every task again
    assert shown(window) == ["ph", "a", "b", "c", "x", "m"] and window.filters.combo.currentText() == "All tasks"


def test_a_new_plan_is_shown_whole(window):
    window.filters.kind_actions["milestones"].trigger()
    window.plan_file.new_plan()
    assert window.filters.combo.currentText() == "All tasks" and status(window) == ""
    press(window.tree, "Insert")
    assert len(shown(window)) == 1


def test_every_filter_entry_holds_at_most_one_key(window):
    for action in [*window.filters.kind_actions.values(), window.filters.by_name]:
        assert len(action.shortcuts()) <= 1
    assert window.filters.by_name.shortcuts()[0].toString() == "Ctrl+Shift+F"


def test_the_roadmaps_owners_are_filtered_by_the_names_the_owner_column_shows(qtbot):
    # The list read "Owner: cnsa", "Owner: bandar-lampung-university" beside an Owner column of "CNSA".
    from ilrs_planner.data.reference import build_reference_project
    from ilrs_planner.qt.document import Document
    from ilrs_planner.qt.main_window import MainWindow

    window = MainWindow(Document(build_reference_project()))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    window.show()
    qtbot.waitExposed(window)
    change6 = next(t.id for t in window.document.project.tasks.values() if t.key == "change-6")
    owner_cell = window.tree.proxy_index(change6, int(Column.OWNER)).data()
    filters = window.filters
    filters._fill_owner_menu()
    next(a for a in filters.owner_menu.actions() if a.text().startswith(f"{owner_cell} — ")).trigger()
    assert change6 in shown(window) and status(window).startswith(f"Filter: Owner: {owner_cell} — ")
    assert filters.combo.currentText() == f"Owner: {owner_cell}"
    entries = [filters.combo.itemText(i) for i in range(filters.combo.count())]
    owners = [text for text in entries if text.startswith("Owner: ")]
    # Only those who own a task: the roadmap's 39 members listed 33 owners of nothing, each an empty table.
    owning = {t.owner_id for t in window.document.project.tasks.values() if t.owner_id}
    assert len(set(owners)) == len(owners) == len(owning) < len(window.document.project.participants)
    assert "Owner: cnsa" not in owners


def test_the_arrow_keys_pass_slipped_tasks_while_no_baseline_is_compared(qtbot, window):
    # Down onto Slipped tasks was refused and snapped back, so the owners below it were out of reach.
    combo = window.filters.combo
    slipped = combo.model().item(combo.findData("slipped"))
    assert not slipped.isEnabled() and "baseline" in slipped.toolTip()
    choose_in_combo(window, "Incomplete tasks")
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText().startswith("Owner: ")
    assert status(window).startswith(f"Filter: {combo.currentText()} — ")
    window.document.set_baseline("2021 roadmap")  # now it can be chosen
    assert slipped.isEnabled() and slipped.toolTip() == ""
    choose_in_combo(window, "Slipped tasks")
    assert status(window).startswith("Filter: Slipped tasks — ")


def test_the_chooser_lists_the_owners_of_tasks_as_it_is_reached(qtbot, window):
    from ilrs_planner.commands.tasks import SetTaskFields

    def owners() -> list[str]:
        combo = window.filters.combo
        return [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i).startswith("Owner: ")]

    assert owners() == ["Owner: CNSA"]  # Venezuela owns no task yet: no entry leading to an empty table
    window.document.push(SetTaskFields("b", owner_id="p-ve"))
    window.filters.combo.setFocus()
    qtbot.waitUntil(lambda: owners() == ["Owner: CNSA", "Owner: Venezuela"], timeout=10_000)

"""The task table's rows through add, delete, indent and opening summaries, as a planner does them:
the new rows appear where they belong, the selection and the open/closed summaries stay as they
were, and the table is never rebuilt from scratch (that is what made 100,000-task plans slow)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from gestures import press, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from windows import shown_main_window

from ilrs_planner.chart.list_ends import agreeing_ends, forget_lists
from ilrs_planner.commands.tasks import AddTask, DeleteTasks
from ilrs_planner.domain import Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.models.task_delegate import ARROW, INDENT
from ilrs_planner.qt.models.task_outline import (
    INSERT,
    MOVE,
    REMOVE,
    REPLACE,
    SAME,
    block_ends,
    row_edit,
    visible_rows,
)


@pytest.fixture
def window(qtbot, small_project):
    """Phase (A, B, C), M, and a closed second phase Q holding Q1."""
    document = Document(small_project)
    document.push(AddTask(Task(key="Q", name="Second phase", id="q")))
    document.push(AddTask(Task(key="Q1", name="Inside", duration=4, id="q1", parent_id="q")))
    document.undo_stack.clear()
    win = shown_main_window(qtbot, document)
    win.tree.collapse(win.tree.proxy_index("q"))
    return win


@pytest.fixture
def resets(window):
    seen = []
    window.tree.model().modelReset.connect(lambda: seen.append("reset"))
    return seen


def shown(window) -> list[str]:
    """Task ids of the table's rows, top to bottom, read from the rows Qt shows."""
    model = window.tree.model()
    return [model.index(row, 0).data(Qt.ItemDataRole.UserRole + 1) for row in range(model.rowCount())]


def select(window, *task_ids: str) -> None:
    window.document.set_selection(list(task_ids))


def test_insert_adds_a_row_below_the_selected_task_and_keeps_closed_summaries_closed(window, resets):
    select(window, "b")
    press(window.tree, "Insert")  # Edit → Add task: the name is being edited at once
    type_text(window.tree, "Lander descent test")
    new = window.document.project.task_by_key(next(t.key for t in window.document.project.tasks.values()
                                                   if t.name == "Lander descent test")).id
    assert shown(window) == ["ph", "a", "b", new, "c", "m", "q"]  # Q is still closed
    assert window.gantt.rows() == shown(window)
    assert window.document.selected_ids == [new] and window.tree.selected_task_ids() == [new]
    assert window.tree.proxy_index(new, int(Column.NAME)).data() == "Lander descent test"
    assert resets == []


def test_after_an_insert_each_task_is_found_on_its_row_near_the_insert_or_far_from_it(window):
    """The table finds a task's row after an edit first where the rows changed, then everywhere;
    a task under a closed summary has no row."""
    select(window, "b")
    press(window.tree, "Insert")
    press(window.tree, "Escape")
    model, rows = window.tree.source_model, shown(window)
    for task_id in [rows[3], "b", "c", "ph", "q", "m", rows[3], "q1"]:
        assert model.row_of(task_id) == (rows.index(task_id) if task_id in rows else None)
    assert window.tree.proxy_index("q1").isValid() is False


def test_delete_removes_the_rows_and_undo_puts_them_back_in_place(window, resets):
    select(window, "b")
    press(window.tree, "Delete")
    assert shown(window) == ["ph", "a", "c", "m", "q"]
    press(window.tree, "Ctrl+Z")
    assert shown(window) == ["ph", "a", "b", "c", "m", "q"]
    assert not window.tree.isExpanded(window.tree.proxy_index("q")) and window.tree.isExpanded(
        window.tree.proxy_index("ph"))
    assert resets == []


def test_indent_keeps_the_selection_and_opens_the_new_summary(window, resets):
    select(window, "c")
    press(window.tree, "Alt+Shift+Right")  # Edit → Indent: C goes under B
    assert window.document.project.tasks["c"].parent_id == "b"
    assert shown(window) == ["ph", "a", "b", "c", "m", "q"]  # B opened, so C stays in sight
    assert window.tree.selected_task_ids() == ["c"]
    assert window.tree.source_model.depth("c") == 2 and window.tree.isExpanded(window.tree.proxy_index("b"))
    press(window.tree, "Alt+Shift+Left")  # Outdent: back as it was
    assert window.document.project.tasks["c"].parent_id == "ph" and window.tree.selected_task_ids() == ["c"]
    assert resets == []



def test_indenting_a_task_under_its_predecessor_takes_the_link_away_and_says_so(qtbot, window, resets):
    """A → B: with B under A, A would be a summary linked to its own sub-task and no task could be
    dated. The indent removes that link in the same step, the status bar says so, and the plan stays
    scheduled; one Ctrl+Z brings back both the place and the link."""
    project = window.document.project
    link_ids = sorted(project.links)
    select(window, "b")
    press(window.tree, "Alt+Shift+Right")
    assert project.tasks["b"].parent_id == "a" and not any(
        link.pred_id == "a" and link.succ_id == "b" for link in project.links.values())
    assert window.document.schedule is not None and window.document.schedule_error is None
    names = project.tasks
    said = window.statusBar().currentMessage()
    assert f"remove the link '{names['a'].name}' → '{names['b'].name}'" in said and "Undo" in said
    press(window.tree, "Ctrl+Z")
    assert project.tasks["b"].parent_id == "ph" and sorted(project.links) == link_ids
    assert shown(window) == ["ph", "a", "b", "c", "m", "q"] and resets == []


def test_moving_a_task_up_moves_its_row_and_its_selection(window, resets):
    select(window, "c")
    press(window.tree, "Alt+Shift+Up")
    assert shown(window) == ["ph", "a", "c", "b", "m", "q"]
    assert window.tree.selected_task_ids() == ["c"] and window.gantt.rows() == shown(window)
    assert resets == []


def test_deleting_a_task_inside_a_closed_summary_leaves_the_other_rows_and_selection_alone(window, resets):
    select(window, "a")
    window.document.push(DeleteTasks(["q1"]))
    assert shown(window) == ["ph", "a", "b", "c", "m", "q"]
    assert window.tree.selected_task_ids() == ["a"]


def test_the_arrow_and_left_right_keys_close_and_open_a_summary(window, resets):
    tree = window.tree
    rect = tree.visualRect(tree.proxy_index("q", int(Column.NAME)))
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     rect.topLeft() + QPoint(ARROW // 2, rect.height() // 2))
    assert shown(window) == ["ph", "a", "b", "c", "m", "q", "q1"] and window.gantt.rows() == shown(window)
    select(window, "ph")
    QTest.keyClick(tree, Qt.Key.Key_Left)
    assert shown(window) == ["ph", "m", "q", "q1"]
    QTest.keyClick(tree, Qt.Key.Key_Right)
    assert shown(window) == ["ph", "a", "b", "c", "m", "q", "q1"]
    assert tree.selected_task_ids() == ["ph"]
    assert tree.delegate.arrow_span(rect, 1) == (rect.left() + INDENT, rect.left() + INDENT + ARROW)
    assert resets == []


@pytest.mark.parametrize("before, after, kind, first", [
    (list("abcd"), list("abcd"), SAME, 4),
    (list("abcd"), list("abXcd"), INSERT, 2),
    (list("abcd"), list("ad"), REMOVE, 1),
    (list("abcdef"), list("adebcf"), MOVE, 1),
    (list("abcd"), list("aXYd"), REPLACE, 1),
    ([], list("ab"), INSERT, 0),
])
def test_row_edit_names_the_one_change(before, after, kind, first):
    edit = row_edit(before, after)
    assert (edit.kind, edit.first) == (kind, first)
    if kind == MOVE:  # rows first..first+split-1 go to the end of the block
        block = edit.old
        assert block[edit.split:] + block[:edit.split] == edit.new


def test_row_edit_finds_a_change_deep_in_a_long_list():
    before = [f"t{i}" for i in range(5000)]
    after = before[:3001] + ["new"] + before[3001:]
    edit = row_edit(before, after)
    assert (edit.kind, edit.first, edit.new) == (INSERT, 3001, ["new"])


def test_the_rows_around_a_replaced_block_agree_as_a_comparison_of_the_whole_lists_finds():
    """block_ends names the same agreeing ends as comparing the two lists, for every block an
    outline edit replaces after some row: rows added, removed, moved inside it, or none changed."""
    rng = random.Random(11)
    for _ in range(400):
        rows = [f"t{i}" for i in range(rng.randrange(1, 40))]
        row = rng.randrange(-1, len(rows))  # -1: the block opens the list (a task at the top level)
        before = rows[row + 1:row + 1 + rng.randrange(0, len(rows) - row)]
        after = list(before)
        for _ in range(rng.randrange(0, 3)):
            change = rng.choice(("add", "remove", "move"))
            if change == "add":
                after.insert(rng.randrange(len(after) + 1), f"new{rng.randrange(10 ** 6)}")
            elif after and change == "remove":
                after.pop(rng.randrange(len(after)))
            elif after:
                after.insert(rng.randrange(len(after)), after.pop(rng.randrange(len(after))))
        after = list(dict.fromkeys(after))  # a row shows a task once
        new = rows[:row + 1] + after + rows[row + 1 + len(before):]
        forget_lists()  # compared afresh, not the answer block_ends left
        expected = agreeing_ends(rows, new)
        assert block_ends(len(rows), row, before, after) == expected, (rows, row, before, after)
        assert row_edit(rows, new, block_ends(len(rows), row, before, after)) == row_edit(list(rows), list(new))


def close_refusals(qtbot, window) -> None:
    """Close an 'Edit refused' box (an outline move that cannot be made) and go back to the table,
    as a planner does: while it is open the window's keys do nothing."""
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    for box in boxes:
        box.close()
    if boxes:
        window.activateWindow()
        qtbot.waitActive(window)
        window.tree.setFocus()


def test_rows_after_many_outline_edits_are_the_rows_of_the_plan_walked_afresh(qtbot, window, resets):
    """Each edit updates only the child lists and rows it reached; after any mix of edits, undos and
    redos the table must show exactly what walking the whole plan through the same open summaries
    shows (and the chart the same rows)."""
    rng = random.Random(7)
    keys = ["Insert", "Delete", "Alt+Shift+Right", "Alt+Shift+Left", "Alt+Shift+Up", "Alt+Shift+Down",
            "Ctrl+Z", "Ctrl+Y"]
    model = window.tree.source_model
    for step in range(60):
        project = window.document.project
        if project.tasks:  # when every task has gone, Insert and Undo still act
            select(window, rng.choice(sorted(project.tasks)))
        key = rng.choice(keys)
        press(window.tree, key)
        if key == "Insert":
            press(window.tree, "Escape")  # the new task keeps its default name
        close_refusals(qtbot, window)
        expected = visible_rows(project.children_map(), model.open)
        assert shown(window) == expected, f"step {step}: {key}"
        assert window.gantt.rows() == expected and set(model.open) <= project.summary_ids()
        # the tasks with an arrow are the plan's summaries, followed edit by edit
        assert {tid for tid in project.tasks if model.has_children(tid)} == project.summary_ids(), f"step {step}"
        for task_id in reversed(window.document.selected_ids + sorted(project.summary_ids())):
            # the selected task and the summaries are found on their rows (looked for near the last found)
            assert model.scanned_row(task_id) == (expected.index(task_id) if task_id in expected else None)
    assert resets == []


def test_rows_found_before_an_edit_are_where_the_edit_left_them(qtbot, window, resets):
    """The table remembers the rows it found until the next edit, which carries those it left alone
    (above the rows it changed, or shifted below them): after edits, undos, redos and summaries
    closed and opened, every task is found on the row it shows on, or on none when hidden."""
    rng = random.Random(11)
    keys = ["Insert", "Delete", "Alt+Shift+Right", "Alt+Shift+Left", "Alt+Shift+Up", "Alt+Shift+Down",
            "Ctrl+Z", "Ctrl+Y", "Left", "Right"]
    model = window.tree.source_model
    for step in range(60):
        project = window.document.project
        everyone = sorted(project.tasks)
        if everyone:
            select(window, rng.choice(everyone))
        key = rng.choice(keys)
        press(window.tree, key)
        if key == "Insert":
            press(window.tree, "Escape")
        close_refusals(qtbot, window)
        rows = shown(window)
        for task_id in sorted(window.document.project.tasks):  # remembered ones first, then scanned for
            assert model.scanned_row(task_id) == (rows.index(task_id) if task_id in rows else None), \
                f"step {step}: {key}"
    assert resets == []


def test_after_an_indent_deep_in_a_long_phase_its_summaries_are_found_on_their_rows(qtbot):
    """An indent leaves every row where it was; the rows of the summaries above the indented task,
    hundreds and thousands of rows above it, are found where they are (looked for near it first)."""
    project = Project(name="Long phases", start=date(2030, 1, 1))
    for phase in ("p1", "p2"):
        project.tasks[phase] = Task(key=phase.upper(), name=f"Phase {phase}", id=phase)
        for group in range(3):
            group_id = f"{phase}g{group}"
            project.tasks[group_id] = Task(key=group_id.upper(), name=f"Group {group}", id=group_id,
                                           parent_id=phase, position=group)
            for step in range(700):
                task_id = f"{group_id}t{step}"
                project.tasks[task_id] = Task(key=task_id.upper(), name=f"Step {step}", duration=2, id=task_id,
                                              parent_id=group_id, position=step)
    window = shown_main_window(qtbot, Document(project))
    model = window.tree.source_model
    for task_id, above in (("p2g2t650", "p2g2t649"), ("p2g1t20", "p2g1t19")):
        select(window, task_id)
        press(window.tree, "Alt+Shift+Right")
        rows = shown(window)
        assert window.document.project.tasks[task_id].parent_id == above
        for row_task in (task_id, above, "p2g2", "p2g1", "p2", "p1g2", "p1", "p2g0t5"):
            assert model.scanned_row(row_task) == rows.index(row_task), row_task


def test_rows_stay_sorted_by_a_column_after_an_added_task(window):
    window.tree.sortByColumn(int(Column.NAME), Qt.SortOrder.DescendingOrder)
    select(window, "a")
    press(window.tree, "Ctrl+C")  # Insert waits for the outline order; a paste adds a task sorted
    press(window.tree, "Ctrl+V")
    tasks = window.document.project.tasks
    names = [tasks[tid].name for tid in shown(window) if tasks[tid].parent_id == "ph"]
    assert len(names) == 4 and names == sorted(names, reverse=True)

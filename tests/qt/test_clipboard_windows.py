"""Copy and paste through the system clipboard, as MS Project and Excel do: tasks copied in one window
paste into another with their links; the clipboard's text is the table's columns for a spreadsheet;
rows pasted from a spreadsheet become tasks; a clipboard another program filled is refused by name
and changes nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest
from gestures import click_cell, press
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication
from windows import shown_main_window

from ilrs_planner.domain import Classification, Project, Task
from ilrs_planner.exchange.clip_format import MAX_BYTES, MIME_TYPE
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window_clip import clipboard_mime_data
from ilrs_planner.qt.models.task_columns import Column


@pytest.fixture
def other_window(qtbot):
    """A second window, on a plan of one task X, as a second plan opened beside the first."""
    plan = Project(name="Other", start=date(2031, 1, 1))
    plan.add_task(Task(key="X", name="Existing", duration=3, id="x"))
    return shown_main_window(qtbot, Document(plan))


def names_below(window, task_id: str) -> list[str]:
    """The Name cells of the rows under `task_id`'s row, as the table shows them."""
    rows = window.tree.visible_task_ids()
    return [cell(window, tid, Column.NAME) for tid in rows[rows.index(task_id) + 1:]]


def cell(window, task_id: str, column: Column) -> str:
    return window.tree.proxy_index(task_id, int(column)).data()


def selected_names(window) -> list[str]:
    rows = window.tree.selectionModel().selectedRows()
    return sorted(index.siblingAtColumn(int(Column.NAME)).data() for index in rows)


def activate(qtbot, window) -> None:
    """Bring `window` to the front, as a click on its title bar does: its shortcuts are the ones keys reach."""
    window.activateWindow()
    window.raise_()
    qtbot.waitActive(window)


def copy_a_and_b(qtbot, window) -> None:
    activate(qtbot, window)
    click_cell(window.tree, "a", Column.NAME)
    click_cell(window.tree, "b", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    press(window.tree, "Ctrl+C")


def paste_below_x(qtbot, window) -> None:
    activate(qtbot, window)
    click_cell(window.tree, "x", Column.NAME)
    press(window.tree, "Ctrl+V")


def test_tasks_copied_in_one_window_paste_into_another_with_their_link_as_one_step(qtbot, window, other_window):
    copy_a_and_b(qtbot, window)
    paste_below_x(qtbot, other_window)
    assert names_below(other_window, "x") == ["Task A", "Task B"]
    pasted_a, pasted_b = other_window.tree.visible_task_ids()[1:]
    assert cell(other_window, pasted_b, Column.PREDECESSORS) == cell(other_window, pasted_a, Column.ID)
    assert cell(other_window, pasted_b, Column.DURATION) == "20 d"
    assert selected_names(other_window) == ["Task A", "Task B"]  # the pasted rows, kept selected
    press(other_window.tree, "Ctrl+Z")
    assert names_below(other_window, "x") == []


def test_the_copy_pasted_after_its_originals_changed_is_what_was_copied(qtbot, window, other_window):
    copy_a_and_b(qtbot, window)
    click_cell(window.tree, "a", Column.NAME)
    press(window.tree, "Delete")
    paste_below_x(qtbot, other_window)
    assert names_below(other_window, "x") == ["Task A", "Task B"]


def test_the_clipboard_text_is_the_tables_visible_columns_under_their_headers(qtbot, window):
    window.tree.header().hideSection(int(Column.OWNER))
    copy_a_and_b(qtbot, window)
    header, row_a, row_b = QApplication.clipboard().text().splitlines()
    shown = [window.tree.header().logicalIndex(v) for v in range(window.tree.header().count())]
    headers = [" ".join(window.tree.model().headerData(i, Qt.Orientation.Horizontal).split())
               for i in shown if not window.tree.header().isSectionHidden(i)]
    assert header.split("\t") == headers and "Owner" not in headers
    assert row_b.split("\t") == [cell(window, "b", Column(i)) for i in shown
                                 if not window.tree.header().isSectionHidden(i)]
    assert row_a.split("\t")[headers.index("Name")] == "Task A"
    assert window.statusBar().currentMessage() == "Copied 2 tasks"


def test_a_copy_under_a_restricted_phase_stays_restricted_in_the_other_plan(qtbot, window, other_window):
    window.document.project.tasks["ph"].classification = Classification.RESTRICTED
    copy_a_and_b(qtbot, window)
    paste_below_x(qtbot, other_window)
    pasted = [other_window.document.project.tasks[tid] for tid in other_window.document.selected_ids]
    assert [t.classification for t in pasted] == [Classification.RESTRICTED] * 2


def test_spreadsheet_rows_paste_as_tasks_below_the_selected_row(qtbot, window):
    QApplication.clipboard().setText("Name\tDuration\tStart\tPredecessors\n"
                                     "Dig trench\t3w\t2031-06\t\nPour base\t10d\t\t1FS+2d\n")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")
    assert names_below(window, "c")[:2] == ["Dig trench", "Pour base"]
    dig, pour = window.tree.visible_task_ids()[4:6]
    # the small plan works every day of the week: three weeks are 21 days
    assert (cell(window, dig, Column.DURATION), cell(window, dig, Column.START)) == ("21 d", "2031-06")
    assert cell(window, pour, Column.PREDECESSORS) == f"{cell(window, dig, Column.ID)}FS+2 days"
    assert selected_names(window) == ["Dig trench", "Pour base"]
    press(window.tree, "Ctrl+Z")
    assert "Dig trench" not in names_below(window, "c")


def test_a_sheets_own_header_words_are_read_and_the_status_bar_says_starts_became_constraints(qtbot, window):
    """"Task / Days / Begin / After" is a header (it was read as a task with the duration 'Days')."""
    QApplication.clipboard().setText("Task\tDays\tBegin\tAfter\nSite survey\t4w\t2031-06-02\t\n"
                                     "Clear site\t3d\t\t1\n")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")
    assert names_below(window, "c")[:2] == ["Site survey", "Clear site"]
    survey, clear = window.tree.visible_task_ids()[4:6]
    # the small plan works every day of the week: four weeks are 28 days
    assert (cell(window, survey, Column.DURATION), cell(window, survey, Column.START)) == ("28 d", "2031-06-02")
    assert cell(window, clear, Column.PREDECESSORS) == cell(window, survey, Column.ID)
    assert window.statusBar().currentMessage() == "Pasted 2 tasks: 1 start pasted as Start No Earlier Than"


def test_a_clean_spreadsheet_paste_says_what_it_made(qtbot, window):
    QApplication.clipboard().setText("Task Name\tDuration\nAlpha\t3d\n")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")
    assert window.statusBar().currentMessage() == "Pasted 1 task"


def test_a_bad_cell_refuses_the_spreadsheet_paste_naming_line_and_column(qtbot, window):
    before = dict(window.document.project.tasks)
    QApplication.clipboard().setText("Dig trench\t3w\t2031-02-31\n")
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")
    assert "Pasted line 1, Start: '2031-02-31' is not a real date" in window.statusBar().currentMessage()
    assert window.document.project.tasks == before and not window.document.undo_stack.canUndo()


def ours(document: object) -> bytes:
    return json.dumps(document).encode()


HOSTILE = {
    "huge": (b" " * (MAX_BYTES + 1), "bytes, more than"),
    "not JSON": (b"\x00\x01garbage", "not readable JSON"),
    "wrong types": (ours({"format": "ilrs-planner-tasks", "version": 1,
                          "tasks": [{"key": "K", "name": "N", "id": "k", "duration": "forever"}]}),
                    "task 1, duration: 'forever' is not a whole number"),
    "loop": (ours({"format": "ilrs-planner-tasks", "version": 1,
                   "tasks": [{"key": k, "name": k, "id": k} for k in "PQ"],
                   "links": [{"pred": "P", "succ": "Q"}, {"pred": "Q", "succ": "P"}]}), "linked in a loop"),
    "31 February": (ours({"format": "ilrs-planner-tasks", "version": 1,
                          "tasks": [{"key": "K", "name": "N", "id": "k", "deadline": "2031-02-31"}]}),
                    "'2031-02-31' is not a real date"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_clipboard_is_refused_by_name_and_changes_nothing(qtbot, other_window, name):
    data, named = HOSTILE[name]
    mime = clipboard_mime_data()  # one made by Qt: a QMimeData() left on the clipboard crashes the exit
    mime.setData(MIME_TYPE, QByteArray(data))
    mime.setText("Harmless\t1d\n")  # the text is not taken in place of tasks that do not read
    QApplication.clipboard().setMimeData(mime)
    paste_below_x(qtbot, other_window)
    assert named in other_window.statusBar().currentMessage()
    assert list(other_window.document.project.tasks) == ["x"]


def test_a_copy_too_big_for_the_clipboard_pastes_whole_in_its_own_window(qtbot, window, monkeypatch):
    monkeypatch.setattr("ilrs_planner.qt.main_window_clip.MAX_BYTES", 10)  # every copy too big
    copy_a_and_b(qtbot, window)
    assert not QApplication.clipboard().mimeData().hasFormat(MIME_TYPE)
    click_cell(window.tree, "m", Column.NAME)
    press(window.tree, "Ctrl+V")
    pasted = [window.document.project.tasks[tid] for tid in window.document.selected_ids]
    assert [(t.key, t.name, t.owner_id) for t in pasted] == [("A-copy", "Task A", "p-cnsa"), ("B-copy", "Task B", None)]


def test_paste_with_nothing_on_the_clipboard_says_so(qtbot, window):
    QApplication.clipboard().clear()
    click_cell(window.tree, "c", Column.NAME)
    press(window.tree, "Ctrl+V")
    assert "Nothing to paste" in window.statusBar().currentMessage()
    assert not window.document.undo_stack.canUndo()

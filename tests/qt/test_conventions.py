"""The gestures MS Project and GanttProject users have in their hands, driven as they do them:
right-click menus, double-click, Find, Go to today, zoom keys, copy/paste/duplicate, Unlink,
Print preview, dates while dragging, optional columns, the title and the empty-plan hint."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, press, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from ilrs_planner.qt.models.task_columns import Column


def bar_point(window, task_id: str, where: float = 0.5) -> QPoint:
    """A point on the task's bar in the chart, `where` of the way along it."""
    gantt = window.gantt
    start, finish = gantt.shown_dates(task_id)
    x0, x1 = gantt.scale.x_of(start), gantt.scale.x_of(finish)
    row = gantt.rows().index(task_id)
    y = gantt.style.header_height + row * gantt.style.row_height + gantt.style.row_height / 2 - gantt.vertical_offset
    return QPoint(int(x0 + (x1 - x0) * where), int(y))


def right_click(widget, pos: QPoint) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def test_right_click_on_a_row_selects_it_and_offers_the_task_menu(qtbot, window):
    tree = window.tree
    rect = tree.visualRect(tree.proxy_index("c", int(Column.NAME)))
    tree.customContextMenuRequested.emit(rect.center())  # what a right-click on the row sends
    assert window.document.selected_ids == ["c"]
    texts = menu_texts(window.context_menu)
    for wanted in ("Task details…", "Copy", "Paste", "Duplicate", "Delete", "Link tasks", "Unlink tasks", "Indent"):
        assert wanted in texts
    assert window.context_menu.defaultAction() is window.edit.details
    window.context_menu.close()


def test_right_click_on_a_bar_offers_the_task_menu_and_on_the_background_adding_and_today(qtbot, window):
    right_click(window.gantt.canvas, bar_point(window, "b"))
    assert window.document.selected_ids == ["b"] and "Task details…" in menu_texts(window.context_menu)
    window.context_menu.close()
    empty = QPoint(window.gantt.canvas.width() - 5, window.gantt.canvas.height() - 5)
    right_click(window.gantt.canvas, empty)
    texts = menu_texts(window.context_menu)
    assert "Add task" in texts and "Go to today" in texts and "Task details…" not in texts
    window.context_menu.close()


def test_double_click_on_a_bar_opens_its_task(qtbot, window):
    from ilrs_planner.qt.dialogs.task_dialog import TaskDialog

    window.gantt.zoom_to_range(date(2029, 12, 1), date(2030, 4, 1))
    QTest.mouseDClick(window.gantt.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      bar_point(window, "c"))
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, TaskDialog) and w.isVisible()]
    assert dialogs and window.document.selected_ids == ["c"]
    for dialog in dialogs:
        dialog.reject()


def test_ctrl_f_then_typing_finds_and_selects_the_task(qtbot, window):
    window.tree.collapse(window.tree.proxy_index("ph"))
    press(window.tree, "Ctrl+F")
    assert QApplication.focusWidget() is window.navigate.find_box
    type_text(window.tree, "task c")
    assert window.document.selected_ids == ["c"]
    assert "c" in window.gantt.rows()  # its summary was opened to show it
    press(window.navigate.find_box, "F3")  # the only match: stays on it
    assert window.document.selected_ids == ["c"]


def test_find_with_no_match_says_so_and_keeps_the_selection(qtbot, window):
    window.document.set_selection(["a"])
    press(window.tree, "Ctrl+F")
    type_text(window.tree, "zzz")
    assert window.document.selected_ids == ["a"]
    assert "No task matches" in window.statusBar().currentMessage()


def test_go_to_today_puts_today_in_view_without_zooming(qtbot, window, monkeypatch):
    monkeypatch.setattr("ilrs_planner.qt.main_window_navigate.today", lambda: date(2041, 5, 1))
    window.gantt.zoom_to_range(date(2029, 1, 1), date(2031, 1, 1))
    scale = window.gantt.scale.px_per_day
    press(window.tree, "Ctrl+T")
    start, end = window.gantt.visible_range()
    assert start < date(2041, 5, 1) < end and window.gantt.scale.px_per_day == scale


@pytest.mark.parametrize("keys, narrower", [("Ctrl+=", True), ("Ctrl++", True), ("Ctrl+-", False)])
def test_zoom_keys(qtbot, window, keys, narrower):
    before = window.gantt.visible_range()
    press(window.tree, keys)
    after = window.gantt.visible_range()
    span = lambda r: (r[1] - r[0]).days  # noqa: E731
    assert (span(after) < span(before)) if narrower else (span(after) > span(before))


def test_copy_paste_and_duplicate_are_undoable_and_keep_links_among_the_copies(qtbot, window):
    project = window.document.project
    click_cell(window.tree, "ph", Column.NAME)
    press(window.tree, "Ctrl+C")
    click_cell(window.tree, "m", Column.NAME)
    press(window.tree, "Ctrl+V")
    assert len(project.tasks) == 9  # PH, A, B, C copied below M
    copy_of_ph = window.document.selected_ids[0]
    assert project.tasks[copy_of_ph].key == "PH-copy" and project.tasks[copy_of_ph].parent_id is None
    children = [t for t in project.tasks.values() if t.parent_id == copy_of_ph]
    assert sorted(t.key for t in children) == ["A-copy", "B-copy", "C-copy"]
    copied_links = {(project.tasks[l.pred_id].key, project.tasks[l.succ_id].key) for l in project.links.values()}
    assert {("A-copy", "B-copy"), ("B-copy", "C-copy")} <= copied_links
    press(window.tree, "Ctrl+Z")
    assert len(project.tasks) == 5
    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Ctrl+D")
    assert len(project.tasks) == 6 and window.edit.undo.text().endswith("Duplicate 'Task B'")
    duplicate = project.tasks[window.document.selected_ids[0]]
    assert duplicate.parent_id == "ph" and duplicate.duration == 20


def test_unlink_removes_the_links_among_the_selected_tasks_in_one_step(qtbot, window):
    project = window.document.project
    click_cell(window.tree, "a", Column.NAME)
    click_cell(window.tree, "b", Column.NAME, Qt.KeyboardModifier.ControlModifier)
    window.clip.unlink.trigger()
    pairs = {(l.pred_id, l.succ_id) for l in project.links.values()}
    assert ("a", "b") not in pairs and ("b", "c") in pairs  # only the link between the two chosen
    press(window.tree, "Ctrl+Z")
    assert ("a", "b") in {(l.pred_id, l.succ_id) for l in project.links.values()}


def test_print_opens_a_preview_that_paints_the_timeline(qtbot, window):
    from PySide6.QtPrintSupport import QPrinter

    from ilrs_planner.qt.print_preview import PrintPreview
    from ilrs_planner.qt.printing import paint_timeline

    press(window.tree, "Ctrl+P")
    assert isinstance(window.print_dialog, PrintPreview) and window.print_dialog.isVisible()
    window.print_dialog.reject()
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = qtbot._request.getfixturevalue("tmp_path") / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert paint_timeline(printer, window.document, date(2029, 12, 1), date(2030, 4, 1))
    assert out.stat().st_size > 1000


def test_dragging_a_bar_shows_the_dates_it_would_get(qtbot, window):
    window.gantt.zoom_to_range(date(2029, 12, 1), date(2030, 4, 1))
    shown = []
    window.gantt.dragDates.connect(shown.append)
    canvas = window.gantt.canvas
    start = bar_point(window, "c", 0.3)
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    px_per_day = window.gantt.scale.px_per_day
    QTest.mouseMove(canvas, start + QPoint(int(round(10 * px_per_day)), 0))
    canvas.repaint()
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(int(round(10 * px_per_day)), 0))
    assert shown and shown[-1].startswith("2030-02-10 – 2030-03-11")  # C: 31 Jan – 1 Mar, ten days later
    assert window.statusBar().currentMessage() == shown[-1] or shown


def test_a_short_bar_is_moved_not_stretched_and_a_long_one_has_its_end_handle(qtbot, window):
    gantt = window.gantt
    gantt.zoom_to_range(date(2020, 1, 1), date(2040, 1, 1))  # A's ten days are under 2 px
    canvas = gantt.canvas
    canvas.scene = None
    assert canvas.hit_at(bar_point(window, "a")).kind == "bar"
    end = bar_point(window, "a", 1.0)
    assert canvas.hit_at(end).kind == "bar"  # no handle on a bar without room
    gantt.zoom_to_range(date(2029, 12, 1), date(2030, 4, 1))
    canvas.scene = None
    end = bar_point(window, "c", 1.0) - QPoint(2, 0)
    assert canvas.hit_at(end).kind == "bar_end"
    QTest.mouseMove(canvas, end)
    assert canvas.hover is not None and canvas.hover.kind == "bar_end"


def test_percent_complete_free_float_and_deadline_are_optional_columns(qtbot, window):
    header = window.tree.header()
    for column in (Column.PERCENT, Column.FREE_FLOAT, Column.DEADLINE):
        assert header.isSectionHidden(int(column))
        header.setSectionHidden(int(column), False)
    click_cell(window.tree, "b", Column.PERCENT)
    type_text(window.tree, "40")
    assert window.document.project.tasks["b"].percent_complete == 40
    assert window.tree.proxy_index("a", int(Column.FREE_FLOAT)).data() == "0 d"
    click_cell(window.tree, "c", Column.DEADLINE)
    type_text(window.tree, "2030-02")
    assert window.document.project.tasks["c"].deadline == date(2030, 2, 28)  # the end of the month
    # C's last day of work is 1 March; a deadline at the end of 28 February makes it one day late.
    assert window.tree.proxy_index("c", int(Column.FREE_FLOAT)).data() == "-1 d"


def test_an_empty_plan_shows_a_hint_that_goes_when_a_task_is_added(qtbot, window):
    hint = window.empty_hint
    assert not hint.isVisible()
    window.files.new.trigger()
    assert hint.isVisible() and "no tasks yet" in hint.text()
    press(window.tree, "Ctrl+M")
    QApplication.processEvents()
    assert not hint.isVisible()

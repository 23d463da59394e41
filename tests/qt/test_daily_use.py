"""User stories of the window in daily use: typing into cells, keyboard undo/redo, scrolling to the
last rows, switching plans while comparing with a baseline. Driven by clicks and key presses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from gestures import click_cell, double_click_cell, press, type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from ilrs_planner.commands.tasks import AddTask
from ilrs_planner.domain import Task
from ilrs_planner.qt.analysis.whatif_panel import CHANGED_LATER, MOVED_LATER
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.models.task_columns import Column


def test_typing_a_year_into_an_unselected_rows_start_changes_its_start_not_its_name(qtbot, window):
    tree = window.tree
    click_cell(tree, "a", Column.NAME)  # another row is selected, as after opening a plan
    click_cell(tree, "c", Column.START)
    assert tree.currentIndex().column() == int(Column.START)
    type_text(tree, "2034")
    task = window.document.project.tasks["c"]
    assert task.name == "Task C"
    assert tree.proxy_index("c", int(Column.START)).data() == "2034"


def test_typing_at_once_into_a_clicked_cell_of_the_selected_row_keeps_every_key(qtbot, window):
    tree = window.tree
    click_cell(tree, "c", Column.NAME)
    click_cell(tree, "c", Column.DURATION)  # a second click, in the row already selected
    type_text(tree, "12")  # typed before a double-click could have come
    assert window.document.project.tasks["c"].duration == 12
    assert window.document.project.tasks["c"].name == "Task C"


def test_a_clicked_cell_of_the_selected_row_opens_its_editor_once_no_double_click_comes(qtbot, window):
    tree = window.tree
    click_cell(tree, "c", Column.NAME)
    click_cell(tree, "c", Column.DURATION)
    qtbot.waitUntil(lambda: tree.state() == QAbstractItemView.State.EditingState)
    type_text(tree, "15")  # the editor opened with its text selected: typing replaces it
    assert window.document.project.tasks["c"].duration == 15


def test_double_clicking_a_cell_of_the_selected_row_opens_the_details_not_an_editor(qtbot, window):
    tree = window.tree
    opened = []
    tree.doubleClickedTask.connect(opened.append)
    click_cell(tree, "c", Column.NAME)
    double_click_cell(tree, "c", Column.DURATION)
    qtbot.wait(QApplication.doubleClickInterval() + 200)
    assert opened == ["c"] and tree.state() != QAbstractItemView.State.EditingState


def test_ctrl_m_adds_a_milestone_that_stays_selected_with_its_name_open_for_typing(qtbot, window):
    tree = window.tree
    click_cell(tree, "b", Column.NAME)
    press(tree, "Ctrl+M")  # Ctrl is still down when the new row is selected
    (new_id,) = window.document.selected_ids
    assert window.document.project.tasks[new_id].duration == 0
    assert tree.state() == QAbstractItemView.State.EditingState
    type_text(tree, "Landing site chosen")
    assert window.document.project.tasks[new_id].name == "Landing site chosen"


def test_f2_on_a_clicked_start_cell_edits_the_start(qtbot, window):
    tree = window.tree
    click_cell(tree, "b", Column.START)
    QTest.keyClick(tree.viewport(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    type_text(tree, "2035-06")
    assert window.document.project.tasks["b"].name == "Task B"
    assert tree.proxy_index("b", int(Column.START)).data() == "2035-06"


@pytest.mark.parametrize("keys", ["Ctrl+Shift+Z", "Ctrl+Y"])
def test_keyboard_redo_brings_back_an_undone_edit(qtbot, window, keys):
    tree = window.tree
    click_cell(tree, "b", Column.NAME)
    QTest.keyClick(tree.viewport(), Qt.Key.Key_F2)
    type_text(tree, "Renamed")
    assert window.document.project.tasks["b"].name == "Renamed"
    press(tree, "Ctrl+Z")
    assert window.document.project.tasks["b"].name == "Task B"
    press(tree, keys)
    assert window.document.project.tasks["b"].name == "Renamed"


def test_ctrl_i_opens_the_task_details_of_the_selected_task(qtbot, window):
    from ilrs_planner.qt.dialogs.task_dialog import TaskDialog

    click_cell(window.tree, "b", Column.NAME)
    press(window.tree, "Ctrl+I")
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, TaskDialog) and w.isVisible()]
    assert dialogs, "Ctrl+I opened no task dialog"
    # Named as the table names it, its ID then its name (the title read its key alone).
    assert dialogs[0].windowTitle() == f"Task details — {window.tree.proxy_index('b', int(Column.ID)).data()}  Task B"
    for dialog in dialogs:
        dialog.reject()


def many_rows(window, count: int = 60) -> None:
    for n in range(count):
        window.document.push(AddTask(Task(key=f"X{n}", name=f"Extra {n}", duration=5, id=f"x{n}")))


def last_row_reachable(window) -> bool:
    """Scrolled to the bottom, the chart shows its last row."""
    bar = window.tree.verticalScrollBar()
    bar.setValue(bar.maximum())
    gantt = window.gantt
    rows_height = gantt.canvas.height() - gantt.style.header_height
    last_row_bottom = len(gantt.rows()) * gantt.style.row_height - gantt.vertical_offset
    return last_row_bottom <= rows_height


def test_the_last_rows_stay_reachable_after_pressing_end_in_the_tree(qtbot, window):
    many_rows(window)
    qtbot.wait(10)
    assert last_row_reachable(window)
    click_cell(window.tree, "a", Column.NAME)
    QTest.keyClick(window.tree.viewport(), Qt.Key.Key_End)
    qtbot.wait(10)
    assert last_row_reachable(window)


def test_the_last_rows_stay_reachable_after_clicking_a_bar(qtbot, window):
    many_rows(window)
    qtbot.wait(10)
    canvas = window.gantt.canvas
    start, finish = window.gantt.shown_dates("b")
    x = int((window.gantt.scale.x_of(start) + window.gantt.scale.x_of(finish)) / 2)
    y = window.gantt.style.header_height + 2 * window.gantt.style.row_height + window.gantt.style.row_height // 2
    QTest.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(x, y))
    qtbot.wait(10)
    assert window.document.selected_ids == ["b"]
    assert last_row_reachable(window)


def test_new_plan_while_comparing_with_a_baseline_shows_the_new_plan_without_errors(qtbot, window, caplog):
    window.document.set_baseline("2021 roadmap")
    window.files.new.trigger()
    assert window.document.baseline_name is None
    assert window.tree.model().rowCount() == 0
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def fits_on_screen(win) -> bool:
    area = win.screen().availableGeometry()
    return area.contains(win.frameGeometry())


def test_on_first_start_the_window_fits_the_screen_and_analysis_docks_keep_it_there(qtbot, small_project):
    win = MainWindow(Document(small_project))  # no remembered geometry: the first start
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.show()
    qtbot.waitExposed(win)
    assert fits_on_screen(win), (win.frameGeometry(), win.screen().availableGeometry())
    for name in ("why", "whatif", "slip", "risk", "mta", "baselines"):
        win.analysis.show(name)
        qtbot.wait(5)
        assert fits_on_screen(win), f"opening {name} widened the window to {win.frameGeometry()}"


def test_a_remembered_geometry_larger_than_the_screen_is_brought_back_onto_it(qtbot, small_project):
    from PySide6.QtCore import QSettings

    big = MainWindow(Document(small_project))
    qtbot.addWidget(big, before_close_func=lambda w: w.document.mark_saved())
    big.setGeometry(300, 200, 2400, 1500)  # as left on a large monitor
    big.save_settings()
    assert QSettings().value("window/geometry") is not None
    win = MainWindow(Document(small_project))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.show()
    qtbot.waitExposed(win)
    assert fits_on_screen(win)


def test_ctrl_w_closes_the_plan_and_keeps_the_window_open(qtbot, window):
    press(window.tree, "Ctrl+W")
    assert window.isVisible()
    assert window.tree.model().rowCount() == 0 and window.document.project.name == "New plan"


@pytest.fixture
def ilrs_window(qtbot):
    from ilrs_planner.data.reference import build_reference_project

    win = MainWindow(Document(build_reference_project()))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.show()
    qtbot.waitExposed(win)
    return win


def test_why_did_it_move_opens_on_a_baseline_that_explains_the_basic_station_slip(qtbot, ilrs_window):
    ilrs_window.analysis.docks["why"].toggleViewAction().trigger()  # Analysis → Why did it move?
    panel = ilrs_window.analysis.why
    assert panel.message.text() == ""  # no "nothing to compare"
    assert panel.result is not None and panel.result.key == "ilrs-basic" and panel.result.slip_days != 0
    basic = ilrs_window.document.project.task_by_key("ilrs-basic").id
    holding = [b for b in ilrs_window.document.project.baselines if basic in b.entries]
    assert panel.baseline_combo.currentData() in {b.name for b in holding}


def test_why_did_it_move_follows_the_milestone_selected_in_the_tree(qtbot, ilrs_window):
    ilrs_window.analysis.show("why")
    luna26 = ilrs_window.document.project.task_by_key("luna-26").id
    click_cell(ilrs_window.tree, luna26, Column.NAME)
    panel = ilrs_window.analysis.why
    assert panel.task_combo.currentData() == luna26
    assert panel.result is not None and panel.result.key == "luna-26" and panel.message.text() == ""


def test_why_did_it_move_shows_the_driving_chain_as_precisely_as_it_is_known(qtbot, ilrs_window):
    ilrs_window.analysis.docks["why"].toggleViewAction().trigger()  # on the basic station, as it opens
    tree = ilrs_window.analysis.why.tree
    sections = {tree.topLevelItem(i).text(1): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    chain = sections["Driving chain now"]
    # Each step names its task as the table does, name first and key beside it.
    rows = {chain.child(i).text(1).split(" — ")[0]: chain.child(i).text(1).split(" — ")[1]
            for i in range(chain.childCount())}
    # Chang'e 8 is announced for 2029 and runs within it: one year, not 2029-01-01 → 2029-12-31.
    assert rows["'Chang'e 8 ISRU and 3D-printing test' (change-8)"].startswith("2029   [")
    # The ILRS-1..5 missions are modelled to the year, from 2030 through 2035.
    assert rows["'ILRS-1 to ILRS-5 construction missions' (ilrs-1-5)"].startswith("2030 → 2035   [")


def test_the_slip_report_opens_on_real_slips_largest_first(qtbot, ilrs_window):
    ilrs_window.analysis.docks["slip"].toggleViewAction().trigger()
    panel = ilrs_window.analysis.slip
    shown = [panel.proxy.index(row, 7).data(Qt.ItemDataRole.UserRole + 1) for row in range(panel.proxy.rowCount())]
    compared = [v for v in shown if v is not None and v > -10**9]
    assert len(compared) > 7  # not the earliest baseline's seven tasks
    assert shown == sorted(shown, reverse=True) and shown[0] > 0


def test_analysis_views_are_tabbed_together_and_can_be_floated(qtbot, small_project):
    from PySide6.QtWidgets import QDockWidget

    win = MainWindow(Document(small_project))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.show()
    qtbot.waitExposed(win)
    docks = win.analysis.docks
    for name in ("slip", "mta", "why"):
        win.analysis.show(name)
    assert set(win.tabifiedDockWidgets(docks["why"])) >= {docks["slip"], docks["mta"]}
    why = docks["why"]
    assert why.features() & QDockWidget.DockWidgetFeature.DockWidgetFloatable
    why.setFloating(True)  # what double-clicking its title bar does
    assert why.isFloating() and why.isVisible()
    assert why.minimumSizeHint().width() < 200  # the dock itself asks for no width; its content scrolls


def test_a_hidden_analysis_dock_shows_the_task_added_while_it_was_hidden(qtbot, ilrs_window):
    """The docks fill their task lists when shown (not on every edit while hidden), so a task
    added while the What-if dock was closed must still be offered once it is opened."""
    ilrs_window.document.push(AddTask(Task(id="t-new", key="new-probe", name="New probe")))
    ilrs_window.analysis.show("whatif")
    combo = ilrs_window.analysis.whatif.task_combo
    assert combo.findData("t-new") >= 0 and "New probe" in combo.itemText(combo.findData("t-new"))
    ilrs_window.analysis.docks["whatif"].hide()
    ilrs_window.edit.undo.trigger()  # Edit → Undo
    ilrs_window.analysis.show("whatif")
    assert combo.findData("t-new") < 0  # undone while hidden: gone from the list once shown again


def test_a_name_pasted_with_a_terminal_escape_is_refused_at_the_edit_not_at_the_next_save(qtbot, window):
    tree = window.tree
    click_cell(tree, "b", Column.NAME)
    QTest.keyClick(tree.viewport(), Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    QApplication.clipboard().setText("Relay\x1b[2K unit")  # copied from a terminal
    editor.selectAll()
    press(tree, "Ctrl+V")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert window.document.project.tasks["b"].name == "Task B"
    assert "U+001B" in window.statusBar().currentMessage()
    assert not window.document.undo_stack.canUndo()  # nothing half-applied to undo


def _paste_as_name_of_b(window, text: str) -> None:
    tree = window.tree
    click_cell(tree, "b", Column.NAME)
    QTest.keyClick(tree.viewport(), Qt.Key.Key_F2)
    QApplication.clipboard().setText(text)
    QApplication.focusWidget().selectAll()
    press(tree, "Ctrl+V")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QApplication.processEvents()


def test_a_name_pasted_with_a_bidirectional_override_is_refused_at_the_edit(qtbot, window):
    _paste_as_name_of_b(window, "Relay \u202etinu")  # drawn "Relay unit", stored otherwise
    assert window.document.project.tasks["b"].name == "Task B"
    assert "bidirectional control U+202E at character 7" in window.statusBar().currentMessage()
    assert not window.document.undo_stack.canUndo()


def test_a_name_pasted_with_a_right_to_left_mark_is_kept_as_written(qtbot, window):
    _paste_as_name_of_b(window, "\u200fILRS محطة")  # the RLM makes it read right to left
    assert window.document.project.tasks["b"].name == "\u200fILRS محطة"


def test_a_task_planned_to_the_day_after_a_year_date_gives_its_days_in_its_tooltip(qtbot, ilrs_window):
    # A partner's work package after the rover 'in 2029' read '2030' for every date, in the table and
    # its tooltip: the planner could not check a lag or see when the milestone lands.
    from ilrs_planner.commands.links import AddLink
    from ilrs_planner.domain import LinkType

    project = ilrs_window.document.project
    rover = project.task_by_key("pakistan-rover-ce8")
    ilrs_window.document.push(AddTask(Task(key="wp-design", name="Partner payload design", duration=60, id="wp")))
    ilrs_window.document.push(AddLink(rover.id, "wp", LinkType.FS, 5))
    dates = ilrs_window.document.schedule.tasks["wp"]
    rover_last = ilrs_window.document.schedule.tasks[rover.id].shown_finish
    # 7-day calendar: five days' lag after the rover's last day, then 60 days of work.
    assert dates.shown_start == rover_last + timedelta(days=6)
    assert dates.shown_finish == dates.shown_start + timedelta(days=59)
    index = ilrs_window.tree.proxy_index("wp", int(Column.START))
    assert index.data() == str(dates.shown_start.year)  # the table keeps to the year it follows
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert (f"Worked out to the day: {dates.shown_start.isoformat()} to {dates.shown_finish.isoformat()} "
            "(shown to the year") in tip


def what_if_bars(gantt) -> int:
    """How many bars the chart draws in the what-if colours (the task tried, what it pushes later)."""
    data = gantt.chart_data()
    return sum(data.colors[index] in (CHANGED_LATER, MOVED_LATER) for index in data.color.tolist())


def test_the_what_if_colours_leave_the_chart_with_the_what_if_tab_and_come_back_with_it(qtbot, ilrs_window):
    analysis, gantt = ilrs_window.analysis, ilrs_window.gantt
    analysis.show("whatif")
    panel = analysis.whatif
    change8 = ilrs_window.document.project.task_by_key("change-8").id
    click_cell(ilrs_window.tree, change8, Column.NAME)  # the what-if follows the task selected
    assert what_if_bars(gantt) == 0
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)  # it slips by the days proposed
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=10000)
    coloured = dict(gantt._highlight)
    assert coloured and what_if_bars(gantt) > 0
    analysis.show("slip")  # another tab of the same dock area brought to the front
    assert gantt._highlight == {} and what_if_bars(gantt) == 0
    analysis.show("whatif")  # back on the what-if tab: the preview is still there, and so are its colours
    assert gantt._highlight == coloured and what_if_bars(gantt) > 0
    analysis.docks["whatif"].toggleViewAction().trigger()  # closed from the Analysis menu
    assert not analysis.docks["whatif"].isVisible() and what_if_bars(gantt) == 0

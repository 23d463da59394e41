"""The Gantt widget on a real Document: rows, zoom, drags, the link menu, the critical colour."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication

from ilrs_planner.chart import Hit
from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.domain import ConstraintType, Link, LinkType, Participant, Precision, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt import GanttView
from ilrs_planner.qt.gantt.tooltip import tooltip_text

YEAR = (date(2030, 1, 1), date(2031, 1, 1))
# The offscreen platform warns when a window or menu is shown; it says nothing about the chart.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def build_plan() -> Project:
    """Rows: A (30 d) → B (30 d) → M (milestone); C (30 d, SNET 2030-06-01) finishes last."""
    project = Project("Gantt test", date(2030, 1, 1))
    owner = project.add_participant(Participant("cnsa", "CNSA", color="#0072b2", id="p1"))
    for pos, (key, days) in enumerate([("A", 30), ("B", 30), ("C", 30), ("M", 0)]):
        project.add_task(Task(key, f"Task {key}", days, id=key.lower(), position=pos, owner_id=owner.id))
    project.tasks["c"].constraint = ConstraintType.SNET
    project.tasks["c"].constraint_date = date(2030, 6, 1)
    project.add_link(Link("a", "b", LinkType.FS, id="ab"))
    project.add_link(Link("b", "m", LinkType.FS, id="bm"))
    return project


@pytest.fixture
def view(qtbot):
    document = Document(build_plan())
    gantt = GanttView(document)
    qtbot.addWidget(gantt)
    gantt.resize(1000, 400)
    gantt.show()
    qtbot.waitExposed(gantt)
    gantt.zoom_to_range(*YEAR)
    return gantt


def point(view: GanttView, day: date, row: int) -> QPoint:
    """The canvas point at the start of `day`, in the middle of `row`."""
    x = view.scale.x_of(day)
    y = view.style.header_height + row * view.style.row_height + view.style.row_height / 2 - view.vertical_offset
    return QPoint(round(x), round(y))


def drag(qtbot, view: GanttView, start: QPoint, end: QPoint) -> None:
    canvas = view.canvas
    qtbot.mousePress(canvas, Qt.LeftButton, pos=start)
    for i in range(1, 5):
        qtbot.mouseMove(canvas, start + (end - start) * i / 4)
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=end)


def test_rows_follow_the_tree_order_and_offset(view):
    view.set_rows(["m", "c", "a"])  # e.g. B collapsed away, order from the tree
    assert view.canvas.hit_at(QPointF(point(view, date(2030, 6, 10), 1))).task_id == "c"
    x = view.scale.x_of(date(2030, 6, 10))
    view.set_vertical_offset(view.style.row_height)  # scrolled by one row: 'c' is now the top row
    assert view.canvas.hit_at(QPointF(x, view.style.header_height + 12)).task_id == "c"
    view.set_header_height(30)  # the tree's header height: the first row starts right under it
    assert view.canvas.hit_at(QPointF(x, 30 + 12)).task_id == "c"
    assert view.canvas.hit_at(QPointF(view.scale.x_of(date(2030, 1, 15)), 30 + 24 + 12)).task_id == "a"


def test_vertical_wheel_scrolls_and_reports_the_offset(view, qtbot):
    view.set_rows([f"{k}" for k in "abcm"] * 20)
    with qtbot.waitSignal(view.verticalOffsetChanged) as signal:
        _wheel(view, -120, Qt.NoModifier)
    assert signal.args[0] == 3 * view.style.row_height


def _wheel(view: GanttView, delta: int, modifiers, x: float = 500) -> None:
    pos = QPointF(x, 200)
    event = QWheelEvent(pos, view.canvas.mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt.NoButton, modifiers,
                        Qt.NoScrollPhase, False)
    QApplication.sendEvent(view.canvas, event)


def test_ctrl_wheel_zooms_around_the_cursor(view):
    before = view.scale.ordinal_at(250)
    span = view.visible_range()
    _wheel(view, 120, Qt.ControlModifier, x=250)
    after = view.visible_range()
    assert (after[1] - after[0]) < (span[1] - span[0])
    assert abs(view.scale.ordinal_at(250) - before) < 1e-6


@pytest.mark.parametrize("preset, low, high", [("programme", 201, 201), ("10y", 3600, 3700),
                                               ("2y", 720, 740), ("quarter", 89, 93)])
def test_zoom_presets_set_the_visible_span(view, preset, low, high):
    with_signal = []
    view.zoomChanged.connect(lambda: with_signal.append(True))
    view.zoom_preset(preset)
    first, end = view.visible_range()
    assert low <= (end - first).days <= high and with_signal
    if preset == "programme":  # the plan's own 2030-01-01 .. 2030-07-01 (C finishes), 1 + 181 // 20 days each side
        assert (first, end) == (date(2029, 12, 22), date(2030, 7, 11))


def test_a_preset_stays_fitted_when_the_window_grows_but_a_hand_zoom_keeps_its_scale(view, qtbot):
    view.zoom_preset("programme")
    view.resize(1800, 400)
    qtbot.waitUntil(lambda: view.canvas.width() > 1500)
    assert view.visible_range() == (date(2029, 12, 22), date(2030, 7, 11))
    _wheel(view, 120, Qt.ControlModifier, x=250)
    px_per_day = view.scale.px_per_day
    view.resize(1200, 400)
    qtbot.waitUntil(lambda: view.canvas.width() < 1300)
    assert view.scale.px_per_day == px_per_day


def test_fit_selection_shows_the_selected_task(view):
    view.document.set_selection(["c"])
    view.zoom_preset("selection")
    first, end = view.visible_range()
    assert first < date(2030, 6, 1) and end > date(2030, 7, 1) and (end - first).days < 60


def test_dragging_a_bar_moves_it_by_one_undoable_command(view, qtbot):
    doc = view.document
    drag(qtbot, view, point(view, date(2030, 1, 15), 0), point(view, date(2030, 2, 14), 0))
    assert doc.undo_stack.count() == 1
    task = doc.project.tasks["a"]
    assert task.constraint == ConstraintType.SNET
    assert abs((task.constraint_date - date(2030, 1, 31)).days) <= 1  # 30 days at ~2.7 px/day
    assert doc.schedule.tasks["a"].early_start == task.constraint_date
    doc.undo_stack.undo()
    assert task.constraint == ConstraintType.ASAP and task.constraint_date is None


def test_dragging_a_bar_end_changes_its_duration(view, qtbot):
    doc = view.document
    end = view.scale.x_of(date(2030, 1, 31))
    drag(qtbot, view, QPoint(round(end) - 1, point(view, date(2030, 1, 1), 0).y()),
         point(view, date(2030, 3, 2), 0))
    assert doc.undo_stack.count() == 1
    assert abs(doc.project.tasks["a"].duration - 60) <= 1
    doc.undo_stack.undo()
    assert doc.project.tasks["a"].duration == 30


def test_dragging_from_bar_to_bar_adds_a_link(view, qtbot):
    doc = view.document
    drag(qtbot, view, point(view, date(2030, 1, 15), 0), point(view, date(2030, 6, 15), 2))
    assert doc.undo_stack.count() == 1
    assert any(l.pred_id == "a" and l.succ_id == "c" for l in doc.project.links.values())
    doc.undo_stack.undo()
    assert not any(l.pred_id == "a" and l.succ_id == "c" for l in doc.project.links.values())


def test_a_link_that_closes_a_loop_is_refused_naming_it(view, qtbot):
    doc = view.document
    with qtbot.waitSignal(doc.refused) as refused:
        drag(qtbot, view, point(view, date(2030, 2, 15), 1), point(view, date(2030, 1, 15), 0))
    error, initiator = refused.args
    assert initiator is view and error.code == "link.cycle"
    assert "A → B" in error.message or "B → A" in error.message
    assert doc.undo_stack.count() == 0 and len(doc.project.links) == 2


def test_dragging_the_background_pans(view, qtbot):
    first = view.visible_range()[0]
    drag(qtbot, view, point(view, date(2030, 10, 1), 0), point(view, date(2030, 11, 1), 0))
    assert abs((first - view.visible_range()[0]).days - 31) <= 2
    assert view.document.undo_stack.count() == 0


def _link_menu(view: GanttView, qtbot, link_id: str):
    scene = view.canvas.build_scene()
    i = scene.link_ids.index(link_id)
    a, b = scene.link_points[scene.link_offsets[i] + 1], scene.link_points[scene.link_offsets[i] + 2]
    y = (a[1] + b[1]) / 2 + view.style.header_height - view.vertical_offset
    pos = QPoint(round(a[0]), round(y))
    menus = []
    view.linkMenuShown.connect(menus.append)
    QApplication.sendEvent(view.canvas, QContextMenuEvent(QContextMenuEvent.Mouse, pos, view.canvas.mapToGlobal(pos)))
    assert menus, "right-click on the link showed no menu"
    return menus[-1]


def test_right_click_a_link_to_change_its_type_or_delete_it(view, qtbot):
    doc = view.document
    menu = _link_menu(view, qtbot, "ab")
    next(a for a in menu.actions() if a.data() == "SS").trigger()
    menu.close()
    assert doc.project.links["ab"].type == LinkType.SS and doc.undo_stack.count() == 1
    menu = _link_menu(view, qtbot, "bm")
    next(a for a in menu.actions() if a.objectName() == "deleteLink").trigger()
    menu.close()
    assert "bm" not in doc.project.links
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.project.links["ab"].type == LinkType.FS and "bm" in doc.project.links


def _has_color(image: QImage, rgb: tuple[int, int, int], tolerance: int = 12) -> bool:
    image = image.convertToFormat(QImage.Format_RGB32)
    for y in range(0, image.height(), 1):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - rgb[0]) <= tolerance and abs(c.green() - rgb[1]) <= tolerance \
                    and abs(c.blue() - rgb[2]) <= tolerance:
                return True
    return False


def test_critical_path_colour_is_drawn_and_can_be_switched_off(view):
    assert view.document.schedule.tasks["c"].critical
    assert _has_color(view.canvas.grab().toImage(), (0xD6, 0x27, 0x28))
    view.set_show_critical(False)
    assert not _has_color(view.canvas.grab().toImage(), (0xD6, 0x27, 0x28))


def test_selection_from_a_click_reaches_the_document(view, qtbot):
    qtbot.mouseClick(view.canvas, Qt.LeftButton, pos=point(view, date(2030, 6, 15), 2))
    assert view.document.selected_ids == ["c"]


def test_whiskers_and_highlight_change_the_picture(view):
    before = view.canvas.grab().toImage()
    view.set_whiskers({"m": (date(2030, 4, 1), date(2030, 5, 1))})
    view.set_highlight({"a": "#ff00ff"})
    after = view.canvas.grab().toImage()
    assert before != after and _has_color(after, (255, 0, 255), 2)
    assert view.chart_data().whisker0[3] == date(2030, 4, 1).toordinal()


def test_tooltip_names_dates_float_owner_precision_and_source(view):
    task = view.document.project.tasks["c"]
    task.precision, task.source_url = Precision.YEAR, "https://example.org/c"
    text = tooltip_text(view.document, Hit("bar", "c"))
    # The dates as the table reads them, the days worked out beneath (as the row's tooltip says them).
    assert "<br>2030 (30 d)<br>" in text and "Worked out to the day: 2030-06-01 → 2030-06-30" in text
    assert "Total float 0 d" in text and "critical" in text
    assert "CNSA" in text and "Announced to the year: 2030" in text and "https://example.org/c" in text
    assert "Task A" in tooltip_text(view.document, Hit("link", link_id="ab"))


def test_tooltip_lists_an_alternative_figure_recorded_in_the_notes(view):
    view.document.project.tasks["c"].notes = "Plan: 2030.\nALTERNATIVE: by 2032 - a second official, 2029-05-01"
    text = tooltip_text(view.document, Hit("bar", "c"))
    assert "<i>Alternative (not the plan):</i> by 2032 - a second official, 2029-05-01" in text


def test_the_scroll_bar_pans_the_time_axis(view):
    first = view.visible_range()[0]
    view.hscroll.setValue(view.hscroll.value() + 100)
    assert (view.visible_range()[0] - first).days == 100


def test_a_rename_updates_the_label_without_a_rebuild(view, monkeypatch):
    view.chart_data()
    monkeypatch.setattr("ilrs_planner.qt.gantt.view_data.build_chart_data", None)  # a whole build would fail
    view.document.push(SetTaskFields("c", name="Renamed C"))
    assert view.chart_data().labels[2] == "Renamed C"
    view.document.undo_stack.undo()
    assert view.chart_data().labels[2] == "Task C"


def test_escape_cancels_a_drag(view, qtbot):
    canvas = view.canvas
    start = point(view, date(2030, 1, 15), 0)
    qtbot.mousePress(canvas, Qt.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(80, 0))
    qtbot.keyPress(canvas, Qt.Key_Escape)
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=start + QPoint(80, 0))
    assert view.document.undo_stack.count() == 0


@pytest.mark.parametrize("days", [10, 20, 26, 32])
def test_every_day_of_the_time_scale_is_labelled_the_same_way_at_day_zoom(view, days):
    # 'Wed 25' is wider than 'Tue 24' in the window's font: each day took the longest label its cell
    # held, so some days read 'Tue 24' and their neighbours '25'. Now one form for all the days shown.
    view.zoom_to_range(date(2030, 1, 1), date(2030, 1, 1) + timedelta(days=days))
    view.canvas.grab()
    header = view.canvas.header
    whole = [cell for cell in header.lower if cell.x0 >= 0 and cell.x1 <= view.canvas.width()]
    assert header.lower_unit == "day" and whole
    forms = {re.sub(r"\d+", "9", re.sub(r"[A-Za-z]+", "a", cell.label)) for cell in whole}
    assert len(forms) == 1 and "" not in forms, forms  # 'a 9' for every day, or '9' for every day

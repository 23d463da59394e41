"""At 800 pixels wide (and, with smaller icons, at 500) every tool of the main tool bar is on screen
(nothing behind an overflow button), the zoom presets are one button with a menu, and Ctrl+F
always reaches a visible find box."""

from __future__ import annotations

from gestures import press
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QToolButton


def narrow(qtbot, window, width: int = 800, height: int = 600) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width, timeout=10000)
    QApplication.processEvents()


def every_tool_on_screen(bar) -> None:
    tools = [a for a in bar.actions() if not a.isSeparator()]
    assert len(tools) == 17  # 14 edits and files, zoom, critical path, export
    for action in tools:
        widget = bar.widgetForAction(action)
        assert widget.isVisible() and bar.rect().contains(widget.geometry()), action.text() or widget.objectName()
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is None or not extension.isVisible()  # nothing fell off the end


def test_every_tool_is_on_screen_at_800_pixels(qtbot, window):
    narrow(qtbot, window)
    every_tool_on_screen(window.toolbar)
    assert window.toolbar.iconSize().width() == 22
    filter_row = window.filters.bar
    for box in (window.filters.combo, window.filters.name_box, window.navigate.find_box):
        assert box.isVisible() and filter_row.rect().contains(box.geometry())


def test_a_500_pixel_window_keeps_every_tool_on_screen_with_smaller_icons(qtbot, window):
    narrow(qtbot, window, 500)  # Qt moved zoom, critical path and export behind its overflow button
    every_tool_on_screen(window.toolbar)
    narrow(qtbot, window, 900)
    assert window.toolbar.iconSize().width() == 22  # wide again: the usual icons


def test_the_zoom_button_offers_every_preset_and_shows_the_last_one_chosen(qtbot, window):
    narrow(qtbot, window)
    button = window.toolbar.findChild(QToolButton, "zoom_button")
    zoom = window.view.zoom
    assert [a.text() for a in button.menu().actions()] == [a.text() for a in zoom.values()]
    assert button.defaultAction() is zoom["programme"]
    window.tree.setFocus()
    press(window.tree, "Ctrl+2")  # a preset's key: on the button's face too
    assert window.view.last_zoom == "2y" and button.defaultAction() is zoom["2y"]
    two_years = window.gantt.visible_range()

    def choose_ten_years():
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        menu.setActiveAction(zoom["10y"])
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_ten_years)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() - 4, button.height() // 2))
    qtbot.waitUntil(lambda: window.view.last_zoom == "10y", timeout=10000)
    assert button.defaultAction() is zoom["10y"] and window.gantt.visible_range() != two_years
    ten_years = window.gantt.visible_range()
    window.gantt.zoom_to_range(*two_years)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))  # its face
    assert window.gantt.visible_range() == ten_years


def test_ctrl_f_reaches_the_find_box_even_with_the_filter_row_hidden(qtbot, window):
    narrow(qtbot, window)
    window.filters.bar.toggleViewAction().trigger()  # View → Filter → Filter and find, unticked
    assert not window.navigate.find_box.isVisible()
    window.tree.setFocus()
    press(window.tree, "Ctrl+F")
    box = window.navigate.find_box
    assert box.isVisible() and QApplication.focusWidget() is box
    QTest.keyClicks(box, "Task C")
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert window.document.selected_ids == ["c"]
    window.filters.bar.hide()
    press(window.tree, "Ctrl+Shift+F")
    assert window.filters.name_box.isVisible() and QApplication.focusWidget() is window.filters.name_box

"""Plan → Calendars… and the task dialog's calendar, driven as a person does.

The small plan starts on Tuesday 2030-01-01 and task A lasts 10 days, so on the built-in
Continuous calendar its last day is 2030-01-10. On Monday–Thursday with New Year's Day off it works
Wed 2, Thu 3; Mon 7 – Thu 10; Mon 14 – Thu 17: its last day is Thursday 2030-01-17. On
Monday–Friday alone: Tue 1 – Fri 4, Mon 7 – Fri 11, Mon 14, so its last day is 2030-01-14.
"""

from __future__ import annotations

from datetime import date

from gestures import press
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ilrs_planner.commands.calendar_edits import calendar_edits
from ilrs_planner.domain import Calendar, CalendarException
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.qt.dialogs.task_dialog import TaskDialog
from ilrs_planner.qt.image_export import timeline_image
from ilrs_planner.qt.models.task_columns import Column


def shown_finish(window, task_id: str) -> str:
    return window.tree.proxy_index(task_id, int(Column.FINISH)).data()


def open_calendar_editor(qtbot, window):
    """Plan → Calendars…, found in the menu bar by its text."""
    plan_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Plan")
    item = next(a for a in plan_menu.actions() if a.text() == "&Calendars…")
    item.trigger()
    dialog = window.plan.dialog
    qtbot.addWidget(dialog)  # closed after the test even when it stays open (a refused OK)
    qtbot.waitExposed(dialog)
    return dialog


def type_in(qtbot, dialog, text: str, then=None) -> None:
    """Type into whatever has the dialog's focus (the offscreen platform may not make it active)."""
    qtbot.keyClicks(dialog.focusWidget(), text)
    if then is not None:
        qtbot.keyClick(dialog.focusWidget(), then)
    QApplication.processEvents()  # a table cell's editor commits what was typed in a queued call


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_box(qtbot, check) -> None:
    """Click a check box on its box, as a person aims."""
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def press_ok(qtbot, dialog) -> None:
    click(qtbot, dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok))


def pick_calendar(qtbot, dialog, name: str) -> None:
    listing = dialog.ui.calendar_list
    item = next(listing.item(row) for row in range(listing.count()) if listing.item(row).text().startswith(name))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualItemRect(item).center())


def test_a_new_default_calendar_with_a_holiday_moves_the_finish_and_undo_restores_it(qtbot, window):
    assert shown_finish(window, "a") == "2030-01-10"
    dialog = open_calendar_editor(qtbot, window)
    ui = dialog.ui
    click(qtbot, ui.add_calendar_button)  # a Monday–Friday calendar, its name selected for typing
    type_in(qtbot, dialog, "Four-day week")
    click_box(qtbot, ui.fri_check)  # Friday off
    click(qtbot, ui.add_exception_button)  # the new row's name cell is open for typing
    type_in(qtbot, dialog, "New Year", then=Qt.Key.Key_Tab)  # Tab moves on to the start, then the finish
    type_in(qtbot, dialog, "2030-01-01", then=Qt.Key.Key_Tab)
    type_in(qtbot, dialog, "2030-01-01", then=Qt.Key.Key_Return)
    click(qtbot, ui.default_button)
    assert ui.calendar_list.currentItem().text() == "Four-day week — default"
    press_ok(qtbot, dialog)

    assert not dialog.isVisible() and window.document.undo_stack.count() == 1
    [calendar] = window.document.project.calendars.values()
    assert (calendar.name, calendar.weekdays) == ("Four-day week", (True,) * 4 + (False,) * 3)
    assert [(e.name, str(e.start), e.working) for e in calendar.exceptions] == [("New Year", "2030-01-01", False)]
    assert shown_finish(window, "a") == "2030-01-17"

    window.activateWindow()  # back in the window once the dialog has closed
    qtbot.waitActive(window)
    window.tree.setFocus()
    press(window.tree, "Ctrl+Z")
    assert window.document.project.calendars == {} and window.document.project.default_calendar_id is None
    assert shown_finish(window, "a") == "2030-01-10"


def test_cancel_changes_nothing(qtbot, window):
    dialog = open_calendar_editor(qtbot, window)
    click(qtbot, dialog.ui.add_calendar_button)
    click(qtbot, dialog.ui.default_button)
    click(qtbot, dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel))
    assert window.document.project.calendars == {} and window.document.undo_stack.count() == 0


def test_a_name_with_a_control_character_is_refused_with_a_clear_message(qtbot, window):
    dialog = open_calendar_editor(qtbot, window)
    click(qtbot, dialog.ui.add_calendar_button)
    dialog.ui.name_edit.insert("Night\x07shift")  # as pasted from elsewhere: the keyboard cannot type it
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and window.document.undo_stack.count() == 0
    message = dialog.ui.error_label.text()
    assert "The calendar: the name holds the control character U+0007 at character 6" in message


def test_deleting_a_calendar_a_task_uses_is_refused_naming_the_task(qtbot, window):
    project = window.document.project
    project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY, id="std"))
    project.tasks["b"].calendar_id = "std"
    dialog = open_calendar_editor(qtbot, window)
    pick_calendar(qtbot, dialog, "Standard")
    click(qtbot, dialog.ui.delete_calendar_button)
    assert "used by task B 'Task B'" in dialog.ui.error_label.text()
    press_ok(qtbot, dialog)
    assert "std" in project.calendars and window.document.undo_stack.count() == 0


def test_the_task_dialog_gives_a_task_its_own_calendar_in_one_undo_step(qtbot, window):
    window.document.project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY, id="std"))
    dialog = TaskDialog(window.document, "a", window)
    qtbot.addWidget(dialog)
    dialog.open()
    combo = dialog.ui.calendar_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Plan default (Continuous)", "Standard"]
    dialog.ui.tabs.setCurrentWidget(dialog.ui.dates_tab)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    click(qtbot, dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok))
    assert window.document.project.tasks["a"].calendar_id == "std"
    assert shown_finish(window, "a") == "2030-01-14"
    window.document.undo_stack.undo()
    assert window.document.project.tasks["a"].calendar_id is None and shown_finish(window, "a") == "2030-01-10"


def test_an_elapsed_task_counts_calendar_days_on_a_five_day_default(qtbot, window):
    project = window.document.project
    project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY, id="std"))
    project.default_calendar_id = "std"
    window.document.undo_stack.clear()
    dialog = TaskDialog(window.document, "a", window)
    qtbot.addWidget(dialog)
    dialog.open()
    assert dialog.ui.calendar_combo.currentText() == "Plan default (Standard)"
    dialog.ui.tabs.setCurrentWidget(dialog.ui.dates_tab)
    click_box(qtbot, dialog.ui.elapsed_check)
    click(qtbot, dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok))
    assert project.tasks["a"].elapsed and shown_finish(window, "a") == "2030-01-10"


def test_weekends_and_holidays_are_shaded_at_week_zoom_and_go_with_undo(qtbot, window):
    document, gantt = window.document, window.gantt
    edited = {"std": Calendar("Standard", MONDAY_TO_FRIDAY, [CalendarException("New Year", date(2030, 1, 1),
                                                                                date(2030, 1, 1))], id="std")}
    document.push(calendar_edits(document.project, edited, "std"))
    gantt.zoom_to_range(date(2029, 12, 30), date(2030, 1, 13))  # two weeks: the axis labels weeks

    def grey_at(day: date) -> int:
        """Lightness of the chart at the middle of `day`, low in the empty rows under the tasks."""
        canvas = gantt.canvas
        image = canvas.grab().toImage()
        x = int(gantt.scale.x_of(day) + gantt.scale.px_per_day / 2)
        return image.pixelColor(x, canvas.height() - 10).lightness()

    weekday = grey_at(date(2030, 1, 9))
    assert grey_at(date(2030, 1, 6)) < weekday and grey_at(date(2030, 1, 1)) < weekday  # Sunday, New Year
    assert grey_at(date(2030, 1, 6)) > 200  # quiet: a light grey, not a dark band
    gantt.zoom_to_range(date(2029, 1, 1), date(2031, 1, 1))  # months: no shading
    assert gantt.canvas.build_scene().nonworking.size == 0
    gantt.zoom_to_range(date(2029, 12, 30), date(2030, 1, 13))
    document.undo_stack.undo()  # back on the Continuous calendar: every day is worked
    assert grey_at(date(2030, 1, 6)) == weekday


def test_copy_image_of_two_weeks_shades_the_days_off_as_the_window_does(small_project):
    def shaded_pixels() -> int:
        image = timeline_image(small_project, rows=list(small_project.tasks), date_from=date(2029, 12, 30),
                               date_to=date(2030, 1, 13), baseline=None, width=1280, height=720)
        image = image.convertToFormat(QImage.Format.Format_RGB32)
        grey = QColor(238, 239, 239)  # the shading over white: light, a step below the row stripes
        return sum(1 for y in range(0, image.height(), 4) for x in range(0, image.width(), 4)
                   if all(abs(a - b) <= 2 for a, b in zip(image.pixelColor(x, y).getRgb()[:3], grey.getRgb()[:3])))

    on_every_day = shaded_pixels()
    small_project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY, id="std"))
    small_project.default_calendar_id = "std"
    # Four weekend days of fourteen, down the whole chart (the rows' height follows the slide: two
    # rows of a short plan are tall, and the shaded area with them); without the shading the count
    # stays near the stray pixels counted on every day.
    assert shaded_pixels() > 100 + 5 * on_every_day


def test_opening_the_editor_and_pressing_ok_adds_no_step_even_on_untrimmed_imported_names(qtbot, window):
    project = window.document.project
    project.add_calendar(Calendar("Standard ", MONDAY_TO_FRIDAY, [CalendarException(" Labour Day", date(2030, 5, 1),
                                                                                    date(2030, 5, 1))], id="std"))
    project.default_calendar_id = "std"
    dialog = open_calendar_editor(qtbot, window)
    assert dialog.ui.exceptions_table.rowCount() == 1  # the default calendar is shown first
    press_ok(qtbot, dialog)
    assert not dialog.isVisible() and window.document.undo_stack.count() == 0


def test_ok_says_what_the_calendars_changed(qtbot, window):
    dialog = open_calendar_editor(qtbot, window)
    click(qtbot, dialog.ui.add_calendar_button)
    type_in(qtbot, dialog, "Four-day week")
    click_box(qtbot, dialog.ui.fri_check)  # Friday off
    click(qtbot, dialog.ui.default_button)
    press_ok(qtbot, dialog)
    moved = window.statusBar().currentMessage()
    assert moved.startswith("Calendars: 'Four-day week' made the default; ") and moved.endswith(" tasks moved")


def test_an_exception_ending_before_it_starts_is_said_once(qtbot, window):
    dialog = open_calendar_editor(qtbot, window)
    click(qtbot, dialog.ui.add_calendar_button)
    click(qtbot, dialog.ui.add_exception_button)
    type_in(qtbot, dialog, "Bad", then=Qt.Key.Key_Tab)
    type_in(qtbot, dialog, "2030-02-10", then=Qt.Key.Key_Tab)
    type_in(qtbot, dialog, "2030-02-01", then=Qt.Key.Key_Return)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.ui.error_label.text() == ("A calendar exception ends before it starts. "
                                            "Exception 1 ('Bad'): 2030-02-10 to 2030-02-01.")

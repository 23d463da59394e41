"""Dialogs on a small screen (the test screen is 800 pixels wide, as a small laptop's): whole on it,
and their names readable."""

from __future__ import annotations

from ilrs_planner.qt.dialogs.calendar_dialog import CalendarDialog
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.readable_column import NAME_LEAST
from ilrs_planner.qt.sharing.compare_dialog import ComparisonDialog
from ilrs_planner.sharing.diff import diff_projects


def test_the_calendars_dialog_opens_whole_on_an_800_pixel_screen(qtbot, small_project):
    dialog = CalendarDialog(Document(small_project))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    area = dialog.screen().availableGeometry()
    assert area.width() <= 800  # what the test is about: its form asks for 820 pixels
    assert area.contains(dialog.frameGeometry()), (area, dialog.frameGeometry())  # OK and Cancel in sight


def test_the_plan_comparison_keeps_the_names_of_what_changed_readable_beside_long_values(qtbot, small_project):
    import copy

    other = copy.deepcopy(small_project)
    other.tasks["a"].notes = "Relay orbiter build, " * 20  # a long value took the width the names needed
    other.tasks["a"].duration = 12
    dialog = ComparisonDialog(diff_projects(small_project, other), "this", "other")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    header = dialog.tree.header()
    qtbot.waitUntil(lambda: header.sectionSize(0) >= NAME_LEAST, timeout=60_000)
    assert dialog.tree.horizontalScrollBar().maximum() > 0  # the long value is a scroll away

"""A window closed goes away with its plan: nothing connected to the plan's signals keeps the
window, and through it the plan, alive until the program ends."""

from __future__ import annotations

import gc
import weakref
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow


def plan_of_a_window_closed(qtbot, project, docks: tuple[str, ...] = ()) -> weakref.ref:
    """Open a window on the plan (with these analysis docks shown), close and delete it: the plan, weakly."""
    window = MainWindow(Document(project))
    window.show()
    qtbot.waitExposed(window)
    for name in docks:
        window.analysis.show(name)
        qtbot.waitUntil(window.analysis.docks[name].isVisible)
    window.document.noted.emit("opened")  # the status bar's note, as an edit gives one
    plan = weakref.ref(window.document)
    window.document.mark_saved()  # closing never asks
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return plan


def test_a_closed_window_frees_its_plan(qtbot, small_project):
    plan = plan_of_a_window_closed(qtbot, small_project)
    gc.collect()
    assert plan() is None


def test_a_closed_window_with_its_analysis_docks_open_frees_its_plan(qtbot, small_project):
    plan = plan_of_a_window_closed(qtbot, small_project, ("baselines", "slip", "mta", "why", "whatif", "risk"))
    gc.collect()
    assert plan() is None


def test_the_timeline_buttons_still_zoom(qtbot, window):
    window.gantt.zoom_to_range(date(2029, 1, 1), date(2039, 1, 1))
    window.gantt.preset_actions["2y"].trigger()
    qtbot.waitUntil(lambda: window.gantt.visible_range()[1] - window.gantt.visible_range()[0]
                    < (date(2031, 1, 1) - date(2029, 1, 1)) * 1.2)

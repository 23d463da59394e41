"""The link menu's Lag… takes a lag as the Predecessors cell does: units, part days rounded up, said.

Continuous calendar from 2030-01-01: A (5 d) Jan 1-5 -> B. A lag of 4 hours is half of MS Project's
8-hour day: B's lag becomes 1 day and the status bar says it was rounded, as for a typed duration.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from windows import shown_main_window

from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt.link_menu import build_link_menu


def _window(qtbot):
    project = Project("Lags", date(2030, 1, 1))
    project.add_task(Task("A", "A", 5, id="a", position=0))
    project.add_task(Task("B", "B", 3, id="b", position=1))
    project.add_link(Link("a", "b", id="ab"))
    return shown_main_window(qtbot, Document(project))


def _type_lag(qtbot, window, typed: str) -> None:
    """Lag… from the link's menu; type into the dialog it opens and press OK."""
    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        dialog.setTextValue(typed)
        dialog.accept()

    menu = build_link_menu(window.document, next(iter(window.document.project.links)), window.gantt)
    lag_action = next(action for action in menu.actions() if action.text().startswith("Lag"))
    QTimer.singleShot(0, answer)
    lag_action.trigger()


def test_a_lag_typed_in_hours_is_rounded_up_and_said(qtbot):
    window = _window(qtbot)
    _type_lag(qtbot, window, "4h")
    [link] = window.document.project.links.values()
    assert (link.lag, link.elapsed) == (1, False)
    assert window.statusBar().currentMessage() == "Lag '+4h' was rounded up to +1 d: a plan counts whole working days"
    # B follows A's last day (Jan 5) by one day: it starts Jan 7.
    assert window.document.schedule.tasks["b"].early_start == date(2030, 1, 7)


def test_an_elapsed_lag_and_a_lead_are_taken_as_typed(qtbot):
    window = _window(qtbot)
    _type_lag(qtbot, window, "+2ed")
    [link] = window.document.project.links.values()
    assert (link.lag, link.elapsed) == (2, True)
    _type_lag(qtbot, window, "-1 d")
    [link] = window.document.project.links.values()
    assert (link.lag, link.elapsed) == (-1, False)
    assert window.statusBar().currentMessage() == ""


def test_a_lag_that_is_no_duration_is_refused_and_nothing_changes(qtbot):
    window = _window(qtbot)
    _type_lag(qtbot, window, "soon")
    boxes = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1 and "'soon' is not a lag (write +3d, -1d for a lead, 4h or 2ed)" in boxes[0].text()
    for box in boxes:
        box.close()
    assert [link.lag for link in window.document.project.links.values()] == [0]

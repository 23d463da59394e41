"""A baseline reads in the window as it was announced, whatever is typed into the plan today.

The April 2026 baseline says "ILRS basic station complete" by 2035. A planner types 2036-03-15 into
its Start and compares with that baseline from the View menu: the Baseline finish cell reads 2035 (the
year announced, not "2036", the day its point 2036-01-01 00:00 falls on), the Finish variance "+1 y"
(2036 is a later year than 2035: slipped), and the chart's key-date badge says the same words.
"""

from __future__ import annotations

import numpy as np
from gestures import click_cell, type_text

from ilrs_planner.qt.models.task_columns import Column

APRIL_2026 = "2026-04-13 Chang'e 7 in the second half of 2026"


def _compare_with_april_2026(window) -> None:
    menu = window.view.baseline_menu
    menu.aboutToShow.emit()  # what opening View → Compare with baseline does
    next(action for action in menu.actions() if action.text().endswith(APRIL_2026)).trigger()
    assert window.document.baseline_name == APRIL_2026


def _cells(window, task_id: str) -> tuple[str, str, str]:
    return tuple(window.tree.proxy_index(task_id, int(c)).data()  # type: ignore[return-value]
                 for c in (Column.FINISH, Column.BASELINE_FINISH, Column.VARIANCE))


def _badge(window, task_id: str) -> str:
    data = window.gantt.chart_data()
    row = data.task_ids.index(task_id)
    assert data.key[row] and not np.isnan(data.slip_counted[row])  # a badge is drawn on the key milestone
    return str(data.slip_words[row])


def test_the_basic_station_typed_into_2036_reads_a_year_late_against_by_2035(qtbot, roadmap_window):
    basic = roadmap_window.document.project.task_by_key("ilrs-basic")
    click_cell(roadmap_window.tree, basic.id, Column.START)
    type_text(roadmap_window.tree, "2036-03-15")
    _compare_with_april_2026(roadmap_window)
    # Baseline "by 2035" -> 2035; now 2036-03-15, in a later year: +1 y (and late in the chart's colours).
    qtbot.waitUntil(lambda: _cells(roadmap_window, basic.id) == ("2036-03-15", "2035", "+1 y"), timeout=10000)
    assert _badge(roadmap_window, basic.id) == "+1 y"
    assert roadmap_window.gantt.chart_data().slip_counted[
        roadmap_window.gantt.chart_data().task_ids.index(basic.id)] > 0


def test_the_crewed_landing_typed_for_30_december_2030_stays_on_time(qtbot, roadmap_window):
    landing = roadmap_window.document.project.task_by_key("crewed-landing")
    _compare_with_april_2026(roadmap_window)
    click_cell(roadmap_window.tree, landing.id, Column.START)
    type_text(roadmap_window.tree, "2030-12-30")
    # Baseline "by 2030" -> 2030; now 2030-12-30, the same year: 0 y (not "2031", "-1 y").
    qtbot.waitUntil(lambda: _cells(roadmap_window, landing.id) == ("2030-12-30", "2030", "0 y"), timeout=10000)
    assert _badge(roadmap_window, landing.id) == "0 y"


def test_a_start_held_in_a_year_is_said_in_that_year_and_names_its_predecessor_once(qtbot, roadmap_window):
    landing = roadmap_window.document.project.task_by_key("crewed-landing")
    click_cell(roadmap_window.tree, landing.id, Column.START)
    type_text(roadmap_window.tree, "Q4 2030")
    # The reserve (29, known to the year) holds the landing to the end of 2030: the row reads 2030.
    assert roadmap_window.tree.proxy_index(landing.id, int(Column.START)).data() == "2030"
    assert roadmap_window.statusBar().currentMessage() == (
        "Start of 30 'First Chinese crewed lunar landing' held in 2030 by 29 'Crewed landing schedule reserve'; "
        "Start No Earlier Than Q4 2030 kept")

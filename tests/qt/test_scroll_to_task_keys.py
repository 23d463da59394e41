"""Scroll to task by MS Project's key, Ctrl+Shift+F5, as well as Ctrl+Shift+J: the selected task's bar
comes into the chart from wherever it had been scrolled (the key MS Project planners press did
nothing)."""

from __future__ import annotations

from datetime import date

import pytest
from gestures import click_cell, press

from ilrs_planner.qt.models.task_columns import Column


@pytest.mark.parametrize("keys", ["Ctrl+Shift+F5", "Ctrl+Shift+J"])
def test_scroll_to_task_brings_the_selected_bar_into_the_chart(qtbot, window, keys):
    gantt = window.gantt
    click_cell(window.tree, "c", Column.NAME)  # the chart follows the click; then scrolled away from it:
    gantt.zoom_to_range(date(2020, 1, 1), date(2020, 6, 30))  # years before the plan's tasks
    first, last = gantt.visible_range()
    start, _finish = gantt.shown_dates("c")
    assert not first <= start <= last
    press(window.tree, keys)
    first, last = gantt.visible_range()
    assert first <= start <= last

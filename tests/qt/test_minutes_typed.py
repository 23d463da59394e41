"""'6m' typed as a duration is six minutes, as in MS Project (a month is 'mo'): rounded up to a day,
the status bar says which unit it read, so a planner who meant six months sees why the task is one
day long, not only that something was rounded."""

from __future__ import annotations

import pytest
from gestures import click_cell, type_text

from ilrs_planner.qt.models.task_columns import Column


@pytest.mark.parametrize("typed, unit", [("6m", "6 minutes"), ("30 min", "30 minutes"), ("1em", "1 minute")])
def test_minutes_typed_as_a_duration_are_named_as_minutes_with_the_month_unit(qtbot, window, typed, unit):
    click_cell(window.tree, "a", Column.NAME)
    click_cell(window.tree, "a", Column.DURATION)
    type_text(window.tree, typed)
    assert window.document.project.tasks["a"].duration == 1
    message = window.statusBar().currentMessage()
    assert message.startswith(f"'{typed}' is {unit} (a month is 'mo'), rounded up to 1 ")


def test_hours_typed_are_only_said_rounded(qtbot, window):
    click_cell(window.tree, "a", Column.NAME)
    click_cell(window.tree, "a", Column.DURATION)
    type_text(window.tree, "4h")
    assert window.statusBar().currentMessage() == "'4h' was rounded up to 1 d: a plan counts whole working days"

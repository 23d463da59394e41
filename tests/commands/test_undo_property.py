"""Random edit sequences: undo all gives the original plan, its links in their order (a successor's
Predecessors cell and the saved file list them so), redo all gives the same final plan."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import PlannerError

from .conftest import build_small_plan
from .strategies import draw_command


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_undo_all_then_redo_all(data):
    project = build_small_plan()
    original = copy.deepcopy(project)
    applied = []
    for serial in range(data.draw(st.integers(1, 25))):
        command = draw_command(data, project, serial)
        before = copy.deepcopy(project)
        try:
            command.apply(project)
        except PlannerError:
            assert project == before  # a refused edit changes nothing
            continue
        applied.append(command)
    final = copy.deepcopy(project)
    for command in reversed(applied):
        command.revert(project)
    assert project == original
    assert list(project.links) == list(original.links)
    for command in applied:
        command.apply(project)
    assert project == final

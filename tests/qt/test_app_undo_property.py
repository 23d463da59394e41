"""Through the real QUndoStack (merges included): undo all gives the original, redo all the final plan."""

from __future__ import annotations

import copy

# tests/ is on the path (tests/conftest.py), and tests/commands is a package of helpers too.
from commands.conftest import build_small_plan
from commands.strategies import draw_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import PlannerError
from ilrs_planner.qt.document import Document


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(st.data())
def test_undo_stack_round_trip(qapp, data):
    document = Document(build_small_plan())
    original = copy.deepcopy(document.project)
    for serial in range(data.draw(st.integers(1, 20))):
        command = draw_command(data, document.project, serial)
        before = copy.deepcopy(document.project)
        try:
            document.push(command)
        except PlannerError:
            assert document.project == before
    final = copy.deepcopy(document.project)
    while document.undo_stack.canUndo():
        document.undo_stack.undo()
    assert document.project == original
    while document.undo_stack.canRedo():
        document.undo_stack.redo()
    assert document.project == final
    assert document.schedule is not None or document.schedule_error is not None

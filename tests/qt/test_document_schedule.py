"""The window's schedule after every edit, undo and redo is the one the plan gives scheduled afresh
(the document keeps the plan's scheduling inputs across edits and reads again only what an edit named)."""

from __future__ import annotations

from commands.conftest import build_small_plan
from commands.strategies import draw_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import PlannerError
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.qt.document import Document


def _assert_fresh(document: Document) -> None:
    try:
        fresh = schedule(document.project)
    except PlannerError as error:
        assert document.schedule is None and document.schedule_error is not None
        assert (document.schedule_error.code, document.schedule_error.message) == (error.code, error.message)
        return
    assert document.schedule is not None
    assert document.schedule == fresh
    assert list(document.schedule.tasks) == list(fresh.tasks)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(st.data())
def test_the_schedule_after_each_push_undo_and_redo_is_a_fresh_one(qapp, data):
    document = Document(build_small_plan())
    for serial in range(data.draw(st.integers(1, 15))):
        step = data.draw(st.sampled_from(["push", "push", "undo", "redo"]))
        if step == "undo":
            document.undo_stack.undo()
        elif step == "redo":
            document.undo_stack.redo()
        else:
            try:
                document.push(draw_command(data, document.project, serial))
            except PlannerError:
                pass  # refused: nothing changed
        _assert_fresh(document)

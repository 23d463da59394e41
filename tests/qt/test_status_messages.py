"""The status bar's message speaks of the last edit: a hint goes at the next edit, and an edit that
leaves the plan unscheduled (or a plan opened so) says so there, where the planner read the message
before; the banner over the chart says it too."""

from __future__ import annotations

from gestures import click_cell, type_text
from test_unscheduled_banner import _open, _save

from ilrs_planner.qt.models.task_columns import Column


def message(window) -> str:
    return window.statusBar().currentMessage()


def test_the_id_hint_goes_when_the_task_is_named(qtbot, window):
    click_cell(window.tree, "a", Column.ID)
    type_text(window.tree, "7")  # the ID is not typed: the status bar says why
    assert "not typed" in message(window)
    click_cell(window.tree, "a", Column.NAME)
    type_text(window.tree, "Landing-site survey")
    assert window.document.project.tasks["a"].name == "Landing-site survey"
    assert message(window) == ""


def test_a_rounding_note_stays_for_its_edit_and_goes_at_the_next(qtbot, window):
    click_cell(window.tree, "a", Column.DURATION)
    type_text(window.tree, "2.5d")
    assert "rounded up" in message(window)
    click_cell(window.tree, "b", Column.DURATION)
    type_text(window.tree, "4d")
    assert message(window) == ""


def test_a_plan_without_a_schedule_says_so_in_the_status_bar_until_one_that_schedules(
        qtbot, window, monkeypatch, tmp_path):
    click_cell(window.tree, "a", Column.DURATION)
    type_text(window.tree, "2.5d")
    assert "rounded up" in message(window)
    window.document.mark_saved()  # opening another plan asks nothing
    _open(qtbot, window, monkeypatch, _save(tmp_path / "dormant.db", (False,) * 7))  # no working day
    assert message(window).startswith("Not scheduled: ") and "no working day" in message(window)
    (survey,) = window.document.project.tasks.values()
    click_cell(window.tree, survey.id, Column.NAME)
    type_text(window.tree, "Site survey")  # an edit that leaves it unscheduled: still said
    assert survey.name == "Site survey"
    assert message(window).startswith("Not scheduled: ")
    window.document.mark_saved()
    _open(qtbot, window, monkeypatch, _save(tmp_path / "working.db", (True,) * 5 + (False, False)))
    assert window.document.schedule is not None and message(window) == ""


def test_a_lag_typed_in_hours_or_part_days_is_rounded_up_and_said(qtbot, window):
    """Row 2 is A. A lag of 4 hours is half of MS Project's 8-hour day, and 0.5d the same half day:
    both are a lag of 1 day in a plan that counts whole days, and the status bar says so, as for a
    duration typed 2.5d."""
    project = window.document.project
    for typed in ("2FS+4h", "2FS+0.5d"):
        click_cell(window.tree, "m", Column.PREDECESSORS)
        type_text(window.tree, typed)
        [link] = [link for link in project.links.values() if link.succ_id == "m"]
        assert (link.pred_id, link.lag) == ("a", 1)
        assert message(window) == f"Lag '{typed[3:]}' was rounded up to +1 d: a plan counts whole working days"
        assert window.tree.proxy_index("m", int(Column.PREDECESSORS)).data() == "2FS+1 day"
        window.document.undo_stack.undo()

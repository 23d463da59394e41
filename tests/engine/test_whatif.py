"""What-if scenarios: what moves and by how much, on a copy; applied as one undoable command."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest

from ilrs_planner.commands.whatif import ApplyWhatIf
from ilrs_planner.domain import ConstraintType, Link, PlannerError, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.whatif import what_if

D = date


def _plan() -> Project:
    """lander (30 d) -> base (milestone) ; rover (10 d) -> base with 60 days of float; other alone."""
    project = Project("What-if", D(2030, 1, 1))
    for key, dur, kind in [("lander", 30, TaskKind.MISSION), ("rover", 10, TaskKind.MISSION),
                           ("base", 0, TaskKind.MILESTONE), ("other", 5, TaskKind.TASK)]:
        project.add_task(Task(key, key.title(), dur, kind, id=key, position=len(project.tasks)))
    project.add_link(Link("lander", "base"))
    project.add_link(Link("rover", "base", lag=-40))  # rover may finish 40 days later than the lander
    return project


def test_slip_moves_the_task_and_what_depends_on_it_by_hand_computed_days():
    project = _plan()
    original = copy.deepcopy(project)
    result = what_if(project, "lander", slip_days=15)
    moved = {m.key: (m.start_delta, m.finish_delta) for m in result.moves}
    assert moved == {"lander": (15, 15), "base": (15, 15)}  # rover and other do not move
    assert [m.key for m in result.key_milestones()] == ["base"]
    assert result.new_project_finish - result.old_project_finish == timedelta(days=15)
    assert project == original  # the plan itself is untouched


def test_float_absorbs_a_small_slip_of_a_non_critical_task():
    project = _plan()
    # rover finishes 2030-01-11; base needs rover.EF - 40 <= 2030-01-31: 60 days of slack.
    assert [m.key for m in what_if(project, "rover", slip_days=60).moves] == ["rover"]
    moved = {m.key: m.finish_delta for m in what_if(project, "rover", slip_days=70).moves}
    assert moved == {"rover": 70, "base": 10}


def test_finish_on_a_date_fixes_the_finish():
    project = _plan()
    result = what_if(project, "lander", finish_on=D(2030, 3, 1))  # the last day of work, as a person gives it
    lander = next(m for m in result.moves if m.key == "lander")
    assert lander.new_finish == D(2030, 3, 2) and lander.new_start == D(2030, 3, 2) - timedelta(days=30)
    assert result.fields == {"constraint": ConstraintType.MFO, "constraint_date": D(2030, 3, 2)}  # exclusive


def test_a_task_under_way_keeps_its_actual_start():
    project = _plan()
    project.tasks["lander"].actual_start = D(2030, 1, 1)
    result = what_if(project, "lander", slip_days=5)
    assert result.fields == {"duration": 35}
    assert next(m for m in result.moves if m.key == "lander").start_delta == 0


def test_a_task_under_way_at_the_status_date_moves_by_exactly_the_days_asked():
    project = _plan()
    lander = project.tasks["lander"]
    lander.actual_start, lander.percent_complete = D(2030, 1, 1), 40
    project.status_date = D(2030, 1, 11)  # 30 days at 40 %: 18 days left from 01-11, exclusive finish 01-29
    before = schedule(project).tasks["lander"].early_finish
    assert before == D(2030, 1, 29)
    slipped = next(m for m in what_if(project, "lander", slip_days=5).moves if m.key == "lander")
    assert (slipped.old_finish, slipped.new_finish) == (D(2030, 1, 29), D(2030, 2, 3))  # +5, not +3 (5 x 60 %)
    ends = next(m for m in what_if(project, "lander", finish_on=D(2030, 2, 9)).moves if m.key == "lander")
    assert ends.new_finish == D(2030, 2, 10) and ends.start_delta == 0  # last day 02-09: exclusive 02-10


@pytest.mark.parametrize("change, code", [
    ({"slip_days": 5, "finish_on": D(2030, 1, 1)}, "task.bad_value"), ({}, "task.bad_value")])
def test_a_scenario_needs_exactly_one_change(change, code):
    with pytest.raises(PlannerError) as err:
        what_if(_plan(), "lander", **change)
    assert err.value.code == code


def test_history_cannot_slip():
    project = _plan()
    project.tasks["lander"].actual_start, project.tasks["lander"].actual_finish = D(2030, 1, 1), D(2030, 1, 20)
    with pytest.raises(PlannerError) as err:
        what_if(project, "lander", slip_days=5)
    assert err.value.code == "task.bad_value" and "history" in err.value.message


def test_applying_the_scenario_gives_the_previewed_dates_and_undoes_in_one_step():
    project = _plan()
    original = copy.deepcopy(project)
    preview = what_if(project, "lander", slip_days=15)
    command = ApplyWhatIf(preview)
    assert command.merge_key is None and "slips by +15 d (" in command.text
    command.apply(project)
    applied = schedule(project)
    for move in preview.moves:
        assert (applied.tasks[move.task_id].early_start, applied.tasks[move.task_id].early_finish) == \
            (move.new_start, move.new_finish)
    command.revert(project)
    assert project == original


def test_an_applied_what_if_dates_a_task_known_to_the_year_to_the_day():
    from ilrs_planner.domain import Precision
    from ilrs_planner.engine.shown_dates import last_day_text, start_text
    from ilrs_planner.engine.shown_precision import ShownPrecision

    project = _plan()
    project.tasks["lander"].precision = Precision.YEAR  # "2030", as an announcement gives it
    result = what_if(project, "lander", slip_days=100)
    assert result.fields["precision"] is Precision.DAY
    ApplyWhatIf(result).apply(project)
    after = schedule(project)
    shown = ShownPrecision(project, after)
    lander = after.tasks["lander"]
    # 2030-01-01 + 100 days = 2030-04-11; 30 days of work: the last is 2030-05-10, read as days, not "2030".
    assert start_text(lander.early_start, shown.of("lander")) == "2030-04-11"
    assert last_day_text(lander.early_start, lander.early_finish, shown.of("lander")) == "2030-05-10"

"""Choosing a task's mode: one undo step; a task turning manual stays on its start whatever its
predecessor does later; undo gives back the auto-scheduled task."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.commands.task_mode import set_task_mode
from ilrs_planner.commands.tasks import SetDuration, SetTaskFields
from ilrs_planner.domain import ConstraintType, PlannerError
from ilrs_planner.engine.cpm import schedule


def _start(plan, task_id):
    return schedule(plan).tasks[task_id].early_start


def _dates(plan, task_id):
    return schedule(plan).tasks[task_id]


def test_a_task_turned_manual_keeps_its_start_when_its_predecessor_grows(plan):
    # A (10 d) -> B (20 d) -> C: B starts 2030-01-11, the day A finishes.
    assert _start(plan, "b") == date(2030, 1, 11)
    command = set_task_mode(plan, "b", True, _dates(plan, "b"))
    command.apply(plan)
    task = plan.tasks["b"]
    assert (task.manual, task.manual_start, task.constraint) == (True, date(2030, 1, 11), ConstraintType.ASAP)
    SetDuration("a", 20).apply(plan)  # A now finishes 2030-01-21
    dates = schedule(plan).tasks
    assert dates["b"].early_start == date(2030, 1, 11)  # manual: not pushed to 2030-01-21
    assert dates["a"].total_float == -10 and dates["a"].critical  # A overruns B's start by 10 days
    command.revert(plan)
    assert (task.manual, task.manual_start, task.constraint) == (False, None, ConstraintType.ASAP)
    assert _start(plan, "b") == date(2030, 1, 21)  # auto again: after A


def test_a_task_on_the_plan_start_turns_manual_without_a_constraint(plan):
    command = set_task_mode(plan, "a", True, _dates(plan, "a"))
    command.apply(plan)
    assert plan.tasks["a"].manual and plan.tasks["a"].constraint is ConstraintType.ASAP


def test_a_dated_constraint_is_kept_when_a_task_turns_manual(plan):
    SetTaskFields("b", constraint=ConstraintType.MSO, constraint_date=date(2030, 1, 20)).apply(plan)
    set_task_mode(plan, "b", True, _dates(plan, "b")).apply(plan)
    assert (plan.tasks["b"].constraint, plan.tasks["b"].constraint_date) == (ConstraintType.MSO, date(2030, 1, 20))


def test_choosing_the_mode_a_task_has_is_no_step(plan):
    assert set_task_mode(plan, "b", False, _dates(plan, "b")) is None


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_a_manual_flag_that_is_not_yes_or_no_is_refused_by_name(plan, value):
    with pytest.raises(PlannerError) as caught:
        SetTaskFields("b", manual=value).apply(plan)
    assert caught.value.code == "task.bad_value" and "manual" in caught.value.message
    assert plan.tasks["b"].manual is False


def test_a_task_scheduled_past_2200_cannot_turn_manual_and_the_plan_stays_saveable(plan, tmp_path):
    """Pinning it would set a date no plan file holds, and every later save would fail."""
    from ilrs_planner.store import open_project, save_project

    SetTaskFields("a", constraint=ConstraintType.SNET, constraint_date=date(2199, 6, 1), duration=600).apply(plan)
    assert _start(plan, "b").year > 2200
    with pytest.raises(PlannerError) as refused:
        set_task_mode(plan, "b", True, _dates(plan, "b")).apply(plan)
    assert refused.value.code == "task.bad_value" and "1900-2200" in refused.value.message
    assert "manual start" in refused.value.message
    assert not plan.tasks["b"].manual and plan.tasks["b"].manual_start is None
    save_project(plan, tmp_path / "plan.db")
    assert not open_project(tmp_path / "plan.db").tasks["b"].manual


def test_turning_auto_again_lets_the_task_go_where_its_links_put_it(plan):
    """As MS Project reschedules a task turned back to auto by its links: the pin made when it turned
    manual goes in the same step, and undo puts it back."""
    set_task_mode(plan, "b", True, _dates(plan, "b")).apply(plan)
    SetDuration("a", 20).apply(plan)  # A now finishes 2030-01-21; manual B stays on 2030-01-11
    assert _start(plan, "b") == date(2030, 1, 11)
    back = set_task_mode(plan, "b", False, _dates(plan, "b"))
    back.apply(plan)
    task = plan.tasks["b"]
    assert (task.manual, task.manual_start, task.constraint) == (False, None, ConstraintType.ASAP)
    assert _start(plan, "b") == date(2030, 1, 21)  # after A again
    back.revert(plan)
    assert (task.manual, task.manual_start, task.constraint) == (True, date(2030, 1, 11), ConstraintType.ASAP)
    assert _start(plan, "b") == date(2030, 1, 11)


@pytest.mark.parametrize(("constraint", "day"), [(ConstraintType.MSO, date(2030, 1, 20)),
                                                 (ConstraintType.FNLT, date(2030, 3, 1))])
def test_a_constraint_the_planner_set_stays_when_the_task_turns_auto(plan, constraint, day):
    SetTaskFields("b", constraint=constraint, constraint_date=day).apply(plan)
    set_task_mode(plan, "b", True, _dates(plan, "b")).apply(plan)
    set_task_mode(plan, "b", False, _dates(plan, "b")).apply(plan)
    task = plan.tasks["b"]
    assert (task.manual, task.constraint, task.constraint_date) == (False, constraint, day)


def test_a_start_no_earlier_than_on_another_day_than_the_start_is_not_the_pin(plan):
    # B, manual and SNET 2030-01-05, is held there... until the status date (2030-01-08) holds it later.
    SetTaskFields("b", manual=True, constraint=ConstraintType.SNET, constraint_date=date(2030, 1, 5)).apply(plan)
    plan.status_date = date(2030, 1, 8)
    assert _start(plan, "b") == date(2030, 1, 8)
    set_task_mode(plan, "b", False, _dates(plan, "b")).apply(plan)
    assert (plan.tasks["b"].constraint, plan.tasks["b"].constraint_date) == (ConstraintType.SNET, date(2030, 1, 5))


def test_an_as_late_as_possible_task_turning_manual_stays_as_late_as_possible(plan):
    """ALAP is the planner's choice of place: it is kept, and the task stays on its late dates."""
    from ilrs_planner.commands.links import DeleteLink

    DeleteLink("bc").apply(plan)  # B (20 d) now ends only the plan: C, from the plan start, sets its finish
    SetDuration("c", 40).apply(plan)
    SetTaskFields("b", constraint=ConstraintType.ALAP).apply(plan)
    # A 2030-01-01..01-10, C 2030-01-01..02-09, M on 2030-02-10: B's late start is 2030-01-21.
    assert _start(plan, "b") == date(2030, 1, 21)
    set_task_mode(plan, "b", True, _dates(plan, "b")).apply(plan)
    assert (plan.tasks["b"].manual, plan.tasks["b"].constraint) == (True, ConstraintType.ALAP)
    assert _start(plan, "b") == date(2030, 1, 21)
    SetDuration("c", 50).apply(plan)  # the plan finish moves to 2030-02-20: B follows it, as late as it can
    assert _start(plan, "b") == date(2030, 1, 31)


def test_a_milestone_at_the_end_of_a_day_keeps_its_day_turned_manual_and_back(plan):
    """M follows C, which finishes on Friday 2030-03-01 (A 10 d from Tue 01-01, B 20 d, C 30 d: 60
    calendar days): M stands at the end of that Friday, as MS Project shows it (17:00), with no float."""
    before = _dates(plan, "m")
    assert (before.shown_start, before.early_at_day_end, before.total_float) == (date(2030, 3, 1), True, 0)
    set_task_mode(plan, "m", True, before).apply(plan)
    task = plan.tasks["m"]
    assert (task.manual_start, task.manual_start_at_day_end, task.constraint) == (date(2030, 3, 1), True,
                                                                                 ConstraintType.ASAP)
    manual = schedule(plan).tasks
    assert (manual["m"].shown_start, manual["m"].early_at_day_end) == (date(2030, 3, 1), True)
    assert manual["c"].total_float == 0 and manual["c"].shown_finish == date(2030, 3, 1)  # C still meets M
    SetDuration("c", 28).apply(plan)  # C ends Wed 2030-02-27: manual M stays at the end of Friday
    assert _dates(plan, "m").shown_start == date(2030, 3, 1)
    set_task_mode(plan, "m", False, _dates(plan, "m")).apply(plan)
    after = _dates(plan, "m")
    assert (after.shown_start, after.early_at_day_end) == (date(2030, 2, 27), True)  # after C again
    assert (task.manual_start, task.manual_start_at_day_end) == (None, False)


def test_a_start_no_earlier_than_set_on_the_start_of_a_manual_task_is_kept_when_it_turns_auto(plan):
    """The planner's own constraint on the very day the task starts is not the manual start."""
    set_task_mode(plan, "b", True, _dates(plan, "b")).apply(plan)
    SetTaskFields("b", constraint=ConstraintType.SNET, constraint_date=date(2030, 1, 11)).apply(plan)
    SetDuration("a", 5).apply(plan)  # A ends 2030-01-05: B could start on 01-06, its SNET holds it on 01-11
    set_task_mode(plan, "b", False, _dates(plan, "b")).apply(plan)
    task = plan.tasks["b"]
    assert (task.manual, task.constraint, task.constraint_date, task.manual_start) == \
        (False, ConstraintType.SNET, date(2030, 1, 11), None)
    assert _start(plan, "b") == date(2030, 1, 11)


def test_a_finish_no_later_than_of_a_task_turning_manual_keeps_it_where_it_is_and_counts_for_float(plan):
    """A deadline-like constraint does not place a task: the task keeps its start, the constraint its meaning."""
    SetTaskFields("b", constraint=ConstraintType.FNLT, constraint_date=date(2030, 1, 25)).apply(plan)
    assert _start(plan, "b") == date(2030, 1, 11)
    set_task_mode(plan, "b", True, _dates(plan, "b")).apply(plan)
    dates = _dates(plan, "b")
    # B (20 d) from 2030-01-11 ends before 01-31 (exclusive, as finish constraints are kept): six days
    # past its Finish No Later Than, before 01-25.
    assert (dates.early_start, dates.total_float) == (date(2030, 1, 11), -6)
    assert (plan.tasks["b"].constraint, plan.tasks["b"].constraint_date) == (ConstraintType.FNLT, date(2030, 1, 25))

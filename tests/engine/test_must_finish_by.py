"""The plan's Must finish by (Primavera P6's project Must Finish By): the backward pass starts from the
end of that day, so each chain's total float is that date less its early finish, negative on the
chains that finish after it; free float never exceeds total float. Dates worked by hand below.

The chain: A (10 d) -> B (5 d) -> C (3 d) from 2030-01-01, and D (4 d) alone. Early dates:
A [01-01, 01-11), B [01-11, 01-16), C [01-16, 01-19) (last day 01-18), D [01-01, 01-05).
"""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.domain import Calendar, Link, PlannerError, Project, Task
from ilrs_planner.engine.cpm import schedule, schedule_with


def _chain(must_finish_by: date | None) -> Project:
    plan = Project("Chain", date(2030, 1, 1), must_finish_by=must_finish_by)
    for position, (key, days) in enumerate((("a", 10), ("b", 5), ("c", 3), ("d", 4))):
        plan.add_task(Task(key.upper(), f"Task {key}", days, id=key, position=position))
    plan.add_link(Link("a", "b", id="ab"))
    plan.add_link(Link("b", "c", id="bc"))
    return plan


def _floats(plan: Project) -> dict[str, tuple[date, int, int, bool]]:
    tasks = schedule(plan).tasks
    return {k: (tasks[k].late_finish, tasks[k].total_float, tasks[k].free_float, tasks[k].critical) for k in "abcd"}


def test_without_one_the_late_dates_count_back_from_the_plans_finish():
    # C's late finish is the plan's finish 01-19 (exclusive): the chain has no float; D has 19 - 5 = 14 d.
    assert _floats(_chain(None)) == {"a": (date(2030, 1, 11), 0, 0, True), "b": (date(2030, 1, 16), 0, 0, True),
                                     "c": (date(2030, 1, 19), 0, 0, True), "d": (date(2030, 1, 19), 14, 14, False)}


def test_a_later_must_finish_by_gives_the_driving_chain_float_and_leaves_the_finish():
    # Must finish by the end of 2030-01-30: late finishes count back from 01-31 (exclusive).
    # C: 01-31 - 01-19 = 12 d total and free (nothing follows it: its slack runs to the same end);
    # B: late finish 01-31 - 3 = 01-28, 12 d total, free 0 (C follows at once); A: 01-23, 12 d, free 0.
    # D: 01-31 - 01-05 = 26 d. Nothing is critical, as in P6 with the float on the critical threshold 0.
    plan = _chain(date(2030, 1, 30))
    assert _floats(plan) == {"a": (date(2030, 1, 23), 12, 0, False), "b": (date(2030, 1, 28), 12, 0, False),
                             "c": (date(2030, 1, 31), 12, 12, False), "d": (date(2030, 1, 31), 26, 26, False)}
    assert schedule(plan).project_finish == date(2030, 1, 19)  # the plan's finish is still its early finish


def test_an_earlier_must_finish_by_gives_the_driving_chain_negative_float():
    # Must finish by the end of 2030-01-15: C's late finish 01-16 (exclusive), 3 days before its early
    # finish 01-19; so -3 d on A, B and C, free float the same -3 d (never more than total float).
    # D: 01-16 - 01-05 = 11 d.
    plan = _chain(date(2030, 1, 15))
    assert _floats(plan) == {"a": (date(2030, 1, 8), -3, -3, True), "b": (date(2030, 1, 13), -3, -3, True),
                             "c": (date(2030, 1, 16), -3, -3, True), "d": (date(2030, 1, 16), 11, 11, False)}


def test_on_the_plans_last_day_it_changes_nothing():
    # C's last day is 01-18: finished by the end of 01-18 is the plan's own finish.
    assert _floats(_chain(date(2030, 1, 18))) == _floats(_chain(None))


def test_on_a_working_week_the_float_counts_working_days():
    # Monday 2030-01-07 start on a Monday-Friday week: A 10 d to Friday 01-18, B to Friday 01-25,
    # C Monday 01-28 to Wednesday 01-30. Must finish by Sunday 2030-02-10: the last working day on or
    # before it is Friday 02-08, 7 working days after 01-30 (Thu, Fri, Mon-Fri): 7 d of float on the chain.
    plan = _chain(date(2030, 2, 10))
    plan.start = date(2030, 1, 7)
    week = plan.add_calendar(Calendar("Weekdays", (True,) * 5 + (False,) * 2, id="week"))
    plan.default_calendar_id = week.id
    tasks = schedule(plan).tasks
    assert tasks["c"].shown_finish == date(2030, 1, 30)
    assert tasks["c"].shown_late_finish == date(2030, 2, 8)
    assert [tasks[k].total_float for k in "abc"] == [7, 7, 7]


@pytest.mark.parametrize("vectorised", [True, False])
def test_the_level_and_loop_passes_agree(vectorised):
    plan = _chain(date(2030, 1, 15))
    assert dict(schedule_with(plan, vectorised).tasks) == dict(schedule(plan).tasks)


def test_a_value_that_is_not_a_date_is_refused_by_name():
    plan = _chain(None)
    plan.must_finish_by = "2030-01-30"  # type: ignore[assignment] - as a hostile caller could set it
    with pytest.raises(PlannerError) as caught:
        schedule(plan)
    assert caught.value.code == "plan.bad_value" and "Must finish by" in caught.value.message

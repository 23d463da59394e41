"""Computed dates keep the precision of what drives them: a date driven by '2031' is known to the year."""

from __future__ import annotations

from datetime import date

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Link, LinkType, Precision, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.shown_precision import ShownPrecision, coarser


def _plan() -> Project:
    # 'ann' is announced for 2031 (SNET 2031-01-01, year precision); 'next' (day precision) follows it
    # finish-to-start, 'last' follows 'next'; 'flown' has actual dates and follows 'ann' too; 'free' is
    # held by its own day-precise constraint, later than the link asks; 'ph' holds 'next' and 'free'.
    plan = Project(name="P", start=date(2030, 1, 1))
    plan.add_task(Task("ann", "Announced", 365, id="ann", precision=Precision.YEAR,
                       constraint=ConstraintType.SNET, constraint_date=date(2031, 1, 1)))
    plan.add_task(Task("ph", "Phase", 0, id="ph"))
    plan.add_task(Task("next", "Next", 10, id="next", parent_id="ph"))
    plan.add_task(Task("last", "Last", 5, id="last"))
    plan.add_task(Task("flown", "Flown", 3, id="flown", actual_start=date(2032, 2, 1),
                       actual_finish=date(2032, 2, 4), percent_complete=100))
    plan.add_task(Task("free", "Held by its own date", 4, id="free", parent_id="ph", position=1,
                       constraint=ConstraintType.SNET, constraint_date=date(2033, 3, 3)))
    for pred, succ in (("ann", "next"), ("next", "last"), ("ann", "flown"), ("ann", "free")):
        plan.add_link(Link(pred, succ, LinkType.FS, id=f"{pred}-{succ}"))
    return plan


def test_a_successor_and_its_successor_are_shown_at_the_year_that_drives_them():
    plan = _plan()
    shown = ShownPrecision(plan, schedule(plan))
    assert schedule(plan).tasks["next"].early_start == date(2032, 1, 1)  # the day after 2031's last day
    assert (shown.of("last"), shown.of("next"), shown.of("ann")) == (Precision.YEAR,) * 3


def test_history_and_a_task_held_by_its_own_date_keep_their_own_precision():
    plan = _plan()
    shown = ShownPrecision(plan, schedule(plan))
    assert shown.of("flown") is Precision.DAY
    assert shown.of("free") is Precision.DAY


def test_a_summary_is_shown_at_the_precision_of_the_sub_task_that_sets_its_finish():
    plan = _plan()
    shown = ShownPrecision(plan, schedule(plan))
    assert shown.of("ph") is Precision.DAY  # 'free' (2033-03-03, to the day) finishes last
    plan.tasks["free"].constraint_date = date(2031, 6, 1)  # now 'next' (driven by 2031) finishes last
    assert ShownPrecision(plan, schedule(plan)).of("ph") is Precision.YEAR


def test_without_a_schedule_a_task_shows_its_own_precision():
    plan = _plan()
    assert ShownPrecision(plan, None).of("next") is Precision.DAY


def test_coarser_picks_the_less_precise():
    assert coarser(Precision.DAY, Precision.QUARTER) is Precision.QUARTER
    assert coarser(Precision.YEAR, Precision.MONTH) is Precision.YEAR


def test_walking_only_the_tasks_a_coarse_date_can_reach_changes_nothing():
    # Tasks no coarser date can reach keep their own precision without a chain walk (speed); on the
    # bundled roadmap, where years, months and days mix, that gives exactly what walking every task gives.
    plan = build_reference_project()
    dates = schedule(plan)
    walk_all, limited = ShownPrecision(plan, dates), ShownPrecision(plan, dates)
    walk_all.reach = set(plan.tasks)
    assert limited.reach < set(plan.tasks)
    assert {tid: limited.of(tid) for tid in plan.tasks} == {tid: walk_all.of(tid) for tid in plan.tasks}

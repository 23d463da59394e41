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


def _integration() -> Project:
    """'Integration' holds 'assemble' (held to 2027-10-22, 30 d, to the day) and 'ready', a milestone typed
    as '2028-06' (SNET 2028-06-01, month precision); 'launch' (day precision) follows 'ready'."""
    plan = Project(name="P", start=date(2027, 1, 4))
    plan.add_task(Task("int", "Integration", 0, id="int"))
    plan.add_task(Task("assemble", "Assemble", 30, id="assemble", parent_id="int",
                       constraint=ConstraintType.SNET, constraint_date=date(2027, 10, 22)))
    plan.add_task(Task("ready", "Ready", 0, id="ready", parent_id="int", position=1, precision=Precision.MONTH,
                       constraint=ConstraintType.SNET, constraint_date=date(2028, 6, 1)))
    plan.add_task(Task("launch", "Launch", 10, id="launch"))
    plan.add_link(Link("ready", "launch", LinkType.FS, id="ready-launch"))
    return plan


def test_a_summarys_start_is_shown_at_the_precision_of_the_sub_task_that_starts_it():
    plan = _integration()
    dates = schedule(plan).tasks
    assert (dates["int"].shown_start, dates["int"].shown_finish) == (date(2027, 10, 22), date(2028, 6, 1))
    shown = ShownPrecision(plan, schedule(plan))
    assert shown.start_of("int") is Precision.DAY  # 'assemble' starts it, known to the day
    assert shown.of("int") is Precision.MONTH  # its finish is 'ready''s, known to the month
    assert shown.start_of("assemble") is Precision.DAY and shown.start_of("launch") is Precision.MONTH


def test_the_plans_finish_is_as_precise_as_the_tasks_finishing_on_it():
    plan = _integration()
    plan.tasks["launch"].duration = 0  # the plan ends on 'launch', a milestone driven by the month's 'ready'
    assert ShownPrecision(plan, schedule(plan)).finish_precision() is Precision.MONTH
    plan.tasks["launch"].duration = 10
    plan.add_task(Task("late", "Held to the day", 400, id="late", constraint=ConstraintType.SNET,
                       constraint_date=date(2028, 1, 3)))  # into 2029, after 'launch'
    assert ShownPrecision(plan, schedule(plan)).finish_precision() is Precision.DAY


def test_a_task_waiting_as_long_on_a_year_as_on_a_day_is_known_to_the_year_whichever_link_came_first():
    # A (known to the year) and B (to the day), 5 days each from 2030-01-01: both finish 2030-01-05,
    # both FS into C, which starts 2030-01-06 held by either. C waits on a date known only to the year,
    # so C is known to the year, whether A's link or B's was made first (the order links were made in
    # decided it: C read '2030-01-06' once A's link was deleted and made again).
    for order in (("a", "b"), ("b", "a")):
        plan = Project(name="Ties", start=date(2030, 1, 1))
        plan.add_task(Task("A", "Announced", 5, id="a", position=0, precision=Precision.YEAR))
        plan.add_task(Task("B", "Measured", 5, id="b", position=1))
        plan.add_task(Task("C", "After both", 3, id="c", position=2))
        for pred in order:
            plan.add_link(Link(pred, "c", LinkType.FS, id=f"{pred}c"))
        sched = schedule(plan)
        assert sched.tasks["c"].early_start == date(2030, 1, 6)
        assert ShownPrecision(plan, sched).of("c") is Precision.YEAR
        assert ShownPrecision(plan, sched).every() == {"c": Precision.YEAR}


def test_a_plan_without_links_is_shown_at_its_own_precisions():
    # No link drives any task: each reads as announced (the whole-plan arrays had nothing to lay out).
    plan = Project(name="Alone", start=date(2030, 1, 1))
    plan.add_task(Task("A", "Announced", 5, id="a", precision=Precision.YEAR))
    plan.add_task(Task("B", "Measured", 5, id="b"))
    shown = ShownPrecision(plan, schedule(plan), at_once=True)
    assert (shown.of("a"), shown.of("b"), shown.every()) == (Precision.YEAR, Precision.DAY, {})


START_2030 = date(2030, 1, 1)


def _tied_phase(year_first: bool, nested: bool = False) -> Project:
    """Phase S holds Y (known to the year) and D (to the day), 10 days each from 2030-01-01: both
    finish 2030-01-10. X (5 days) follows S; Y comes first in the outline or D does. `nested`: Y sits
    in a sub-phase T of S, two levels down, as D does in T2."""
    plan = Project(name="Tie", start=START_2030)
    plan.add_task(Task("S", "Phase", 0, id="s", position=0))
    parent = {"y": "s", "d": "s"}
    if nested:
        plan.add_task(Task("T", "Sub-phase", 0, id="t", parent_id="s", position=0 if year_first else 1))
        plan.add_task(Task("T2", "Sub-phase 2", 0, id="t2", parent_id="s", position=1 if year_first else 0))
        parent = {"y": "t", "d": "t2"}
    kids = [("y", Precision.YEAR), ("d", Precision.DAY)]
    for place, (key, precision) in enumerate(kids if year_first else kids[::-1]):
        plan.add_task(Task(key.upper(), key.upper(), 10, id=key, parent_id=parent[key], position=place,
                           precision=precision))
    plan.add_task(Task("X", "After the phase", 5, id="x", position=1))
    plan.add_link(Link("s", "x", LinkType.FS, id="sx"))
    return plan


def test_a_phase_finishing_with_a_year_and_a_day_is_known_to_the_year_in_either_outline_order():
    # Y and D both finish 2030-01-10, so S's finish is Y's as much as D's: known only to the year, and
    # so is X, which starts 2030-01-11 after S. It read 'day' when D came first in the outline.
    for year_first in (True, False):
        for nested in (False, True):
            plan = _tied_phase(year_first, nested)
            sched = schedule(plan)
            assert (sched.tasks["y"].early_finish, sched.tasks["d"].early_finish) == (date(2030, 1, 11),) * 2
            assert sched.tasks["x"].early_start == date(2030, 1, 11)
            expected = {"s": Precision.YEAR, "x": Precision.YEAR}
            if nested:
                expected["t"] = Precision.YEAR  # T2 finishes with D alone: the day
            walked, at_once = ShownPrecision(plan, sched), ShownPrecision(plan, sched, at_once=True)
            assert {t: walked.of(t) for t in expected} == expected, (year_first, nested)
            assert at_once.every() == expected, (year_first, nested)
            assert walked.of("t2" if nested else "d") is Precision.DAY


def test_a_phase_known_to_the_year_passes_on_what_finishes_it_not_its_own_year():
    # The phase's own precision is its own: X after a phase typed as '2030' whose last sub-task is known
    # to the day reads the day (as before); with a year sub-task tied with that one, the year.
    plan = _tied_phase(True)
    plan.tasks["s"].precision = Precision.YEAR
    plan.tasks["y"].duration = 9  # Y ends a day before D: D alone finishes S
    sched = schedule(plan)
    assert ShownPrecision(plan, sched).of("x") is Precision.DAY
    assert ShownPrecision(plan, sched, at_once=True).every() == {}  # S shows its own year
    plan.tasks["y"].duration = 10
    assert ShownPrecision(plan, schedule(plan)).of("x") is Precision.YEAR


def test_a_phase_starting_with_a_year_and_a_day_starts_at_the_year_in_either_outline_order():
    # Y (known to the year) and D (to the day) both start S on 2030-01-01: S's start is Y's as much as
    # D's, known only to the year, whichever comes first in the outline (it read 'day' when D came first).
    for year_first in (True, False):
        for nested in (False, True):
            plan = _tied_phase(year_first, nested)
            plan.tasks["d"].duration = 12  # D alone finishes S: its finish is known to the day
            sched = schedule(plan)
            assert sched.tasks["y"].early_start == sched.tasks["d"].early_start == START_2030
            for shown in (ShownPrecision(plan, sched), ShownPrecision(plan, sched, at_once=True)):
                assert (shown.start_of("s"), shown.of("s")) == (Precision.YEAR, Precision.DAY), (year_first, nested)

"""A partner copy keeps dates and floats where the tasks work on different calendars, and keeps a
milestone at the end of its day.

Plans start on Tuesday 2030-01-01. "Standard" works Monday to Friday, "Every day" all week; finishes
are exclusive (the day after the last day of work), floats in working days of the task's calendar,
all computed by hand in the comments. A lag counts working days of the successor's calendar from the
day the predecessor's finish ends at (engine._crossings), as MS Project counts it.
"""

from datetime import date

import pytest

from ilrs_planner.domain import Calendar, Classification, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.held_floats import floats_not_kept, floats_notice
from ilrs_planner.sharing.redact import redact_project

RESTRICTED = Classification.RESTRICTED
WEEK, EVERY_DAY = "cal-5", "cal-7"


def _plan(tasks, links, default=None):
    plan = Project(name="Calendars", start=date(2030, 1, 1))
    plan.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id=WEEK))
    plan.add_calendar(Calendar("Every day", (True,) * 7, id=EVERY_DAY))
    plan.default_calendar_id = default
    for tid, days, calendar, *cls in tasks:
        plan.add_task(Task(key=tid.upper(), name=f"Task {tid}", duration=days, id=tid, calendar_id=calendar,
                           classification=cls[0] if cls else Classification.PUBLIC))
    for pred, succ, *kind in links:
        plan.add_link(Link(pred, succ, kind[0] if kind else LinkType.FS, 0, id=f"l-{pred}-{succ}"))
    return plan


def _read(plan, tid):
    dates = schedule(plan).tasks[tid]
    return dates.early_start, dates.early_finish, dates.total_float, dates.free_float


def _bridge(copy, pred, succ):
    [bridge] = [k for k in copy.links.values() if (k.pred_id, k.succ_id) == (pred, succ)]
    return bridge


def test_a_seven_day_task_driving_a_week_task_keeps_every_float_through_one_lag():
    # a (every day, 3 d) Jan 1-3, finish Jan 4 (Fri) -> w (withheld, week, 2 d) Fri 4, Mon 7 -> b (week, 4 d)
    # Tue 8 - Fri 11, finish Jan 12. e (every day, 30 d) ends the plan Jan 31 (Thu).
    # b: last working day Wed 30, late start Fri 25: 13 working days of float, all free.
    # w: late finish the end of Thu 24, late start Wed 23; a: late finish Jan 23: 19 d total, 0 d free.
    plan = _plan([("a", 3, EVERY_DAY), ("w", 2, WEEK, RESTRICTED), ("b", 4, WEEK), ("e", 30, EVERY_DAY)],
                 [("a", "w"), ("w", "b")])
    assert _read(plan, "a") == (date(2030, 1, 1), date(2030, 1, 4), 19, 0)
    assert _read(plan, "b") == (date(2030, 1, 8), date(2030, 1, 12), 13, 13)
    copy = redact_project(plan, "public")
    # Two of b's working days (Fri 4, Mon 7) from a's finish to b's start; a's late finish (Jan 23) is
    # two of them (Wed 23, Thu 24) before b's late start: one lag of 2 keeps both, no pin, no bound.
    assert _bridge(copy, "a", "b").lag == 2
    assert [copy.tasks[t].constraint for t in "ab"] == [ConstraintType.ASAP] * 2
    assert [_read(copy, t) for t in "abe"] == [_read(plan, t) for t in "abe"]
    assert floats_notice(plan, copy) == ""


def test_a_week_task_driving_a_seven_day_task_keeps_its_total_float():
    # a (week, 3 d) Tue 1 - Thu 3, finish Jan 4 -> w (withheld, week, 2 d) Fri 4, Mon 7 -> b (every day, 4 d)
    # Jan 8-11; e ends the plan Jan 31. b: late start Jan 27, 19 d. w: late start Thu 24; a: late finish
    # the end of Wed 23, 14 working days of float (Jan 1-4, 7-11, 14-18), none free.
    plan = _plan([("a", 3, WEEK), ("w", 2, WEEK, RESTRICTED), ("b", 4, EVERY_DAY), ("e", 30, EVERY_DAY)],
                 [("a", "w"), ("w", "b")])
    assert _read(plan, "a") == (date(2030, 1, 1), date(2030, 1, 4), 14, 0)
    copy = redact_project(plan, "public")
    # From a's late finish (Jan 24) to b's late start (Jan 27) are 3 of b's days: a lag of 3 (b's
    # calendar) keeps a's 14 d. Counting the 4 days to b's early start left a 13 d, a day less than it has.
    assert _bridge(copy, "a", "b").lag == 3
    assert _read(copy, "a")[:3] == _read(plan, "a")[:3]
    assert _read(copy, "b") == _read(plan, "b")
    assert copy.tasks["b"].constraint == ConstraintType.SNET  # the lag alone would start it Jan 7
    # Finishing a day late (Fri 4) moves b no later than Jan 8 in the copy; in the plan w then runs
    # Mon 7 - Tue 8 and b starts Jan 9. Across the weekend no link says so, and the owner is told.
    assert _read(copy, "a")[3] == 1
    assert floats_not_kept(copy, schedule(plan).tasks) == ["a"]
    assert floats_notice(plan, copy).endswith("Task a (in the copy total 14 d, free 1 d; "
                                              "in this plan total 14 d, free 0 d)")


@pytest.mark.parametrize(("calendar", "shown_late"), [(EVERY_DAY, date(2030, 1, 5)), (WEEK, date(2030, 1, 7))])
def test_a_milestone_at_the_end_of_a_day_stays_there(calendar, shown_late):
    # w (withheld, 4 d) works Tue 1 - Fri 4 and m follows it: m is at the end of Friday, shown Jan 4.
    # Nothing kept drives m in the copy, so it is held on its day; a start-no-earlier-than on Jan 5
    # (the day after, where the plan's point lies) showed it on Jan 5, or Monday Jan 7 on a 5-day week,
    # where a hidden must-start-on also took its float.
    plan = _plan([("w", 4, None, RESTRICTED), ("m", 0, None), ("e", 30, None)], [("w", "m")], default=calendar)
    assert schedule(plan).tasks["m"].shown_start == date(2030, 1, 4)
    copy = redact_project(plan, "public")
    before, after = schedule(plan).tasks["m"], schedule(copy).tasks["m"]
    assert (after.shown_start, after.early_at_day_end) == (date(2030, 1, 4), True) != (shown_late, False)
    assert (after.early_start, after.total_float) == (before.early_start, before.total_float) == (date(2030, 1, 5), 26)
    m = copy.tasks["m"]
    assert (m.manual, m.manual_start, m.manual_start_at_day_end) == (True, date(2030, 1, 4), True)


@pytest.mark.parametrize("calendar", [EVERY_DAY, WEEK])
def test_a_milestone_at_the_start_of_a_day_stays_there(calendar):
    # a (2 d) Tue 1 - Wed 2 -> h (withheld, 2 d) Thu 3 - Fri 4; m starts with h (SS): the start of Jan 3.
    # The bridge a -> m (lag 0 from a's finish) would put m at the end of Jan 2, shown a day early.
    plan = _plan([("a", 2, None), ("h", 2, None, RESTRICTED), ("m", 0, None), ("e", 30, None)],
                 [("a", "h"), ("h", "m", LinkType.SS)], default=calendar)
    copy = redact_project(plan, "public")
    before, after = schedule(plan).tasks["m"], schedule(copy).tasks["m"]
    assert (after.shown_start, after.early_at_day_end) == (before.shown_start, False) == (date(2030, 1, 3), False)
    assert after.total_float == before.total_float == 28
    assert (copy.tasks["m"].constraint, copy.tasks["m"].constraint_date) == (ConstraintType.SNET, date(2030, 1, 3))


def test_a_phase_left_empty_on_a_week_calendar_keeps_its_span():
    # p (week) holds only withheld w (every day, 5 d) Jan 1-5: as a task of its own it spans Jan 1-5 still,
    # which no count of its working days reaches (Saturday 5 is not one): it runs 5 calendar days.
    plan = _plan([("p", 0, WEEK), ("w", 5, EVERY_DAY, RESTRICTED), ("e", 30, EVERY_DAY)], [])
    plan.tasks["w"].parent_id = "p"
    copy = redact_project(plan, "public")
    assert _read(copy, "p")[:2] == (date(2030, 1, 1), date(2030, 1, 6))
    assert (copy.tasks["p"].duration, copy.tasks["p"].elapsed) == (5, True)

"""A partner copy keeps the full plan's floats: withheld work behind a task holds its float in the copy too.

Plans start 2030-01-01 on the Continuous calendar; finishes below are exclusive (the day after the
last day of work), floats in days, all computed by hand in the comments.
"""

from datetime import date

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Classification, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.copy_finish import finish_notice
from ilrs_planner.sharing.held_floats import floats_not_kept, floats_notice
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.store import open_project, save_project

RESTRICTED = Classification.RESTRICTED


def _plan(tasks, links):
    plan = Project(name="Floats", start=date(2030, 1, 1))
    for tid, days, *cls in tasks:
        plan.add_task(Task(key=tid.upper(), name=f"Task {tid}", duration=days, id=tid,
                           classification=cls[0] if cls else Classification.PUBLIC))
    for pred, succ in links:
        plan.add_link(Link(pred, succ, LinkType.FS, 0, id=f"l-{pred}-{succ}"))
    return plan


def _floats(plan, tid):
    dates = schedule(plan).tasks[tid]
    return dates.early_start, dates.early_finish, dates.total_float, dates.free_float


def test_a_withheld_reserve_keeps_its_predecessors_float():
    # a [Jan 1, Jan 11) -> w (180 d, withheld) [Jan 11, Jul 10) -> b [Jul 10, Jul 15); a -> c [Jan 11, Jan 31).
    # a drives b through w: no float. c ends Jan 31, the plan Jul 15: 165 d total and free.
    # Without w, a's late finish would be c's late start (Jun 25): 165 d of float that are w's.
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("b", 5), ("c", 20)], [("a", "w"), ("w", "b"), ("a", "c")])
    copy = redact_project(plan, "public")
    assert set(copy.tasks) == {"a", "b", "c"}
    assert _floats(copy, "a") == (date(2030, 1, 1), date(2030, 1, 11), 0, 0)
    assert _floats(copy, "b") == (date(2030, 7, 10), date(2030, 7, 15), 0, 0)
    assert _floats(copy, "c") == (date(2030, 1, 11), date(2030, 1, 31), 165, 165)
    assert [_floats(plan, t) for t in "abc"] == [_floats(copy, t) for t in "abc"]
    # The bridge's lag is the 180 days a's finish and b's start show, less a's float (none): b needs no pin.
    [bridge] = [k for k in copy.links.values() if (k.pred_id, k.succ_id) == ("a", "b")]
    assert (bridge.type, bridge.lag) == (LinkType.FS, 180)
    assert copy.tasks["b"].constraint == ConstraintType.ASAP
    assert floats_notice(plan, copy) == ""


def test_withheld_work_reaching_no_kept_task_holds_the_late_finish():
    # a [Jan 1, Jan 11) -> w (180 d, withheld) [Jan 11, Jul 10), nothing after; b (200 d) ends the plan Jul 20.
    # w has 10 d of float, so a has 10 d total, 0 d free (w follows at once).
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("b", 200)], [("a", "w")])
    copy = redact_project(plan, "public")
    a = copy.tasks["a"]
    assert (a.constraint, a.constraint_date) == (ConstraintType.FNLT, date(2030, 1, 21))  # its late finish
    assert _floats(copy, "a")[:3] == (date(2030, 1, 1), date(2030, 1, 11), 10)
    # No link can say that w follows at once: slipping a by its free float in the copy moves only w,
    # within w's float. The owner is told before sending.
    assert _floats(copy, "a")[3] == 10 and _floats(plan, "a")[3] == 0
    assert floats_not_kept(copy, schedule(plan).tasks) == ["a"]
    assert floats_notice(plan, copy) == ("Floats differ in the copy for 1 task with withheld work after them: "
                                         "Task a (in the copy total 10 d, free 10 d; "
                                         "in this plan total 10 d, free 0 d)")


def test_the_notice_writes_an_elapsed_tasks_floats_as_the_task_table_does():
    # As above with a elapsed: on the Continuous calendar its 10 elapsed days are Jan 1-10 as well, so
    # the floats are the same days, in the task's own unit as its Total float cell writes it ('10 ed').
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("b", 200)], [("a", "w")])
    plan.tasks["a"].elapsed = True
    copy = redact_project(plan, "public")
    assert floats_notice(plan, copy) == ("Floats differ in the copy for 1 task with withheld work after them: "
                                         "Task a (in the copy total 10 ed, free 10 ed; "
                                         "in this plan total 10 ed, free 0 ed)")


def test_a_task_with_a_constraint_of_its_own_is_held_by_a_deadline():
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("b", 200)], [("a", "w")])
    plan.tasks["a"].constraint, plan.tasks["a"].constraint_date = ConstraintType.SNET, date(2030, 1, 1)
    copy = redact_project(plan, "public")
    a = copy.tasks["a"]
    assert (a.constraint, a.deadline) == (ConstraintType.SNET, date(2030, 1, 20))  # the last day it may work
    assert _floats(copy, "a")[2] == 10


def test_withheld_work_with_float_of_its_own_keeps_the_total_float():
    # a [Jan 1, Jan 11) -> w (20 d, withheld) [Jan 11, Jan 31) -> b; x (60 d) [Jan 1, Mar 2) -> b [Mar 2, Mar 7).
    # w may slip 30 d (to Mar 2), so a has 30 d total float; w follows it at once: 0 d free.
    plan = _plan([("a", 10), ("w", 20, RESTRICTED), ("x", 60), ("b", 5)], [("a", "w"), ("w", "b"), ("x", "b")])
    copy = redact_project(plan, "public")
    [bridge] = [k for k in copy.links.values() if (k.pred_id, k.succ_id) == ("a", "b")]
    assert bridge.lag == 20  # the 50 d between a's finish and b's start, less the 30 d a may slip
    assert _floats(copy, "a") == (date(2030, 1, 1), date(2030, 1, 11), 30, 30)
    assert [_floats(plan, t) for t in "bx"] == [_floats(copy, t) for t in "bx"]
    assert floats_not_kept(copy, schedule(plan).tasks) == ["a"]


@pytest.fixture(scope="module")
def roadmap():
    return build_reference_project()


@pytest.mark.parametrize("level", [Classification.PUBLIC, Classification.PARTNERS])
def test_the_roadmap_copy_keeps_every_kept_tasks_dates_and_floats(roadmap, level):
    before = schedule(roadmap).tasks
    copy = redact_project(roadmap, level)
    after = schedule(copy).tasks
    summaries = copy.summary_ids()
    differ = set(floats_not_kept(copy, before))
    for tid in copy.tasks:
        if tid in summaries:
            continue  # a summary spans and floats what it still contains (documented)
        was, now = before[tid], after[tid]
        key = copy.tasks[tid].key
        assert (now.early_start, now.early_finish) == (was.early_start, was.early_finish), key
        assert tid in differ or (now.total_float, now.free_float) == (was.total_float, was.free_float), key
    for tid in differ:  # only a free float that no link can carry reads otherwise, and only ever more
        assert after[tid].total_float == before[tid].total_float
        assert after[tid].free_float > before[tid].free_float
    lanyue = next(t for t in copy.tasks.values() if t.key == "lanyue").id
    landing = next(t for t in copy.tasks.values() if t.key == "crewed-landing").id
    assert (after[lanyue].total_float, after[lanyue].free_float) == (before[lanyue].total_float, 0)
    assert after[landing].total_float == before[landing].total_float


@pytest.mark.parametrize("level", [Classification.PUBLIC, Classification.PARTNERS])
def test_the_roadmap_copys_milestone_trend_reads_as_the_plans(roadmap, level):
    # The crewed landing read '2037 -> 2030, net -2,195 d' in the copy, '2036 -> 2030, -6 y' in the plan:
    # pinned on its day, it no longer stood at the end of the day its predecessor ends.
    from ilrs_planner.engine.mta import milestone_trend

    def read(plan):
        trend = milestone_trend(plan, schedule(plan))
        return {line.key: (line.total_slip_text, [line.point_text(n) for n in range(len(line.points))],
                           [(m.as_of, m.was, m.now, m.text) for m in line.moves()]) for line in trend.lines}

    full, copy = read(roadmap), read(redact_project(roadmap, level))
    assert copy == full
    assert copy["crewed-landing"][0] == "-6 y"


def test_the_floats_notice_schedules_the_copy_once_and_the_plan_not_again(monkeypatch):
    # A 100,000-task plan takes seconds a schedule: the notice reuses the plan's schedule redact made.
    import ilrs_planner.sharing.held_floats as held_floats

    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("b", 200)], [("a", "w")])
    dates = schedule(plan).tasks
    copy = redact_project(plan, "public", dates=dates)
    scheduled: list[str] = []
    monkeypatch.setattr(held_floats, "schedule", lambda project: scheduled.append(project.name) or schedule(project))
    assert floats_notice(plan, copy, target=dates).startswith("Floats differ in the copy for 1 task")
    assert scheduled == [copy.name]


def test_withheld_work_ending_the_plan_gives_the_copy_a_must_finish_by_and_keeps_the_floats():
    # a [Jan 1, Jan 11) -> w (180 d, withheld) [Jan 11, Jul 10) ends the plan; c [Jan 1, Jan 21) has 170 d to it.
    # The copy ends with c; c's late finish in the plan is Jul 10 (exclusive), the latest of a kept task,
    # so the copy must finish by Jul 9: c reads its 170 d, total and free, as in the plan. a, which w
    # holds on its finish, is held there by a finish-no-later-than its late finish (Jan 11).
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("c", 20)], [("a", "w")])
    copy = redact_project(plan, "public")
    assert copy.must_finish_by == date(2030, 7, 9)
    assert _floats(copy, "c") == _floats(plan, "c") == (date(2030, 1, 1), date(2030, 1, 21), 170, 170)
    assert _floats(copy, "a") == _floats(plan, "a") == (date(2030, 1, 1), date(2030, 1, 11), 0, 0)
    assert (copy.tasks["a"].constraint, copy.tasks["a"].constraint_date) == (ConstraintType.FNLT, date(2030, 1, 11))
    assert floats_notice(plan, copy) == ""
    assert finish_notice(plan, copy) == ("Withheld work ends this plan after the copy's last task, so the copy must "
                                         "finish by 2030-07-09, the latest late finish of its tasks in this plan: "
                                         "its floats run to that day as this plan's do")


def test_a_copy_whose_must_finish_by_is_taken_away_names_the_floats_it_shortens():
    # The copy above without its Must finish by (its partner cleared it, say) ends with c: c reads no float.
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("c", 20)], [("a", "w")])
    copy = redact_project(plan, "public")
    copy.must_finish_by = None
    assert _floats(copy, "c") == (date(2030, 1, 1), date(2030, 1, 21), 0, 0)
    assert floats_notice(plan, copy) == ("Withheld work ends this plan after the copy's last task, so 1 task reads "
                                         "less total float in the copy: Task c (in the copy total 0 d, free 0 d; "
                                         "in this plan total 170 d, free 170 d)")


def test_a_plans_own_must_finish_by_goes_with_the_copy():
    # The same plan must finish by the end of Sep 30: c's late finish is Oct 1 (exclusive), 253 d after
    # Jan 21; a's float runs to it through w too: Oct 1 - Jul 10 = 83 d, all of it w's to give.
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("c", 20)], [("a", "w")])
    plan.must_finish_by = date(2030, 9, 30)
    copy = redact_project(plan, "public")
    assert copy.must_finish_by == date(2030, 9, 30)
    assert _floats(plan, "c")[2:] == _floats(copy, "c")[2:] == (253, 253)
    assert _floats(plan, "a")[2:] == (83, 0) and _floats(copy, "a")[2] == 83
    assert finish_notice(plan, copy) == ""  # the plan's own date: nothing new to tell the owner


def test_nothing_withheld_after_the_last_kept_task_gives_the_copy_no_must_finish_by():
    # a -> w (withheld, 5 d) -> b (5 d): b ends the plan, so the copy counts back from its own finish.
    plan = _plan([("a", 10), ("w", 5, RESTRICTED), ("b", 5)], [("a", "w"), ("w", "b")])
    copy = redact_project(plan, "public")
    assert copy.must_finish_by is None and finish_notice(plan, copy) == ""


def test_the_copy_is_scheduled_once_for_the_pins_and_the_bounds_alike(monkeypatch):
    # The pins settle at once (nothing moves: 1 schedule); the bounds read that same schedule, find a
    # loose, bound it and check again (1 more). Scheduling the copy afresh for the bounds gives the same copy.
    import ilrs_planner.sharing.bridges as bridges
    import ilrs_planner.sharing.held_floats as held_floats

    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("b", 200)], [("a", "w")])
    dates = schedule(plan).tasks
    scheduled: list[str] = []
    for module in (bridges, held_floats):
        monkeypatch.setattr(module, "schedule", lambda project: scheduled.append(project.name) or schedule(project))
    copy = redact_project(plan, "public", dates=dates)
    assert scheduled == [copy.name, copy.name]
    real_pins = bridges.pin_drifted
    monkeypatch.setattr("ilrs_planner.sharing.redact.pin_drifted", lambda *a: (real_pins(*a)[0], None))
    afresh = redact_project(plan, "public", dates=dates)
    assert afresh.tasks == copy.tasks and afresh.must_finish_by == copy.must_finish_by
    assert sorted((k.pred_id, k.succ_id, k.type, k.lag) for k in afresh.links.values()) == \
        sorted((k.pred_id, k.succ_id, k.type, k.lag) for k in copy.links.values())


def test_a_copy_whose_floats_run_past_what_a_file_holds_gets_no_must_finish_by_and_the_owner_is_told():
    # As above from 2200-06-01: a ends on June 11 (exclusive), w 180 days later on Dec 8, so c's float
    # runs to the end of Dec 7, a date a file holds. From 2200-07-01, w ends on 2201-01-07: past the
    # last year a file holds, the copy has no Must finish by, and c reads less float, which is said.
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("c", 20)], [("a", "w")])
    plan.start = date(2200, 6, 1)
    assert redact_project(plan, "public").must_finish_by == date(2200, 12, 7)
    plan.start = date(2200, 7, 1)
    copy = redact_project(plan, "public")
    assert copy.must_finish_by is None and finish_notice(plan, copy) == ""
    assert floats_notice(plan, copy).startswith("Withheld work ends this plan after the copy's last task, so 1 task "
                                                "reads less total float in the copy: Task c")


def test_a_milestone_at_the_start_of_its_day_held_by_a_deadline_keeps_its_float():
    # m (milestone, start no earlier than Jan 1: at the start of Jan 1) -> w (withheld milestone, FS + 1 d)
    # at Jan 2; c (2 d) [Jan 1, Jan 3) ends the plan. w may wait until Jan 3, so m until Jan 2's start,
    # the end of Jan 1: 1 d of float. Its own constraint taken, the copy holds it by a deadline, which
    # must be Jan 2 (its start is that moment): a deadline on Jan 1 would hold it at Jan 1's start, no float.
    plan = _plan([("m", 0), ("w", 0, RESTRICTED), ("c", 2)], [])
    plan.tasks["m"].constraint, plan.tasks["m"].constraint_date = ConstraintType.SNET, date(2030, 1, 1)
    plan.add_link(Link("m", "w", LinkType.FS, 1, id="l-m-w"))
    copy = redact_project(plan, "public")
    assert copy.tasks["m"].deadline == date(2030, 1, 2)
    assert _floats(copy, "m")[2] == _floats(plan, "m")[2] == 1
    late = [schedule(p).tasks["m"].shown_late_finish for p in (copy, plan)]
    assert late == [date(2030, 1, 1)] * 2


def test_a_late_finish_no_plan_file_holds_is_not_held_and_the_owner_is_told(tmp_path):
    # a [Jan 1, Jan 11) -> w (180 d, withheld, deadline 1900-01-01): w must finish by the end of
    # 1900-01-01, so a by w's late start, 180 days earlier: 1899-07-05 (its late finish, exclusive
    # 1899-07-06), before the first year a plan file holds. The copy holds no bound there (the copy
    # could not be saved, and no other date tells a's float): a reads c's 190 d (200 - 10), and the
    # owner is told of the float the plan has (1899-07-06 to 2030-01-11: 47,671 days).
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("c", 200)], [("a", "w")])
    plan.tasks["w"].deadline = date(1900, 1, 1)
    copy = redact_project(plan, "public")
    a = copy.tasks["a"]
    assert (a.constraint, a.constraint_date, a.deadline) == (ConstraintType.ASAP, None, None)
    assert _floats(copy, "a")[2] == 190 and _floats(plan, "a")[2] == -47_671
    assert floats_notice(plan, copy) == ("Floats differ in the copy for 1 task with withheld work after them: "
                                         "Task a (in the copy total 190 d, free 190 d; "
                                         "in this plan total -47,671 d, free -47,671 d)")
    save_project(copy, tmp_path / "partner.db")  # a copy is written, naming no date of 1899
    assert open_project(tmp_path / "partner.db").tasks["a"].constraint_date is None


def test_a_late_finish_before_the_plans_start_that_a_file_holds_is_held_so_the_copy_shows_the_negative_float():
    # As above with w's deadline on 2030-03-01: a's late finish is 180 days before, 2029-09-03
    # (exclusive), before the plan's start; a's float is -130 d (Sep 3 to Jan 11), which the copy shows.
    plan = _plan([("a", 10), ("w", 180, RESTRICTED), ("c", 200)], [("a", "w")])
    plan.tasks["w"].deadline = date(2030, 3, 1)
    copy = redact_project(plan, "public")
    assert (copy.tasks["a"].constraint, copy.tasks["a"].constraint_date) == (ConstraintType.FNLT, date(2029, 9, 3))
    assert _floats(copy, "a")[2] == _floats(plan, "a")[2] == -130

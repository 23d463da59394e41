"""The schedule check (DCMA 14-point) on small plans whose every count is worked out by hand."""

from __future__ import annotations

import copy
from dataclasses import asdict as vars_of
from datetime import date

import pytest

from ilrs_planner.domain import Baseline, ConstraintType, Link, LinkType, PlannerError, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.schedule_check import check_schedule
from ilrs_planner.engine.schedule_check_thresholds import Thresholds

D = date


def _add(project: Project, key: str, duration: int, parent: str | None = "ph", **fields) -> Task:
    kind = TaskKind.MILESTONE if duration == 0 else TaskKind.TASK
    return project.add_task(Task(key, key.title(), duration, kind, id=key, parent_id=parent,
                                 position=len(project.tasks), **fields))


def _network() -> Project:
    """On the 7-day calendar, from 2030-01-01, all under the phase `ph`:
    a 10 d (the plan's start)  -> b 100 d FS -> e (the finishing milestone) FS
    a -> c 20 d SS+5 -> d 5 d FS-3 -> e FS;  a -> h 5 d FS -> e SS (h's finish ties nothing)
    f 10 d must start on 2030-02-01, no links; g finished in 2029, no links.
    Dates: a 01-01..01-10, b 01-11..04-20, e at the end of 04-20 (its point 04-21); c 01-06..01-25,
    d 01-23..01-27, h 01-11..01-15.
    Floats: c and d 83 d (d must finish by e's 04-21, c by d's late start + 3), h 95 d; the rest 0."""
    project = Project("Check", D(2030, 1, 1))
    project.add_task(Task("ph", "Phase", 0, TaskKind.PHASE, id="ph"))
    for key, duration in (("a", 10), ("b", 100), ("c", 20), ("d", 5), ("h", 5), ("e", 0)):
        _add(project, key, duration)
    _add(project, "f", 10, constraint=ConstraintType.MSO, constraint_date=D(2030, 2, 1))
    _add(project, "g", 10, actual_start=D(2029, 1, 1), actual_finish=D(2029, 1, 11), percent_complete=100)
    for pred, succ, kind, lag in (("a", "b", LinkType.FS, 0), ("a", "c", LinkType.SS, 5), ("c", "d", LinkType.FS, -3),
                                  ("b", "e", LinkType.FS, 0), ("d", "e", LinkType.FS, 0), ("a", "h", LinkType.FS, 0),
                                  ("h", "e", LinkType.SS, 0)):
        project.add_link(Link(pred, succ, kind, lag, id=f"{pred}-{succ}"))
    return project


def _check(project: Project, **limits):
    return check_schedule(project, schedule(project), thresholds=Thresholds(**limits))


def _keys(result) -> list[str]:
    return [f.key for f in result.tasks]


def test_the_schedule_is_the_one_the_counts_were_worked_out_on():
    dates = schedule(_network()).tasks
    assert (dates["e"].early_start, dates["c"].total_float, dates["d"].total_float, dates["h"].total_float) == \
        (D(2030, 4, 21), 83, 83, 95)
    assert dates["f"].total_float == 0  # a must-start-on date holds its late start too


def test_logic_counts_the_incomplete_tasks_missing_a_link_but_the_plans_first_and_last():
    logic = _check(_network()).result("logic")
    # Seven incomplete leaf tasks (g is finished, ph a summary). a has no predecessor but starts the
    # plan; e has no successor but finishes it; f has neither.
    assert (logic.failing, logic.eligible, logic.status) == (1, 7, "fail")
    assert [(f.key, f.value) for f in logic.tasks] == [("f", "no predecessor or successor")]
    assert _check(_network(), logic=14).result("logic").status == "fail"  # 1 of 7 is 14.3 %
    assert _check(_network(), logic=15).result("logic").status == "pass"


def test_leads_lags_and_relationship_types_count_links_with_the_successor_named():
    result = _check(_network())
    leads, lags, types = result.result("leads"), result.result("lags"), result.result("relationship_types")
    assert (leads.failing, leads.eligible, leads.status) == (1, 7, "fail")
    assert [(f.key, f.value) for f in leads.tasks] == [("d", "FS-3 d from c")]
    assert (lags.failing, lags.status) == (1, "fail") and [(f.key, f.value) for f in lags.tasks] == \
        [("c", "SS+5 d from a")]
    assert (types.failing, types.eligible, types.status) == (2, 7, "fail")  # 5 of 7 FS: 71 %, under 90 %
    assert sorted(_keys(types)) == ["c", "e"]
    assert _check(_network(), relationship_types=70).result("relationship_types").status == "pass"


def test_links_into_finished_work_are_not_counted():
    project = _network()
    project.add_link(Link("g", "f", LinkType.SS, -4, id="g-f"))  # a lead from finished work into f: counted
    project.add_link(Link("a", "g", LinkType.FS, 2, id="a-g"))  # a lag into finished g: history, not counted
    result = _check(project)
    assert (result.result("leads").failing, result.result("leads").eligible) == (2, 8)
    assert result.result("lags").failing == 1


def test_hard_constraints_float_and_duration_count_incomplete_tasks():
    result = _check(_network())
    hard, high, negative, long = (result.result(k) for k in ("hard_constraints", "high_float", "negative_float",
                                                            "high_duration"))
    assert (hard.failing, hard.eligible, [(f.key, f.value) for f in hard.tasks]) == (1, 7, [("f", "MSO 2030-02-01")])
    assert (high.failing, sorted((f.key, f.value) for f in high.tasks)) == \
        (3, [("c", "83 d"), ("d", "83 d"), ("h", "95 d")])
    assert (negative.failing, negative.status) == (0, "pass")
    # e is a milestone: six tasks have a duration; only b's 100 d is over 44.
    assert (long.failing, long.eligible, [(f.key, f.value) for f in long.tasks]) == (1, 6, [("b", "100 d")])
    assert _check(_network(), high_duration_days=100).result("high_duration").failing == 0
    assert _check(_network(), high_float_days=90).result("high_float").failing == 1  # h alone


def test_a_missed_deadline_is_negative_float_on_the_tasks_driving_it():
    project = _network()
    project.tasks["b"].deadline = D(2030, 4, 10)  # b's last day is 04-20: ten days late
    negative = _check(project).result("negative_float")
    assert (negative.failing, negative.status) == (2, "fail")
    assert {(f.key, f.value) for f in negative.tasks} == {("a", "-10 d"), ("b", "-10 d")}


def test_open_ends_and_summary_links_are_listed_but_not_scored():
    project = _network()
    project.add_task(Task("s", "Support", 0, TaskKind.PHASE, id="s", position=20))
    _add(project, "k", 5, parent="s")
    project.add_link(Link("s", "e", id="s-e"))
    result = _check(project)
    ends, summary = result.result("open_ends"), result.result("summary_links")
    assert ends.status == summary.status == "info"
    assert {(f.key, f.value) for f in ends.tasks} == {
        ("f", "start open: no predecessor; finish open: no successor"), ("h", "finish open: only SS/SF successors"),
        ("k", "start open: no predecessor; finish open: no successor")}
    assert [(f.key, f.value) for f in summary.tasks] == [("s", "FS to e")]


def test_the_critical_path_test_delays_the_first_task_on_the_finishing_path():
    path = _check(_network()).result("critical_path_test")
    assert (path.status, [(f.key, f.value) for f in path.tasks]) == (
        "pass", [("a", "delayed +600 d: the plan's finish moved +600 d (2030-04-20 to 2031-12-11)")])


def test_the_critical_path_test_follows_the_last_in_the_plan_of_tasks_finishing_together():
    # p1 (10 d) -> q1 (5 d) and p2 (5 d) -> q2 (10 d) from 2030-01-01 on the 7-day calendar: q1 and q2
    # both finish 2030-01-15. As CPLI and the open ends, the test takes the last in the plan, q2, and
    # delays the first task on its chain, p2 (it took q1's p1); 600 days on: 2031-09-07.
    project = Project("Ties", D(2030, 1, 1))
    for key, duration in (("p1", 10), ("q1", 5), ("p2", 5), ("q2", 10)):
        _add(project, key, duration, parent=None)
    for pred, succ in (("p1", "q1"), ("p2", "q2")):
        project.add_link(Link(pred, succ, LinkType.FS, id=pred + succ))
    path = _check(project).result("critical_path_test")
    assert (path.status, [(f.key, f.value) for f in path.tasks]) == (
        "pass", [("p2", "delayed +600 d: the plan's finish moved +600 d (2030-01-15 to 2031-09-07)")])


def test_the_critical_path_test_fails_where_a_constraint_breaks_the_path():
    project = _network()
    project.tasks["b"].constraint, project.tasks["b"].constraint_date = ConstraintType.MSO, D(2030, 1, 11)
    path = _check(project, critical_path_delay=30).result("critical_path_test")
    assert path.status == "fail"  # a slips 30 days, b stays put on its date, and so does the finish
    assert path.tasks[0].value == "delayed +30 d: the plan's finish moved 0 d (2030-04-20 to 2030-04-20)"


def test_the_critical_path_test_counts_working_days_on_a_working_calendar():
    from ilrs_planner.domain import Calendar

    project = _network()
    standard = project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="std"))
    project.default_calendar_id = standard.id
    path = _check(project, critical_path_delay=10).result("critical_path_test")
    assert path.status == "pass"  # ten working days: two weeks later on the calendar
    assert "moved +10 d" in path.tasks[0].value


def _progress_plan() -> Project:
    """x 10 d -> y 10 d -> z 10 d -> m, from 2030-01-01, status date 2030-01-25, and a baseline of
    that plan: x 01-01..01-10, y 01-11..01-20, z 01-21..01-30, m 01-31. x finished on 01-12, two days
    late; y started 01-13 and is half done, so its 5 days left run from the status date: y ends
    01-29, z 01-30..02-08, m 02-09."""
    project = Project("Progress", D(2030, 1, 1), status_date=D(2030, 1, 25))
    _add(project, "x", 10, None, actual_start=D(2030, 1, 1), actual_finish=D(2030, 1, 13), percent_complete=100)
    _add(project, "y", 10, None, actual_start=D(2030, 1, 13), percent_complete=50)
    _add(project, "z", 10, None)
    _add(project, "m", 0, None)
    for pred, succ in (("x", "y"), ("y", "z"), ("z", "m")):
        project.add_link(Link(pred, succ, id=f"{pred}-{succ}"))
    entries = {"x": (D(2030, 1, 1), D(2030, 1, 11)), "y": (D(2030, 1, 11), D(2030, 1, 21)),
               "z": (D(2030, 1, 21), D(2030, 1, 31)), "m": (D(2030, 1, 31), D(2030, 1, 31))}
    project.baselines.append(Baseline("Plan", D(2029, 12, 1), entries))
    return project


def test_missed_tasks_are_those_due_by_the_baseline_that_finished_late_or_not_at_all():
    missed = _check(_progress_plan()).result("missed_tasks")
    assert (missed.failing, missed.eligible, missed.status) == (2, 2, "fail")  # z and m are not due yet
    assert [(f.key, f.value) for f in missed.tasks] == [
        ("x", "baseline finish 2030-01-10; finished 2030-01-12"), ("y", "baseline finish 2030-01-20; not finished")]


def test_cpli_and_bei_measure_the_plan_against_its_baseline_at_the_status_date():
    result = _check(_progress_plan())
    cpli, bei = result.result("cpli"), result.result("bei")
    # The baseline finishes 6 days after the status date (01-31), the forecast 15 days after (02-09).
    assert cpli.value == pytest.approx(6 / 15) and cpli.status == "fail"
    assert [f.key for f in cpli.tasks] == ["m"]
    # m follows z: its point is the end of z's last day, 02-08; the baseline's point 01-31, which an
    # older file keeps without its moment, reads as m's is now (the slip report's 01-30): z's last day.
    assert cpli.note == "baseline finish 2030-01-30, forecast finish 2030-02-08, status date 2030-01-25"
    assert (bei.value, bei.eligible, bei.status) == (0.5, 2, "fail")  # x finished of x and y due
    assert [(f.key, f.value) for f in bei.tasks] == [("y", "baseline finish 2030-01-20; not finished")]
    assert _check(_progress_plan(), cpli=0.4, bei=0.5).passed is False  # missed tasks still fail
    assert _check(_progress_plan(), cpli=0.4).result("cpli").status == "pass"


def test_the_cpli_note_gives_a_milestone_s_own_day():
    project = _progress_plan()  # m held to start no earlier than 02-12: it falls on that day
    project.tasks["m"].constraint, project.tasks["m"].constraint_date = ConstraintType.SNET, D(2030, 2, 12)
    cpli = _check(project).result("cpli")
    assert cpli.note == "baseline finish 2030-01-31, forecast finish 2030-02-12, status date 2030-01-25"
    assert cpli.tasks[0].value == "forecast finish 2030-02-12, baseline finish 2030-01-31"


def test_the_baseline_checks_do_not_apply_without_a_baseline_or_a_status_date():
    project = _progress_plan()
    project.baselines.clear()
    result = _check(project)
    for key in ("missed_tasks", "cpli", "bei"):
        assert (result.result(key).status, result.result(key).note) == ("n/a", "the plan has no baseline")
    assert result.result("resources").status == "n/a"
    network = _check(_network())
    assert network.result("invalid_dates").note == "the plan has no status date"
    assert network.result("cpli").note == "the plan has no baseline"


def test_invalid_dates_name_actuals_recorded_after_the_status_date():
    project = _progress_plan()
    project.tasks["z"].actual_start = D(2030, 2, 3)  # recorded as started after the status date
    invalid = _check(project).result("invalid_dates")
    assert (invalid.failing, invalid.eligible, invalid.status) == (1, 4, "fail")
    assert [(f.key, f.value) for f in invalid.tasks] == [("z", "actual start 2030-02-03 after the status date")]
    assert _check(_progress_plan()).result("invalid_dates").status == "pass"


def test_an_unknown_threshold_or_a_value_not_a_number_is_refused_by_name():
    with pytest.raises(PlannerError) as unknown:
        Thresholds().with_values(["logik=5"])
    assert unknown.value.code == "check.bad_threshold" and "logik" in unknown.value.message
    with pytest.raises(PlannerError) as bad:
        Thresholds().with_values(["high_float_days=lots"])
    assert bad.value.code == "check.bad_threshold" and "whole number" in bad.value.message
    assert Thresholds().with_values(["logic=10%", "cpli=0.9"]) == Thresholds(logic=10, cpli=0.9)


def test_the_check_only_reads_the_plan():
    project = _network()
    entries = {k: (D(2030, 1, 1), D(2030, 1, 2)) for k in project.tasks}
    project.baselines.append(Baseline("Plan", D(2029, 12, 1), entries))
    project.status_date = D(2030, 2, 1)
    before = copy.deepcopy(project)
    _check(project)
    assert ({k: vars_of(t) for k, t in project.tasks.items()}, [vars_of(ln) for ln in project.links.values()],
            project.baselines) == ({k: vars_of(t) for k, t in before.tasks.items()},
                                   [vars_of(ln) for ln in before.links.values()], before.baselines)


def test_the_critical_path_test_leaves_the_passes_kept_for_the_next_edit():
    # The dock checks the plan after every edit: its scheduled copy must not push out the passes
    # the window's next edit starts from (or that edit would run the whole passes again).
    from ilrs_planner.engine import _passes

    project = _network()
    result = schedule(project)
    kept = _passes._KEPT.entries()
    check_schedule(project, result)
    assert [id(entry) for entry in _passes._KEPT.entries()] == [id(entry) for entry in kept]


def test_the_critical_path_test_passes_over_a_task_held_by_its_own_deadline():
    # x ties nothing, yet its deadline on its last day gives it 0 float: delaying it would not move
    # the finish. The task delayed is a, first on the chain that drives the finish.
    project = _network()
    _add(project, "x", 3, parent=None, deadline=D(2030, 1, 3))
    project.tasks["x"].position = -1
    project.tasks["a"].constraint, project.tasks["a"].constraint_date = ConstraintType.SNET, D(2030, 1, 5)
    path = _check(project).result("critical_path_test")
    assert (path.status, _keys(path)) == ("pass", ["a"])


def test_elapsed_durations_and_floats_are_counted_in_working_days_of_the_plan_s_calendar():
    # Monday to Friday from Monday 2030-01-07. short 50 ed runs to 02-25: 7 weeks and a Monday, 36
    # working days; long 63 ed to 03-10: 9 weeks, 45 (over 44). end's 100 d (20 weeks) finish on
    # 05-24: short's late start is 04-05, 88 days of float, 12 weeks and Monday to Thursday, 64 d;
    # long's is 03-23, 75 days, 10 weeks and 5 days, 55 d. The limits are working days, so counted
    # in them; listed in the task's own units, as the table and `schedule` show them: 88 ed and 75 ed.
    # With a limit of 60 working days only short's 64 d is over (its 88 ed and long's 75 ed both are).
    from ilrs_planner.domain import Calendar

    project = Project("Elapsed", D(2030, 1, 7))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="std")).id
    _add(project, "short", 50, None, elapsed=True)
    _add(project, "long", 63, None, elapsed=True)
    _add(project, "end", 100, None)
    result = _check(project)
    assert _keys(result.result("high_duration")) == ["long", "end"]
    assert [(f.key, f.value) for f in result.result("high_float").tasks][:2] == [("short", "88 ed"), ("long", "75 ed")]
    assert _keys(_check(project, high_float_days=60).result("high_float")) == ["short"]


def test_the_critical_path_test_passes_when_a_holiday_moves_the_finish_further_than_the_delay():
    # b works Monday to Friday from Friday 01-11: its 100 d end on Thursday 05-30, and it finishes the
    # plan. a slipped 7 days ends on 01-17, not 01-10: its finish moved Friday 01-11 and Monday to
    # Thursday 01-14..01-17 on b's calendar, 5 days. b moves a week, to Thursday 06-06, but Wednesday
    # 06-05 is a holiday: b ends Friday 06-07, 5 of its days (05-31, 06-03, 06-04, 06-06, 06-07)
    # later: as many as the delay reached it with, and the path holds. The finish milestone e, on b's
    # calendar, finishes with b: the last in the plan, it is the one counted on (its calendar is b's).
    from ilrs_planner.domain import Calendar
    from ilrs_planner.domain.calendar import CalendarException

    project = _network()
    holiday = CalendarException("Holiday", D(2030, 6, 5), D(2030, 6, 5))
    project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, [holiday], id="std"))
    project.tasks["b"].calendar_id = project.tasks["e"].calendar_id = "std"
    path = _check(project, critical_path_delay=7).result("critical_path_test")
    assert (path.status, path.tasks[0].value) == (
        "pass", "delayed +7 d (+5 d on the calendar of e, which finishes the plan): the plan's finish moved "
        "+5 d (2030-05-30 to 2030-06-07)")


def test_the_critical_path_test_counts_both_moves_on_the_finishing_tasks_calendar():
    # a works Monday to Friday, with a holiday on Wednesday 01-16; z works every day. a (3 d) works
    # Tuesday 01-01 to Thursday 01-03; z (8 d) follows, Friday 01-04 to Friday 01-11, and ends the
    # plan. a delayed 5 of its days ends Thursday 01-10 (01-04, 01-07..01-10): its finish moved 7 of
    # z's days. z runs 01-11..01-18: the finish moved 7 days too, and the path holds. Counted on a's
    # calendar, z's move (01-12..01-18) held 4 of a's days, the holiday and the weekend out: short of
    # the 5 of the delay.
    from ilrs_planner.domain import Calendar
    from ilrs_planner.domain.calendar import CalendarException

    project = Project("Two calendars", D(2030, 1, 1))
    holiday = CalendarException("Holiday", D(2030, 1, 16), D(2030, 1, 16))
    project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, [holiday], id="std"))
    _add(project, "a", 3, None, calendar_id="std")
    _add(project, "z", 8, None)
    project.add_link(Link("a", "z", id="az"))
    dates = schedule(project).tasks
    assert [(dates[t].early_start, dates[t].early_finish) for t in "az"] == [
        (D(2030, 1, 1), D(2030, 1, 4)), (D(2030, 1, 4), D(2030, 1, 12))]
    path = _check(project, critical_path_delay=5).result("critical_path_test")
    assert (path.status, path.tasks[0].value) == (
        "pass", "delayed +5 d (+7 d on the calendar of z, which finishes the plan): the plan's finish moved "
        "+7 d (2030-01-11 to 2030-01-18)")


def test_a_date_announced_to_a_year_or_month_is_due_by_the_end_of_that_period():
    """A baseline holds "2030" from 2030-01-01: at a status date of 2030-01-25 the milestone announced
    for 2030 is not yet missed (the year is not over), nor is a flight announced for 2030 that flew on
    01-20; one announced for December 2029 and not made is missed, and reads as announced."""
    from ilrs_planner.domain import Precision

    project = Project("Announced", D(2029, 6, 1), status_date=D(2030, 1, 25))
    _add(project, "y2030", 0, None, precision=Precision.YEAR, constraint=ConstraintType.SNET,
         constraint_date=D(2030, 1, 1))
    _add(project, "flown", 0, None, precision=Precision.DAY, actual_start=D(2030, 1, 20),
         actual_finish=D(2030, 1, 20))
    _add(project, "dec", 0, None, precision=Precision.MONTH, constraint=ConstraintType.SNET,
         constraint_date=D(2029, 12, 1))
    entries = {"y2030": (D(2030, 1, 1), D(2030, 1, 1)), "flown": (D(2030, 1, 1), D(2030, 1, 1)),
               "dec": (D(2029, 12, 1), D(2029, 12, 1))}
    project.baselines.append(Baseline("Announced", D(2029, 6, 1), entries))
    result = _check(project)
    missed, bei = result.result("missed_tasks"), result.result("bei")
    # Due: 'dec' (by 2029-12-31) only; 'flown' was announced for 2030, which its 01-20 is inside.
    assert (missed.failing, missed.eligible) == (1, 1)
    assert [(f.key, f.value) for f in missed.tasks] == [("dec", "baseline finish 2029-12; not finished")]
    assert (bei.eligible, [f.key for f in bei.tasks]) == (1, ["dec"])

"""A milestone's day as MS Project shows it: at the end of the day its predecessor finishes, or at
the start of its own day. Every expectation below is worked out by hand on the calendar."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.domain import Baseline, Calendar, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.engine.cpm import schedule_with
from ilrs_planner.engine.risk import run_risk
from ilrs_planner.engine.risk_shown import default_target
from ilrs_planner.engine.slippage import slip_report

D = date
MONDAY = D(2027, 1, 4)
PASSES = pytest.mark.parametrize("vectorised", [False, True], ids=["loops", "levels"])


class Plan:
    """A plan starting Monday 2027-01-04 on a Monday-Friday calendar (or the 7-day one)."""

    def __init__(self, weekdays: bool = True, start: date = MONDAY):
        self.project = Project("Milestones", start)
        if weekdays:
            self.project.default_calendar_id = self.project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id

    def task(self, key: str, days: int, **fields) -> Task:
        return self.project.add_task(Task(key, key, days, position=len(self.project.tasks), **fields))

    def link(self, a: Task, b: Task, kind: LinkType = LinkType.FS, lag: int = 0) -> None:
        self.project.add_link(Link(a.id, b.id, kind, lag))

    def shown(self, task: Task, vectorised: bool) -> tuple[date, date]:
        dates = schedule_with(self.project, vectorised).tasks[task.id]
        return dates.shown_start, dates.shown_finish


@PASSES
def test_a_milestone_after_a_task_ending_friday_is_shown_friday_and_what_follows_starts_monday(vectorised):
    plan = Plan()
    work = plan.task("work", 5)  # Monday 4 to Friday 8 January
    done = plan.task("done", 0)
    after = plan.task("after", 1)
    plan.link(work, done), plan.link(done, after)
    result = schedule_with(plan.project, vectorised)
    milestone = result.tasks[done.id]
    assert (milestone.shown_start, milestone.shown_finish) == (D(2027, 1, 8), D(2027, 1, 8))
    assert milestone.early_at_day_end and milestone.early_start == D(2027, 1, 9)  # the point: Friday's end
    assert (result.tasks[after.id].early_start, result.tasks[after.id].shown_finish) == (D(2027, 1, 11),
                                                                                           D(2027, 1, 11))


@PASSES
def test_a_milestone_after_a_task_ending_tuesday_is_shown_tuesday(vectorised):
    plan = Plan()
    work = plan.task("work", 2, constraint=ConstraintType.SNET, constraint_date=D(2027, 1, 11))  # Mon 11, Tue 12
    done = plan.task("done", 0)
    plan.link(work, done)
    assert plan.shown(done, vectorised) == (D(2027, 1, 12), D(2027, 1, 12))


@PASSES
def test_on_the_7_day_calendar_the_milestone_is_shown_on_its_predecessors_last_day(vectorised):
    plan = Plan(weekdays=False, start=D(2030, 1, 1))
    work = plan.task("work", 10)  # 1 to 10 January
    done = plan.task("done", 0)
    plan.link(work, done)
    assert plan.shown(done, vectorised) == (D(2030, 1, 10), D(2030, 1, 10))


@PASSES
def test_a_milestone_driven_by_a_start_is_shown_on_that_day(vectorised):
    plan = Plan()
    first = plan.task("first", 5)
    second = plan.task("second", 3)
    kickoff = plan.task("kickoff", 0)
    plan.link(first, second), plan.link(second, kickoff, LinkType.SS)  # second starts Monday 11
    assert plan.shown(kickoff, vectorised) == (D(2027, 1, 11), D(2027, 1, 11))
    assert not schedule_with(plan.project, vectorised).tasks[kickoff.id].early_at_day_end


@PASSES
def test_a_milestone_at_the_plan_start_and_one_on_its_own_date_start_their_day(vectorised):
    plan = Plan()
    opening = plan.task("opening", 0)
    review = plan.task("review", 0, constraint=ConstraintType.SNET, constraint_date=D(2027, 1, 6))
    assert plan.shown(opening, vectorised) == (D(2027, 1, 4), D(2027, 1, 4))
    assert plan.shown(review, vectorised) == (D(2027, 1, 6), D(2027, 1, 6))


@PASSES
def test_when_a_finish_and_a_start_tie_the_start_of_the_next_day_wins(vectorised):
    plan = Plan()
    friday = plan.task("friday", 5)  # ends Friday 8
    monday = plan.task("monday", 1, constraint=ConstraintType.SNET, constraint_date=D(2027, 1, 11))
    gate = plan.task("gate", 0)
    plan.link(friday, gate), plan.link(monday, gate, LinkType.SS)  # Friday 17:00 and Monday 08:00
    assert plan.shown(gate, vectorised) == (D(2027, 1, 11), D(2027, 1, 11))


@PASSES
def test_a_lag_or_a_chain_of_milestones_keeps_the_end_of_the_day(vectorised):
    plan = Plan()
    friday = plan.task("friday", 5)
    first, second, lagged = plan.task("first", 0), plan.task("second", 0), plan.task("lagged", 0)
    plan.link(friday, first), plan.link(first, second)
    plan.link(friday, lagged, LinkType.FS, 2)  # two working days after Friday's end: Tuesday 12's end
    assert plan.shown(second, vectorised) == (D(2027, 1, 8), D(2027, 1, 8))
    assert plan.shown(lagged, vectorised) == (D(2027, 1, 12), D(2027, 1, 12))


@PASSES
def test_late_dates_and_the_plans_last_day_show_the_same_day(vectorised):
    plan = Plan()
    short = plan.task("short", 5)  # ends Friday 8, with a week of float
    plan.task("long", 10)  # ends Friday 15
    done = plan.task("done", 0)
    plan.link(short, done)
    result = schedule_with(plan.project, vectorised)
    dates = result.tasks[done.id]
    assert (dates.shown_late_start, dates.shown_late_finish) == (D(2027, 1, 15), D(2027, 1, 15))
    assert dates.total_float == 5
    alone = Plan()
    work = alone.task("work", 5)
    end = alone.task("end", 0)
    alone.link(work, end)
    assert schedule_with(alone.project, vectorised).last_day() == D(2027, 1, 8)


def test_a_baseline_milestone_is_read_at_the_moment_it_has_now_and_slips_compare_points():
    plan = Plan()
    work = plan.task("work", 5)
    done = plan.task("done", 0)
    plan.link(work, done)
    # Captured when the work was a day shorter: the point Friday 8 (the end of Thursday 7).
    plan.project.baselines.append(Baseline("before", D(2026, 12, 1), {done.id: (D(2027, 1, 8), D(2027, 1, 8))}))
    row = slip_report(plan.project, schedule_with(plan.project, None)).row(done.id)
    assert row.shown() == ("2027-01-07", "2027-01-07", "2027-01-08", "2027-01-08")
    assert (row.start_variance, row.finish_variance) == (1, 1)


@pytest.mark.parametrize("weekdays", [True, False], ids=["monday-friday", "7-day"])
def test_monte_carlo_dates_a_milestone_on_the_day_the_schedule_shows(weekdays):
    """Durations without a spread sample as they are, so every iteration's milestone day is the
    schedule's: Friday 8 January after a Monday-to-Friday week (the 7-day calendar: Friday too, five
    days from Monday 4), and a milestone fixed to Monday 11 January on that Monday."""
    plan = Plan(weekdays)
    work = plan.task("work", 5)
    done = plan.task("done", 0)
    fixed = plan.task("fixed", 0, constraint=ConstraintType.MSO, constraint_date=D(2027, 1, 11))
    plan.link(work, done)
    result = run_risk(plan.project, iterations=20, seed=1, use_defaults=False)
    assert set(result.percentiles(done.id).values()) == {D(2027, 1, 8)}
    assert set(result.percentiles(fixed.id).values()) == {D(2027, 1, 11)}
    assert result.probability_by(done.id, D(2027, 1, 8)) == 1.0
    assert result.probability_by(done.id, D(2027, 1, 7)) == 0.0


@PASSES
def test_a_phase_ends_on_the_day_its_last_milestone_is_shown(vectorised):
    plan = Plan()
    phase = plan.task("phase", 0)
    work = plan.task("work", 5, parent_id=phase.id)  # Monday 4 to Friday 8 January
    done = plan.task("done", 0, parent_id=phase.id)  # Friday's end: shown Friday 8
    review = plan.task("review", 0, parent_id=phase.id, constraint=ConstraintType.SNET,
                       constraint_date=D(2027, 1, 11))  # the start of Monday 11: shown Monday
    plan.link(work, done)
    assert plan.shown(phase, vectorised) == (D(2027, 1, 4), D(2027, 1, 11))
    result = schedule_with(plan.project, vectorised).tasks
    assert result[phase.id].early_finish == result[review.id].early_finish  # the bar ends at the diamond
    review.constraint = ConstraintType.ASAP  # now at the start of Monday 4 with the work
    assert plan.shown(phase, vectorised) == (D(2027, 1, 4), D(2027, 1, 8))


@PASSES
def test_a_phase_that_starts_with_a_milestone_at_fridays_end_starts_friday(vectorised):
    plan = Plan()
    work = plan.task("work", 5)  # Monday 4 to Friday 8 January
    phase = plan.task("phase", 0)
    done = plan.task("done", 0, parent_id=phase.id)  # Friday's end: shown Friday 8
    after = plan.task("after", 2, parent_id=phase.id)  # Monday 11, Tuesday 12
    plan.link(work, done), plan.link(done, after)
    assert plan.shown(phase, vectorised) == (D(2027, 1, 8), D(2027, 1, 12))
    after.duration = 0  # only the milestones, both at Friday's end: the phase is that moment
    phase_dates = schedule_with(plan.project, vectorised).tasks[phase.id]
    assert (phase_dates.shown_start, phase_dates.shown_finish) == (D(2027, 1, 8), D(2027, 1, 8))
    assert phase_dates.early_start == phase_dates.early_finish


def test_the_risk_view_asks_by_the_day_a_milestone_at_fridays_end_is_shown():
    plan = Plan()
    work = plan.task("work", 5)  # Monday 4 to Friday 8 January
    done = plan.task("done", 0)
    plan.link(work, done)
    result = schedule_with(plan.project, None)
    assert default_target(plan.project, result, done.id) == D(2027, 1, 8)


def test_the_slip_report_reads_a_phase_ending_on_a_monday_milestone_as_ending_monday():
    plan = Plan()
    phase = plan.task("phase", 0)
    plan.task("work", 5, parent_id=phase.id)  # Monday 4 to Friday 8 January
    plan.task("review", 0, parent_id=phase.id, constraint=ConstraintType.SNET,
              constraint_date=D(2027, 1, 18))  # the start of Monday 18
    # Captured when the review was fixed a week earlier: the phase then ended at the start of Monday 11.
    plan.project.baselines.append(Baseline("before", D(2026, 12, 1), {phase.id: (D(2027, 1, 4), D(2027, 1, 11))}))
    row = slip_report(plan.project, schedule_with(plan.project, None)).row(phase.id)
    assert row.shown() == ("2027-01-04", "2027-01-11", "2027-01-04", "2027-01-18")
    assert row.variance_texts() == ("0 d", "+5 d")  # a week later: five working days


@PASSES
@pytest.mark.parametrize(("weekdays", "room"), [(True, 6), (False, 8)], ids=["monday-friday", "7-day"])
def test_an_alap_milestone_with_a_deadline_sits_at_the_end_of_the_deadlines_day(vectorised, weekdays, room):
    # work: Monday 4 and Tuesday 5 January -> done (as late as possible, deadline Wednesday 13); a
    # 20-day task beside them ends later. done sits on its late moment, the end of Wednesday 13 (MS
    # Project's late finish, 17:00), not Tuesday's end. Its room: from Tuesday's end to Wednesday
    # 13's, 6 working days (Wed 6 to Wed 13 less the weekend), 8 calendar days.
    plan = Plan(weekdays)
    work = plan.task("work", 2)
    done = plan.task("done", 0, constraint=ConstraintType.ALAP, deadline=D(2027, 1, 13))
    plan.task("beside", 20)
    plan.link(work, done)
    dates = schedule_with(plan.project, vectorised).tasks
    milestone = dates[done.id]
    assert (milestone.shown_start, milestone.shown_finish, milestone.late_finish) == (D(2027, 1, 13), D(2027, 1, 13),
                                                                                       D(2027, 1, 14))
    assert (milestone.total_float, dates[work.id].total_float, milestone.critical) == (room, room, False)
    risk = run_risk(plan.project, iterations=2, seed=1, use_defaults=False)
    assert risk.percentiles(done.id)[50] == D(2027, 1, 13) and risk.criticality[done.id] == 0.0


@PASSES
def test_a_phases_late_dates_are_its_dates_moved_by_its_float_in_working_days(vectorised):
    # Phase: A (Monday 4 to Friday 8 January) -> B (Monday 11 to Wednesday 13) -> M (Wednesday's
    # end); C (15 days, to Friday 22) beside the phase sets the plan's finish. B may finish as late
    # as Friday 22: 7 working days of float (Thu 14, Fri 15, Mon 18 to Fri 22), for A, B, M and the
    # phase. The phase's late start is 7 working days after Monday 4: Wednesday 13 (A's late start);
    # its late finish Friday 22 (B's and M's), not 7 calendar days after each (Monday 11, Wednesday 20).
    plan = Plan()
    phase = plan.task("phase", 0)
    a = plan.task("A", 5, parent_id=phase.id)
    b = plan.task("B", 3, parent_id=phase.id)
    m = plan.task("M", 0, parent_id=phase.id)
    plan.task("C", 15)
    plan.link(a, b), plan.link(b, m)
    dates = schedule_with(plan.project, vectorised).tasks
    assert [dates[t.id].total_float for t in (phase, a, b, m)] == [7, 7, 7, 7]
    assert (dates[a.id].shown_late_start, dates[b.id].shown_late_finish, dates[m.id].shown_late_finish) == (
        D(2027, 1, 13), D(2027, 1, 22), D(2027, 1, 22))
    late = dates[phase.id]
    assert (late.shown_late_start, late.shown_late_finish) == (D(2027, 1, 13), D(2027, 1, 22))
    assert (late.shown_start, late.shown_finish) == (D(2027, 1, 4), D(2027, 1, 13))

"""A milestone after a task on another calendar: MS Project moves the predecessor's finish to the next
working time of the milestone's calendar. A finish at the end of a day the milestone's calendar works
is that day's end (shown that day); at the end of a day it does not work, it is the start of its next
working day (shown that day), never the end of the working day before, which comes before the
predecessor finishes. Every expectation is worked out by hand on the calendar below (January 2027:
Monday 4, Friday 8, Saturday 9, Monday 11)."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.domain import Calendar, CalendarException, Link, LinkType, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.engine.cpm import schedule_with
from ilrs_planner.engine.risk import run_risk

D = date
MONDAY = D(2027, 1, 4)
PASSES = pytest.mark.parametrize("vectorised", [False, True], ids=["loops", "levels"])
SIX_DAYS = (True,) * 6 + (False,)


class Plan:
    """A plan starting Monday 4 January 2027 on a Monday-Friday calendar, with a Monday-Saturday one."""

    def __init__(self, holidays: list[date] = ()):
        self.project = Project("Launch", MONDAY)
        exceptions = [CalendarException("Holiday", day, day) for day in holidays]
        self.project.default_calendar_id = self.project.add_calendar(
            Calendar("Standard", MONDAY_TO_FRIDAY, exceptions)).id
        self.site = self.project.add_calendar(Calendar("Launch site", SIX_DAYS)).id

    def task(self, key: str, days: int, **fields) -> Task:
        return self.project.add_task(Task(key, key, days, position=len(self.project.tasks), **fields))

    def link(self, a: Task, b: Task, kind: LinkType = LinkType.FS, lag: int = 0) -> None:
        self.project.add_link(Link(a.id, b.id, kind, lag))

    def on_site(self, key: str, days: int) -> Task:
        return self.task(key, days, calendar_id=self.site)


@PASSES
@pytest.mark.parametrize("kind", [LinkType.FS, LinkType.FF])
def test_a_milestone_after_a_saturday_finish_is_at_the_start_of_monday(vectorised, kind):
    # Six days on the Monday-Saturday calendar: Monday 4 to Saturday 9, finishing Saturday 17:00.
    # Saturday is not worked on the milestone's Monday-Friday calendar: its next working time is
    # Monday 11 08:00, so the milestone is the point Monday 11, shown Monday 11 (not Friday 8's end).
    plan = Plan()
    fire = plan.on_site("fire", 6)
    flight = plan.task("flight", 0)
    after = plan.task("after", 1)
    plan.link(fire, flight, kind), plan.link(flight, after)
    result = schedule_with(plan.project, vectorised)
    milestone = result.tasks[flight.id]
    assert not milestone.early_at_day_end and milestone.early_start == D(2027, 1, 11)
    assert (milestone.shown_start, milestone.shown_finish) == (D(2027, 1, 11), D(2027, 1, 11))
    assert result.tasks[fire.id].shown_finish == D(2027, 1, 9)
    # No float: its late moment is where it is, Monday 11 08:00.
    assert (milestone.shown_late_start, milestone.shown_late_finish) == (D(2027, 1, 11), D(2027, 1, 11))
    assert result.tasks[after.id].shown_start == D(2027, 1, 11)  # Monday 11, the one day of work


@PASSES
def test_a_milestone_after_a_friday_finish_on_the_six_day_calendar_is_shown_friday(vectorised):
    # Five days on the Monday-Saturday calendar: Monday 4 to Friday 8, 17:00. Friday is worked on the
    # milestone's calendar: the end of Friday, the point Saturday 9, shown Friday 8.
    plan = Plan()
    fire = plan.on_site("fire", 5)
    flight = plan.task("flight", 0)
    plan.link(fire, flight)
    milestone = schedule_with(plan.project, vectorised).tasks[flight.id]
    assert milestone.early_at_day_end and milestone.early_start == D(2027, 1, 9)
    assert milestone.shown_finish == D(2027, 1, 8)


@PASSES
def test_a_holiday_on_the_milestones_calendar_the_day_its_predecessor_ends(vectorised):
    # Five days on the Monday-Saturday calendar: Monday 4 to Friday 8, 17:00. Friday 8 is a holiday
    # on the milestone's calendar, Saturday and Sunday are not worked: its next working time is
    # Monday 11 08:00 (not the end of Thursday 7, the working day before, a day before the finish).
    plan = Plan(holidays=[D(2027, 1, 8)])
    fire = plan.on_site("fire", 5)
    flight = plan.task("flight", 0)
    plan.link(fire, flight)
    milestone = schedule_with(plan.project, vectorised).tasks[flight.id]
    assert not milestone.early_at_day_end
    assert (milestone.shown_start, milestone.shown_finish) == (D(2027, 1, 11), D(2027, 1, 11))


@PASSES
def test_a_lag_after_a_saturday_finish_counts_from_monday(vectorised):
    # Saturday 9 17:00, moved to the milestone's next working time (Monday 11 08:00), plus one working
    # day on its calendar: the end of Monday 11, shown Monday 11.
    plan = Plan()
    fire = plan.on_site("fire", 6)
    flight = plan.task("flight", 0)
    plan.link(fire, flight, lag=1)
    milestone = schedule_with(plan.project, vectorised).tasks[flight.id]
    assert milestone.early_at_day_end and milestone.shown_finish == D(2027, 1, 11)


@PASSES
def test_a_chain_of_milestones_hands_on_the_start_of_monday(vectorised):
    # The six-day milestone after Saturday's finish sits at Saturday 9's end (its calendar works it);
    # the Monday-Friday milestone after it, at its next working time: Monday 11 08:00.
    plan = Plan()
    fire = plan.on_site("fire", 6)
    static = plan.on_site("static", 0)
    flight = plan.task("flight", 0)
    plan.link(fire, static), plan.link(static, flight)
    tasks = schedule_with(plan.project, vectorised).tasks
    assert tasks[static.id].early_at_day_end and tasks[static.id].shown_finish == D(2027, 1, 9)
    assert not tasks[flight.id].early_at_day_end and tasks[flight.id].shown_finish == D(2027, 1, 11)


@PASSES
def test_the_late_moment_stays_before_a_successor_on_the_six_day_calendar(vectorised):
    # fire: Monday 4 to Saturday 9; the milestone at Monday 11 08:00 (as above); then `ship`, one day
    # on the six-day calendar. `long`, 12 days on the six-day calendar (Monday 4 to Saturday 16), sets
    # the plan's finish: ship's late day is Saturday 16, starting 08:00. The milestone's latest moment
    # before that is the end of Friday 15 on its own calendar (shown Friday 15): five working days of
    # float on its calendar (Monday 11 08:00 to Friday 15 17:00).
    plan = Plan()
    fire = plan.on_site("fire", 6)
    flight = plan.task("flight", 0)
    ship = plan.on_site("ship", 1)
    plan.on_site("long", 12)
    plan.link(fire, flight), plan.link(flight, ship)
    result = schedule_with(plan.project, vectorised)
    milestone = result.tasks[flight.id]
    assert milestone.shown_finish == D(2027, 1, 11) and not milestone.early_at_day_end
    assert milestone.late_at_day_end and milestone.shown_late_finish == D(2027, 1, 15)
    assert milestone.total_float == 5
    assert result.tasks[ship.id].shown_start == D(2027, 1, 11)  # after the milestone, not Saturday 9
    assert result.tasks[ship.id].shown_late_start == D(2027, 1, 16)
    # fire must finish by the milestone's late moment, Friday 15 17:00: finishing on Saturday 16 would
    # put the milestone at Monday 18 08:00, after ship's late start. Its float on its Monday-Saturday
    # calendar: Monday 11 to Friday 15, five days (not six, to Saturday 16); none of it free (the
    # milestone follows at once), and never more free float than total.
    assert result.tasks[fire.id].shown_late_finish == D(2027, 1, 15)
    assert (result.tasks[fire.id].total_float, result.tasks[fire.id].free_float) == (5, 0)
    assert result.tasks[ship.id].free_float <= result.tasks[ship.id].total_float


@PASSES
def test_what_follows_a_monday_milestone_on_the_seven_day_calendar_starts_monday(vectorised):
    # The milestone at Monday 11 08:00 (after Saturday's finish, as above); a 7-day task after it
    # starts Monday 11 too, not Saturday 9 (the end of the milestone's working day before it).
    plan = Plan()
    plan.project.add_calendar(Calendar("Every day", (True,) * 7, id="every"))
    fire = plan.on_site("fire", 6)
    flight = plan.task("flight", 0)
    coast = plan.task("coast", 2, calendar_id="every")
    plan.link(fire, flight), plan.link(flight, coast)
    tasks = schedule_with(plan.project, vectorised).tasks
    assert (tasks[coast.id].shown_start, tasks[coast.id].shown_finish) == (D(2027, 1, 11), D(2027, 1, 12))


def test_monte_carlo_dates_the_milestone_on_monday_as_the_schedule_does():
    # Durations without a spread sample as they are: every iteration's milestone is Monday 11.
    plan = Plan()
    fire = plan.on_site("fire", 6)
    flight = plan.task("flight", 0)
    plan.link(fire, flight)
    result = run_risk(plan.project, iterations=20, seed=1, use_defaults=False)
    assert set(result.percentiles(flight.id).values()) == {D(2027, 1, 11)}
    assert result.probability_by(flight.id, D(2027, 1, 10)) == 0.0

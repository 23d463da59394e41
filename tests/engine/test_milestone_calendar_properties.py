"""Property tests: on random plans whose tasks mix calendars (Monday-Friday with holidays,
Monday-Saturday, every day), a milestone is never placed before the moment a predecessor with work
or a milestone before it hands it (a finish at the end of its last day, a start at the start of its
first, a milestone's point), nor a task's start after a milestone, whichever pass scheduled it; a task
before a milestone may finish no later than the milestone's late moment; free float never exceeds
total float; and the Monte Carlo reads each milestone at the moment of day the schedule does."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import Calendar, CalendarException, Link, LinkType, Project, Task
from ilrs_planner.engine import risk
from ilrs_planner.engine._risk_network import compile_risk_network
from ilrs_planner.engine.cpm import schedule_with

START = date(2027, 1, 4)  # a Monday
CALENDARS = {"week": (True,) * 5 + (False,) * 2, "site": (True,) * 6 + (False,), "all": (True,) * 7}
HOLIDAYS = [START + timedelta(days=d) for d in (4, 11, 12)]  # Fridays 8 and 15, Saturday 16
FROM_FINISH = {LinkType.FS: True, LinkType.FF: True, LinkType.SS: False, LinkType.SF: False}
TO_FINISH = {LinkType.FF: True, LinkType.SF: True, LinkType.FS: False, LinkType.SS: False}


@st.composite
def plans(draw) -> Project:
    project = Project("Mixed", START)
    for key, weekdays in CALENDARS.items():
        holidays = [CalendarException("Holiday", d, d) for d in HOLIDAYS] if key == "week" else []
        project.add_calendar(Calendar(key, weekdays, holidays, id=key))
    project.default_calendar_id = "week"
    n = draw(st.integers(2, 8))
    tasks = [project.add_task(Task(f"T{i}", f"T{i}", draw(st.sampled_from([0, 0, 1, 2, 3, 5, 6])), position=i,
                                   calendar_id=draw(st.sampled_from(list(CALENDARS)))))
             for i in range(n)]
    for _ in range(draw(st.integers(1, 2 * n))):
        a, b = sorted(draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True)))
        project.add_link(Link(tasks[a].id, tasks[b].id, draw(st.sampled_from(list(LinkType))),
                              draw(st.integers(0, 3))))
    return project


def _moment(dates, finish: bool, duration: int) -> tuple[int, int]:
    """(day, 0 at its start / 1 at its end) of a task's start or finish, or a milestone's point."""
    if duration == 0:
        return (dates.shown_finish.toordinal(), 1 if dates.early_at_day_end else 0)
    return (dates.shown_finish.toordinal(), 1) if finish else (dates.early_start.toordinal(), 0)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(project=plans())
def test_no_milestone_or_task_after_one_comes_before_what_its_link_hands_it(project):
    loops, levels = schedule_with(project, False), schedule_with(project, True)
    assert dict(loops.tasks) == dict(levels.tasks)
    for link in project.links.values():
        pred, succ = project.tasks[link.pred_id], project.tasks[link.succ_id]
        if succ.duration and (pred.duration or TO_FINISH[link.type]):  # into a milestone, or out of one
            continue
        handed = _moment(loops.tasks[pred.id], FROM_FINISH[link.type], pred.duration)
        assert _moment(loops.tasks[succ.id], TO_FINISH[link.type], succ.duration) >= handed


def _late_moment(dates) -> tuple[int, int]:
    """(day, 0 at its start / 1 at its end) of a milestone's late point."""
    return (dates.shown_late_finish.toordinal(), 1 if dates.late_at_day_end else 0)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(project=plans())
def test_work_before_a_milestone_finishes_by_its_late_moment_and_free_float_stays_within_total(project):
    loops, levels = schedule_with(project, False), schedule_with(project, True)
    assert dict(loops.tasks) == dict(levels.tasks)
    for link in project.links.values():
        pred, succ = project.tasks[link.pred_id], project.tasks[link.succ_id]
        if succ.duration or not pred.duration or not FROM_FINISH[link.type] or link.lag:
            continue  # a finish handed to a milestone without a lag
        assert (loops.tasks[pred.id].shown_late_finish.toordinal(), 1) <= _late_moment(loops.tasks[succ.id])
    for dates in loops.tasks.values():
        assert dates.free_float <= dates.total_float


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(project=plans())
def test_the_monte_carlo_reads_each_milestone_at_the_schedules_moment(project):
    result = schedule_with(project, None)
    rnet = compile_risk_network(project, False)
    flags = risk.milestone_day_ends(project, rnet)
    assert {tid: bool(f) for tid, f in zip(rnet.net.task_ids, flags)} == \
        {tid: result.tasks[tid].early_at_day_end for tid in rnet.net.task_ids}

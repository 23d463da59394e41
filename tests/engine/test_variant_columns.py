"""A bar dragged over the days, previewed from the columns and passes the window keeps for the plan
(engine.kept_columns.VariantColumns, commands.drop_preview): each day's dates are those the copy of
the plan scheduled afresh gives (or the same refusal), and the plan's own kept columns, read after
the drop, still give the fresh schedule."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_kept_columns import Session, _commands, _following_at_most, _nothing_kept, plans

from ilrs_planner.commands.base import ChangeSet
from ilrs_planner.commands.drop_preview import dates_after
from ilrs_planner.commands.tasks import MoveTaskStart
from ilrs_planner.domain import Link, LinkType, PlannerError, Project, Task

START = date(2030, 1, 7)  # a Monday


def _landing(project: Project, command: MoveTaskStart, task_id: str, variants=None):
    try:
        return dates_after(project, command, task_id, variants)
    except PlannerError as error:
        return error.code, error.message


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_each_day_a_bar_is_dragged_to_previews_the_dates_of_the_plan_scheduled_afresh(project, data):
    with _following_at_most(data.draw(st.sampled_from([3, 3000]))):
        session = Session(project)
        for _ in range(data.draw(st.integers(0, 4))):  # the plan as edited before the drag
            command = _commands(data.draw, project)
            if command is not None:
                session.apply(command)
        session.check(ChangeSet())
        if not project.tasks:  # every task deleted: no bar to drag
            return
        task_id = data.draw(st.sampled_from(list(project.tasks)))
        variants = session.keeper.variants(set(), False, {task_id})
        for day in data.draw(st.lists(st.integers(-10, 40), min_size=1, max_size=6)):
            command = MoveTaskStart(task_id, START + timedelta(days=day))
            kept = _landing(project, command, task_id, variants)
            with _nothing_kept():
                fresh = _landing(project, command, task_id)
            assert kept == fresh
        if data.draw(st.booleans()):  # dropped: the plan's own columns follow the edit as before
            session.apply(MoveTaskStart(task_id, START + timedelta(days=data.draw(st.integers(-10, 40)))))
        session.check(ChangeSet())


def test_a_task_dragged_later_pushes_the_preview_of_nothing_but_itself_and_leaves_the_plan_alone():
    # A 5 d, then B 3 d (FS), on calendar days from Mon 7 Jan 2030: A 7-11, B 12-14.
    project = Project("chain", START)
    project.add_task(Task("A", "Alpha", 5, id="A", position=0))
    project.add_task(Task("B", "Beta", 3, id="B", position=1))
    project.add_link(Link("A", "B", LinkType.FS, 0))
    session = Session(project)
    variants = session.keeper.variants(set(), False, {"A"})
    # A dragged to start on the 10th: 10-14, so B would follow on the 15th; A moved to the 8th: 8-12.
    later = dates_after(project, MoveTaskStart("A", date(2030, 1, 10)), "A", variants)
    earlier = dates_after(project, MoveTaskStart("A", date(2030, 1, 8)), "A", variants)
    assert (later.shown_start, later.shown_finish) == (date(2030, 1, 10), date(2030, 1, 14))
    assert (earlier.shown_start, earlier.shown_finish) == (date(2030, 1, 8), date(2030, 1, 12))
    assert project.tasks["A"].constraint_date is None  # the plan itself untouched
    session.check(ChangeSet())

"""Deleting tasks takes exactly the links that touch them, in plan order, however the plan's links
came and went before (the link ends are kept across edits, see commands/link_ends.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.commands.graph_edges import forget_schedule
from ilrs_planner.commands.link_ends import forget_link_ends
from ilrs_planner.commands.tasks import DeleteTasks
from ilrs_planner.domain import Link, PlannerError

from .conftest import build_small_plan
from .strategies import draw_command
from .test_link_loops import offer_now


def touching(project, doomed: set[str]) -> list[Link]:
    return [link for link in project.links.values() if link.pred_id in doomed or link.succ_id in doomed]


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_a_deletion_after_any_edits_and_undos_takes_the_links_that_touch_its_tasks(data):
    project = build_small_plan()
    forget_link_ends()  # the first deletion reads the ends, from a schedule offered or not
    forget_schedule()
    applied = []
    for serial in range(data.draw(st.integers(1, 30))):
        if data.draw(st.booleans()):  # a schedule derived now, as the window offers it, maybe stale later
            offer_now(project)
        if applied and data.draw(st.booleans()):
            applied.pop().revert(project)  # an undo: tasks come back at the end, links at their places
            continue
        command = draw_command(data, project, serial)
        if isinstance(command, DeleteTasks):
            doomed = project.with_descendants(command.task_ids)
            expected = touching(project, doomed)
            places = list(project.links)
            command.apply(project)
            assert [link for _place, link in command._links] == expected
            assert [place for place, _link in command._links] == [places.index(link.id) for link in expected]
            assert not touching(project, doomed)
            applied.append(command)
            continue
        try:
            command.apply(project)
        except PlannerError:
            continue
        applied.append(command)


def test_another_plan_is_read_afresh(plan):
    DeleteTasks(["m"]).apply(plan)
    other = build_small_plan()
    command = DeleteTasks(["b"])
    command.apply(other)
    assert [link.id for _place, link in command._links] == ["ab", "bc"]
    forget_link_ends()
    command = DeleteTasks(["a"])
    command.apply(plan)
    assert [link.id for _place, link in command._links] == ["ab"]

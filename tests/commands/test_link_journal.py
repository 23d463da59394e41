"""The links a deletion takes and the loops the link check refuses stay right when the readers follow
the plan's links by the journal of links made and taken out (commands/link_journal.py), through edits,
undos and redos, and when the plan's links change without a word to the journal."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.commands.graph_edges import forget_schedule
from ilrs_planner.commands.link_ends import forget_link_ends, placed_links_touching
from ilrs_planner.commands.link_graph import forget_graphs
from ilrs_planner.commands.links import AddLink
from ilrs_planner.commands.plan_index import forget_index, keep_index
from ilrs_planner.commands.tasks import DeleteTasks
from ilrs_planner.domain import PlannerError

from .conftest import build_small_plan
from .strategies import draw_command
from .test_link_loops import _check_says, _scheduler_says


def _placed(project) -> list[tuple[int, str]]:
    return [(place, link.id) for place, link in enumerate(project.links.values())]


def _assert_followed(data, project) -> None:
    """Every link found by its ends at its place, and a random link checked as the scheduler does."""
    everyone = set(project.tasks)
    assert [(place, link.id) for place, link in placed_links_touching(project, everyone)] == _placed(project)
    if project.tasks:
        pred, succ = (data.draw(st.sampled_from(sorted(project.tasks))) for _ in range(2))
        if pred != succ:
            assert _check_says(project, pred, succ) == _scheduler_says(project, pred, succ)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_edits_undos_and_redos_are_followed_as_the_plan_lists_its_links(data):
    project = build_small_plan()
    keep_index(project)
    forget_link_ends(), forget_graphs(), forget_schedule()
    done, undone = [], []
    try:
        for serial in range(data.draw(st.integers(1, 30))):
            step = data.draw(st.sampled_from(["do", "undo", "redo"]))
            if step == "undo" and done:
                command = done.pop()
                command.revert(project)
                undone.append(command)
            elif step == "redo" and undone:
                command = undone.pop()
                command.apply(project)  # the stack applies the same command again
                done.append(command)
            else:
                command = draw_command(data, project, serial)
                try:
                    command.apply(project)
                except PlannerError:
                    continue
                done.append(command)
                undone.clear()
            _assert_followed(data, project)
    finally:
        forget_index()


def test_a_link_taken_out_without_a_word_to_the_journal_is_found_by_listing_them(plan):
    forget_link_ends(), forget_graphs(), forget_schedule()
    placed_links_touching(plan, set())  # the readers list the plan's links, as the window does when idle
    AddLink("a", "m", link_id="am").apply(plan)
    del plan.links["ab"]  # not through a command: the journal knows only of the link made
    command = DeleteTasks(["b"])
    command.apply(plan)
    assert [link.id for _place, link in command._links] == ["bc"]
    assert "am" in plan.links and not any("b" in (link.pred_id, link.succ_id) for link in plan.links.values())

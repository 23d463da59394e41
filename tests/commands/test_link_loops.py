"""A link is refused as a loop exactly when the scheduler would find one, through every kind of edit.

The link check keeps its graph of the plan from one edit to the next and follows the plan's
changes (tasks added, deleted, indented, links made and removed, undone and redone); the
scheduler's own search, run on the plan as it stands, is what it must agree with.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.commands.graph_edges import offer_schedule
from ilrs_planner.commands.link_graph import forget_graphs, graph_of
from ilrs_planner.commands.links import AddLink, check_link_allowed
from ilrs_planner.commands.plan_index import forget_index, index_of, keep_index
from ilrs_planner.commands.tasks import IndentTask
from ilrs_planner.domain import Link, PlannerError, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.graph import find_cycle

from .conftest import build_small_plan
from .strategies import draw_command


def _scheduler_says(project, pred_id: str, succ_id: str) -> str | None:
    """The refusal code the scheduler's own search gives a link (None: allowed)."""
    if any(link.pred_id == pred_id and link.succ_id == succ_id for link in project.links.values()):
        return "link.duplicate"
    try:
        return "link.cycle" if find_cycle(project, [Link(pred_id, succ_id)]) is not None else None
    except PlannerError as error:
        return error.code


def _check_says(project, pred_id: str, succ_id: str) -> str | None:
    try:
        check_link_allowed(project, pred_id, succ_id)
    except PlannerError as error:
        return error.code
    return None


def offer_now(project) -> None:
    """Offer the link check the plan's schedule as the window does after each edit (none if it cannot be made)."""
    try:
        offer_schedule(project, schedule(project))
    except PlannerError:
        offer_schedule(project, None)


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_loops_are_refused_as_the_scheduler_finds_them(data):
    _edit_and_check(data, build_small_plan())


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_loops_are_refused_on_a_plan_a_window_indexes(data):
    """The window's plan has an index its commands keep up to date; the graph takes the index's
    word that no task was added, removed or moved, and must still agree with the scheduler."""
    project = build_small_plan()
    keep_index(project)
    try:
        _edit_and_check(data, project)
    finally:
        forget_index()


def _edit_and_check(data, project) -> None:
    """Random edits, undos and schedules offered; after each, a random link checked against the scheduler."""
    forget_graphs()  # each example's first check makes the graph, from a schedule offered or not
    applied = []
    for serial in range(data.draw(st.integers(1, 30))):
        if data.draw(st.booleans()):  # a schedule derived now, maybe stale by the next check
            offer_now(project)
        if applied and data.draw(st.booleans()):
            applied.pop().revert(project)  # undo, as the stack does
        else:
            command = draw_command(data, project, serial)
            try:
                command.apply(project)
                applied.append(command)
            except PlannerError:
                pass
        ids = sorted(project.tasks)
        if len(ids) < 2:
            continue
        pred, succ = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
        expected = _scheduler_says(project, pred, succ)
        found = _check_says(project, pred, succ)
        if found not in ("link.self", "link.summary_child"):  # the scheduler is not asked those
            assert found == expected, (pred, succ)
        # Followed (on an indexed plan, from the index's journal of moves), the graph's outline is the plan's.
        assert graph_of(project).parent_of == {tid: task.parent_id for tid, task in project.tasks.items()}


def test_a_graph_made_from_a_schedule_offered_before_an_outline_edit_reads_the_plan(plan):
    """A schedule offered, then an edit in the same step (an indent before a link): the graph is
    read from the plan as it stands, not from the schedule's outline or links."""
    forget_graphs()
    offer_now(plan)
    plan.tasks["a"].parent_id = None  # A out of the phase after the schedule was derived
    # PH now starts B and C alone, and nothing in it leads back to A: A → PH closes no loop
    # (with A still under PH it would: PH starts A).
    assert _check_says(plan, "a", "ph") is None
    assert _scheduler_says(plan, "a", "ph") is None
    plan.links.pop("bc")  # and a link gone since the schedule: read from the plan too
    assert _check_says(plan, "c", "b") is None


def test_a_link_removed_then_another_made_moves_the_loop(plan):
    """The check follows links removed and made between its questions."""
    assert _check_says(plan, "m", "a") == "link.cycle"  # A → B → C → M already
    plan.links.pop("bc")
    assert _check_says(plan, "m", "a") is None  # the chain is broken: M → A closes nothing
    AddLink("m", "a").apply(plan)
    assert _check_says(plan, "b", "c") == "link.cycle"  # C → M → A → B, so B → C closes it
    assert _check_says(plan, "c", "b") is None


def test_a_task_indented_on_a_window_plan_brings_its_links_into_the_summary(plan):
    """On the window's plan (indexed) the graph hears of an indent from the index: M, linked to X,
    indented under PH makes a link X → PH close the loop PH → M → X → PH."""
    plan.add_task(Task(key="X", name="Task X", duration=5, id="x", position=2))
    plan.links.pop("cm")
    plan.add_link(Link("m", "x", id="mx"))
    keep_index(plan)
    index_of(plan)
    forget_graphs()
    try:
        assert _check_says(plan, "x", "ph") is None  # the graph made now, M beside PH
        IndentTask("m").apply(plan)
        assert plan.tasks["m"].parent_id == "ph"
        assert _check_says(plan, "x", "ph") == "link.cycle" == _scheduler_says(plan, "x", "ph")
    finally:
        forget_index()

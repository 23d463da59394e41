"""Pasting a block of tasks and links as one step: placed in outline order below the row pasted
after, checked whole before anything changes, and undone to the very plan it was pasted into."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.commands.links import AddLink
from ilrs_planner.commands.paste_tasks import PasteTasks
from ilrs_planner.commands.plan_index import forget_index, index_of, keep_index
from ilrs_planner.domain import ConstraintType, Link, LinkType, PlannerError, Task
from ilrs_planner.store import save_project


def order(project):
    return [(task.key, depth) for task, depth in project.walk()]


def block():
    """A summary S with two tasks, S1 → S2, and a task after it that S2 leads to."""
    tasks = [Task(key="S", name="Survey", id="s", parent_id="ph"),
             Task(key="S1", name="Site", duration=4, id="s1", parent_id="s"),
             Task(key="S2", name="Soil", duration=6, id="s2", parent_id="s"),
             Task(key="R", name="Report", duration=2, id="r", parent_id="ph")]
    links = [Link("s1", "s2", id="l1"), Link("s2", "r", LinkType.SS, 3, id="l2"), Link("a", "s1", id="l3")]
    return tasks, links


def saved(project, path) -> bytes:
    save_project(project, path)
    return path.read_bytes()


def test_the_block_goes_below_the_row_in_outline_order_with_its_links(plan):
    tasks, links = block()
    changes = PasteTasks(tasks, links, "ph", after_id="a").apply(plan)
    assert order(plan) == [("PH", 0), ("A", 1), ("S", 1), ("S1", 2), ("S2", 2), ("R", 1), ("B", 1), ("C", 1),
                           ("M", 0)]
    assert (plan.links["l2"].type, plan.links["l2"].lag) == (LinkType.SS, 3) and plan.links["l3"].pred_id == "a"
    assert {"s", "s1", "s2", "r", "b", "c"} <= changes.task_ids and changes.structure and changes.links


@pytest.mark.parametrize("indexed", [False, True], ids=["plan alone", "plan shown in a window"])
def test_undo_gives_back_the_plan_as_saved_before_and_redo_the_plan_as_pasted(plan, tmp_path, indexed):
    if indexed:
        keep_index(plan)  # as the window keeps one: the paste must tell it every task it adds and moves
    try:
        before = saved(plan, tmp_path / "before.db")
        tasks, links = block()
        paste = PasteTasks(tasks, links, "ph", after_id="b")
        paste.apply(plan)
        pasted = saved(plan, tmp_path / "pasted.db")
        paste.revert(plan)
        assert saved(plan, tmp_path / "undone.db") == before
        paste.apply(plan)
        assert saved(plan, tmp_path / "redone.db") == pasted
        if indexed:  # the index answers as the plan does
            assert index_of(plan).siblings("ph") == plan.children_map()["ph"]
    finally:
        forget_index()


def test_at_the_top_level_without_a_row_the_block_goes_last(plan):
    PasteTasks([Task(key="Z", name="End", id="z"), Task(key="Z1", name="Inside", id="z1", parent_id="z")],
               [], None).apply(plan)
    assert order(plan)[-3:] == [("M", 0), ("Z", 0), ("Z1", 1)]


def refused(plan, tasks, links, parent="ph", code=""):
    keys_before, links_before = order(plan), dict(plan.links)
    with pytest.raises(PlannerError) as caught:
        PasteTasks(tasks, links, parent).apply(plan)
    assert (order(plan), plan.links) == (keys_before, links_before)  # nothing changed
    assert caught.value.code == code
    return caught.value.message


def test_a_key_the_plan_or_the_block_has_already_is_refused(plan):
    assert "the key 'A' is already used" in refused(plan, [Task(key="A", name="Again", parent_id="ph")], [],
                                                     code="task.duplicate_key")
    twice = [Task(key="N", name="One", parent_id="ph"), Task(key="N", name="Two", parent_id="ph")]
    assert "the key 'N' is already used" in refused(plan, twice, [], code="task.duplicate_key")


def test_a_date_a_plan_file_cannot_hold_refuses_the_paste_naming_the_task(plan):
    # Taken, the plan's every later save would be refused (the file holds 1900-2200).
    late = [Task(key="N", name="Late", parent_id="ph", constraint=ConstraintType.FNET,
                 constraint_date=date(2201, 1, 1))]
    assert refused(plan, late, [], code="task.bad_value") == \
        "N: constraint date 2201-01-01 is outside 1900-2200, the dates a plan file holds"


def test_a_task_whose_summary_is_not_pasted_before_it_is_refused(plan):
    orphan = [Task(key="N", name="New", id="n", parent_id="elsewhere")]
    assert "N: its summary is not pasted before it" in refused(plan, orphan, [], code="task.unknown")


@pytest.mark.parametrize(("links", "code"), [
    ([Link("n", "gone")], "link.unknown_task"),
    ([Link("gone", "n")], "link.unknown_task"),
    ([Link("n", "n")], "link.self"),
    ([Link("a", "n"), Link("a", "n")], "link.duplicate"),
    ([Link("ph", "n")], "link.summary_child"),  # the summary pasted under, to its new sub-task
    ([Link("s", "s1")], "link.summary_child"),  # a pasted summary to its own pasted sub-task
    ([Link("s1", "s")], "link.summary_child"),
])
def test_a_link_a_plan_cannot_hold_refuses_the_whole_paste(plan, links, code):
    tasks = [Task(key="N", name="New", id="n", parent_id="ph"), Task(key="S", name="Survey", id="s", parent_id="ph"),
             Task(key="S1", name="Site", duration=2, id="s1", parent_id="s")]
    refused(plan, tasks, links, code=code)


def test_pasted_links_that_loop_are_refused_naming_the_tasks(plan):
    tasks = [Task(key="T-1", name="Dig trench", id="t1", parent_id="ph"),
             Task(key="T-2", name="Pour base", id="t2", parent_id="ph")]
    message = refused(plan, tasks, [Link("t1", "t2"), Link("t2", "t1")], code="link.cycle")
    assert "'Dig trench' (T-1) → 'Pour base' (T-2) → 'Dig trench' (T-1)" in message


def test_a_loop_through_a_pasted_summary_is_refused(plan):
    # S holds S1; S1 → X and X → S: S cannot start before X ends, which waits for S1 inside S.
    tasks = [Task(key="S", name="Survey", id="s", parent_id="ph"),
             Task(key="S1", name="Site", duration=2, id="s1", parent_id="s"),
             Task(key="X", name="Review", duration=1, id="x", parent_id="ph")]
    message = refused(plan, tasks, [Link("s1", "x"), Link("x", "s")], code="link.cycle")
    assert "(S1)" in message and "(X)" in message and "(S)" in message


def test_a_loop_through_the_plan_is_refused_naming_its_tasks(plan):
    # PH → M in the plan; a task pasted into PH after M would make PH wait for itself.
    plan.add_link(Link("ph", "m", id="phm"))
    message = refused(plan, [Task(key="N", name="New", id="n", parent_id="ph")], [Link("m", "n")], code="link.cycle")
    assert "(N)" in message and "(M)" in message and "(PH)" in message


def test_a_plan_task_after_the_summary_may_lead_a_task_pasted_elsewhere(plan):
    # The same link into a task pasted at the top level closes no loop.
    plan.add_link(Link("ph", "m", id="phm"))
    PasteTasks([Task(key="N", name="New", id="n")], [Link("m", "n", id="mn")], None).apply(plan)
    assert plan.links["mn"].succ_id == "n"



def refused_link(plan, pred, succ) -> str:
    with pytest.raises(PlannerError) as caught:
        AddLink(pred, succ).apply(plan)
    return caught.value.code


def test_links_made_after_a_paste_its_undo_and_redo_see_the_pasted_links_come_and_go(plan):
    AddLink("a", "c").apply(plan)  # the link check keeps its graph of the plan from here on
    tasks, links = block()
    paste = PasteTasks(tasks, links, "ph", after_id="a")
    paste.apply(plan)
    assert refused_link(plan, "s2", "s1") == "link.cycle"  # S1 → S2 was pasted
    assert refused_link(plan, "r", "a") == "link.cycle"  # A → S1 → S2 → R
    paste.revert(plan)
    assert refused_link(plan, "s2", "s1") == "link.unknown_task"
    paste.apply(plan)
    assert refused_link(plan, "r", "a") == "link.cycle"
    AddLink("r", "m").apply(plan)  # forward: allowed

"""A task's mode travels with it through diff, merge and partner copies, and a partner copy that
withholds a manually scheduled task keeps every shown task on its dates."""

from datetime import date

from ilrs_planner.domain import Classification, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.diff import diff_projects
from ilrs_planner.sharing.diff_text import format_diff
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project


def test_a_task_made_manual_shows_in_the_diff(small_plan):
    other = clone_project(small_plan)
    other.tasks["t-a"].manual = True
    diff = diff_projects(small_plan, other, with_schedule=False)
    changes = {item.label: {c.field: (c.old, c.new) for c in item.changes} for item in diff.tasks.changed}
    assert changes == {"Mission A (A)": {"manual": (False, True)}}
    assert "manual: False → True" in format_diff(diff)


def test_their_task_mode_merges_with_our_other_edit(small_plan):
    ours, theirs = clone_project(small_plan), clone_project(small_plan)
    ours.tasks["t-a"].duration = 20
    theirs.tasks["t-a"].manual = True
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean
    assert (result.project.tasks["t-a"].duration, result.project.tasks["t-a"].manual) == (20, True)


def _plan() -> Project:
    # A (10 d) -> X (restricted, manual, held from 2030-01-05) -> B: X starts before A finishes, and
    # B follows X, not A.
    plan = Project("Crafted", date(2030, 1, 1))
    plan.add_task(Task("A", "Task a", 10, id="a"))
    plan.add_task(Task("X", "Task x", 3, id="x", position=1, classification=Classification.RESTRICTED,
                       manual=True, constraint=ConstraintType.SNET, constraint_date=date(2030, 1, 5)))
    plan.add_task(Task("B", "Task b", 4, id="b", position=2, manual=True))
    plan.add_task(Task("C", "Task c", 2, id="c", position=3))
    plan.add_link(Link("a", "x", LinkType.FS, id="ax"))
    plan.add_link(Link("x", "c", LinkType.FS, id="xc"))
    return plan


def test_a_partner_copy_keeps_task_modes_and_the_shown_tasks_dates():
    plan = _plan()
    out = redact_project(plan, "public")
    assert set(out.tasks) == {"a", "b", "c"} and out.tasks["b"].manual and not out.tasks["c"].manual
    before, after = schedule(plan).tasks, schedule(out).tasks
    assert before["c"].early_start == date(2030, 1, 8)  # after X (Jan 5-8), not after A (Jan 11)
    for tid in out.tasks:
        assert (after[tid].early_start, after[tid].early_finish) == (before[tid].early_start,
                                                                     before[tid].early_finish), tid


def test_a_manual_start_shows_in_the_diff_and_merges_three_ways(small_plan):
    base = clone_project(small_plan)
    base.tasks["t-a"].manual, base.tasks["t-a"].manual_start = True, date(2030, 1, 1)
    ours, theirs = clone_project(base), clone_project(base)
    ours.tasks["t-a"].duration = 20
    theirs.tasks["t-a"].manual_start = date(2030, 2, 4)  # they moved the manual task
    diff = diff_projects(base, theirs, with_schedule=False)
    changes = {item.label: {c.field: (c.old, c.new) for c in item.changes} for item in diff.tasks.changed}
    assert changes == {"Mission A (A)": {"manual_start": ("2030-01-01", "2030-02-04")}}
    result = merge_projects(base, ours, theirs)
    assert result.clean
    merged = result.project.tasks["t-a"]
    assert (merged.duration, merged.manual_start) == (20, date(2030, 2, 4))
    assert schedule(result.project).tasks["t-a"].early_start == date(2030, 2, 4)


def test_both_sides_moving_a_manual_task_is_a_conflict(small_plan):
    base = clone_project(small_plan)
    base.tasks["t-a"].manual, base.tasks["t-a"].manual_start = True, date(2030, 1, 1)
    ours, theirs = clone_project(base), clone_project(base)
    ours.tasks["t-a"].manual_start, theirs.tasks["t-a"].manual_start = date(2030, 1, 7), date(2030, 2, 4)
    result = merge_projects(base, ours, theirs)
    assert not result.clean
    assert any(conflict.field == "manual_start" for conflict in result.conflicts)

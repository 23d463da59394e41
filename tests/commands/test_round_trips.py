"""Every command: apply → check → revert → equal to the original → apply again → equal to the first result."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from ilrs_planner.commands.base import ChangeSet
from ilrs_planner.commands.composite import AllOrNothing
from ilrs_planner.commands.links import AddLink, DeleteLink, EditLink
from ilrs_planner.commands.plan import SetPlanFields
from ilrs_planner.commands.tasks import (
    AddTask,
    DeleteTasks,
    IndentTask,
    MoveTaskDown,
    MoveTaskStart,
    MoveTaskUp,
    OutdentTask,
    SetDuration,
    SetTaskFields,
)
from ilrs_planner.domain import Confidence, ConstraintType, LinkType, Precision, Task


def order(project):
    """Keys in WBS order with depth, as a planner sees the outline."""
    return [(task.key, depth) for task, depth in project.walk()]


CASES = {
    "add task after A": (
        lambda: AddTask(Task(key="N", name="New", duration=5, id="n", parent_id="ph"), after_id="a"),
        lambda p: order(p) == [("PH", 0), ("A", 1), ("N", 1), ("B", 1), ("C", 1), ("M", 0)],
    ),
    "add milestone at end": (
        lambda: AddTask(Task(key="Z", name="End", id="z")),
        lambda p: order(p)[-1] == ("Z", 0) and p.tasks["z"].is_milestone,
    ),
    "delete summary with children": (
        lambda: DeleteTasks(["ph"]),
        lambda p: order(p) == [("M", 0)] and not p.links,
    ),
    "delete one task and its links": (
        lambda: DeleteTasks(["b"]),
        lambda p: "b" not in p.tasks and set(p.links) == {"cm"},
    ),
    "rename": (
        lambda: SetTaskFields("a", name="Chang'e 7"),
        lambda p: p.tasks["a"].name == "Chang'e 7",
    ),
    "several fields with enums as text": (
        lambda: SetTaskFields("b", precision="year", constraint="FNLT", constraint_date=date(2035, 12, 31),
                              optimistic=5, most_likely=20, pessimistic=40, notes="by 2035"),
        lambda p: p.tasks["b"].precision is Precision.YEAR and p.tasks["b"].constraint is ConstraintType.FNLT
        and p.tasks["b"].pessimistic == 40,
    ),
    "provenance: an assumption with its source's date": (
        lambda: SetTaskFields("b", confidence="assumption", source_date=date(2025, 6, 18)),
        lambda p: (p.tasks["b"].confidence, p.tasks["b"].source_date) == (Confidence.ASSUMPTION, date(2025, 6, 18)),
    ),
    "provenance: sourced, stated explicitly": (
        lambda: SetTaskFields("a", confidence="sourced", source_date=None),
        lambda p: p.tasks["a"].confidence is Confidence.SOURCED and p.tasks["a"].source_date is None,
    ),
    "manually scheduled, held on its start": (
        lambda: SetTaskFields("b", manual=True, constraint="SNET", constraint_date=date(2030, 1, 11)),
        lambda p: p.tasks["b"].manual and p.tasks["b"].constraint is ConstraintType.SNET,
    ),
    "set duration": (lambda: SetDuration("c", 45), lambda p: p.tasks["c"].duration == 45),
    "move start (SNET)": (
        lambda: MoveTaskStart("b", date(2031, 3, 1)),
        lambda p: (p.tasks["b"].constraint, p.tasks["b"].constraint_date) == (ConstraintType.SNET, date(2031, 3, 1)),
    ),
    "indent B under A": (
        lambda: IndentTask("b"),
        lambda p: order(p) == [("PH", 0), ("A", 1), ("B", 2), ("C", 1), ("M", 0)],
    ),
    "outdent C": (
        lambda: OutdentTask("c"),
        lambda p: order(p) == [("PH", 0), ("A", 1), ("B", 1), ("C", 0), ("M", 0)],
    ),
    "move B up": (
        lambda: MoveTaskUp("b"),
        lambda p: order(p) == [("PH", 0), ("B", 1), ("A", 1), ("C", 1), ("M", 0)],
    ),
    "move PH down": (
        lambda: MoveTaskDown("ph"),
        lambda p: order(p) == [("M", 0), ("PH", 0), ("A", 1), ("B", 1), ("C", 1)],
    ),
    "add link SS with lag": (
        lambda: AddLink("a", "c", LinkType.SS, 7, link_id="ac"),
        lambda p: (p.links["ac"].type, p.links["ac"].lag) == (LinkType.SS, 7),
    ),
    "edit link": (
        lambda: EditLink("ab", "FF", -3),
        lambda p: (p.links["ab"].type, p.links["ab"].lag) == (LinkType.FF, -3),
    ),
    "delete link": (lambda: DeleteLink("bc"), lambda p: "bc" not in p.links),
    "all-or-nothing task edit with links": (
        lambda: AllOrNothing("Edit task details", [
            SetTaskFields("c", name="Luna-27", duration=40), EditLink("bc", "SS", 5), DeleteLink("cm"),
            AddLink("a", "c", "FS", -2, link_id="ac")]),
        lambda p: p.tasks["c"].name == "Luna-27" and set(p.links) == {"ab", "bc", "ac"} and p.links["ac"].lag == -2,
    ),
    "plan fields": (
        lambda: SetPlanFields(name="ILRS 2026", status_date=date(2026, 4, 1)),
        lambda p: (p.name, p.status_date) == ("ILRS 2026", date(2026, 4, 1)),
    ),
    "must finish by": (
        lambda: SetPlanFields(must_finish_by=date(2036, 12, 31)),
        lambda p: p.must_finish_by == date(2036, 12, 31),
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_command_round_trip(plan, case):
    make, check = CASES[case]
    original = copy.deepcopy(plan)
    command = make()
    changes = command.apply(plan)
    assert isinstance(changes, ChangeSet)
    assert check(plan), case
    assert plan != original
    after = copy.deepcopy(plan)
    command.revert(plan)
    assert plan == original
    command.apply(plan)
    assert plan == after
    assert command.text and command.text != "Edit"


def test_changesets_name_the_touched_tasks(plan):
    assert SetTaskFields("a", notes="x").apply(plan) == ChangeSet(frozenset({"a"}))
    assert SetDuration("a", 3).apply(plan).dates
    changes = DeleteTasks(["ph"]).apply(plan)
    assert changes.task_ids == {"ph", "a", "b", "c"} and changes.structure and changes.links


def test_a_stated_confidence_can_be_unstated_again_and_undone(plan):
    SetTaskFields("a", confidence="inferred").apply(plan)
    unstate = SetTaskFields("a", confidence=None)
    unstate.apply(plan)
    assert plan.tasks["a"].confidence is None
    unstate.revert(plan)
    assert plan.tasks["a"].confidence is Confidence.INFERRED


def test_a_drag_of_a_bars_end_through_0_days_undoes_to_the_task_it_was(plan):
    # A bar's end dragged to 3 days, then to 0 (a milestone, as MS Project makes a 0-day task), is one
    # undo step: undone, Task A is the 10-day task it was, not a 10-day "milestone".
    from ilrs_planner.commands.tasks import SetDuration
    from ilrs_planner.domain import TaskKind

    first, second = SetDuration("a", 3), SetDuration("a", 0)
    first.apply(plan)
    second.apply(plan)
    assert plan.tasks["a"].kind == TaskKind.MILESTONE
    assert first.merge(second)
    first.revert(plan)
    assert (plan.tasks["a"].duration, plan.tasks["a"].kind) == (10, TaskKind.TASK)
    first.apply(plan)  # redo: the milestone again
    assert (plan.tasks["a"].duration, plan.tasks["a"].kind) == (0, TaskKind.MILESTONE)

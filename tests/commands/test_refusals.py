"""Edits that make no sense are refused with a code, and leave the plan exactly as it was."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from ilrs_planner.commands.composite import AllOrNothing
from ilrs_planner.commands.links import AddLink, DeleteLink, check_link_allowed
from ilrs_planner.commands.plan import SetPlanFields
from ilrs_planner.commands.tasks import (
    AddTask,
    IndentTask,
    MoveTaskDown,
    MoveTaskUp,
    OutdentTask,
    SetDuration,
    SetTaskFields,
)
from ilrs_planner.domain import PlannerError, Task

REFUSED = [
    (lambda: AddLink("c", "a"), "link.cycle"),
    (lambda: AddLink("m", "a"), "link.cycle"),
    (lambda: AddLink("a", "a"), "link.self"),
    (lambda: AddLink("a", "b"), "link.duplicate"),
    (lambda: AddLink("ph", "b"), "link.summary_child"),
    (lambda: AddLink("a", "nope"), "link.unknown_task"),
    (lambda: SetDuration("a", -1), "task.negative_duration"),
    (lambda: SetTaskFields("a", key="B"), "task.duplicate_key"),
    (lambda: SetTaskFields("a", name="  "), "task.bad_value"),
    (lambda: SetTaskFields("a", precision="fortnight"), "task.bad_value"),
    (lambda: SetTaskFields("a", confidence="rumour"), "task.bad_value"),
    (lambda: SetTaskFields("a", source_date="2025-06-18"), "task.bad_value"),
    (lambda: SetTaskFields("a", constraint="SNET"), "task.bad_value"),
    (lambda: SetTaskFields("a", owner_id="nobody"), "task.bad_value"),
    (lambda: SetTaskFields("a", parent_id=None), "task.bad_value"),
    (lambda: SetTaskFields("a", optimistic=30, most_likely=20, pessimistic=40), "task.bad_value"),
    (lambda: SetTaskFields("a", actual_start=date(2030, 5, 1), actual_finish=date(2030, 4, 1)), "task.bad_value"),
    (lambda: SetTaskFields("zz", name="x"), "task.unknown"),
    (lambda: AddTask(Task(key="A", name="Again")), "task.duplicate_key"),
    (lambda: IndentTask("a"), "task.cannot_move"),
    (lambda: OutdentTask("m"), "task.cannot_move"),
    (lambda: MoveTaskUp("ph"), "task.cannot_move"),
    (lambda: MoveTaskDown("c"), "task.cannot_move"),
    (lambda: SetPlanFields(name=""), "task.bad_value"),
    (lambda: SetPlanFields(must_finish_by="2036-12-31"), "task.bad_value"),  # text, not a date
    # Text the store would refuse on save is refused at the edit (a terminal escape pasted in).
    (lambda: SetTaskFields("a", name="Relay\x1b[2K unit"), "text.control_character"),
    (lambda: SetTaskFields("a", notes="ok\nbut\x00hidden"), "text.control_character"),
    (lambda: SetTaskFields("a", source_url="https://x.example/\r\n"), "text.control_character"),
    (lambda: SetTaskFields("a", name="x" * 1001), "text.too_long"),
    (lambda: AddTask(Task(key="N\x07", name="New")), "text.control_character"),
    (lambda: SetPlanFields(author="CNSA\x9b"), "text.control_character"),
    # The rename and the link removal happen first, then the loop is refused: all of it is undone.
    (lambda: AllOrNothing("Edit", [SetTaskFields("a", name="x"), DeleteLink("ab"), AddLink("m", "b")]), "link.cycle"),
]


@pytest.mark.parametrize("make, code", REFUSED, ids=[code + f"-{i}" for i, (_, code) in enumerate(REFUSED)])
def test_refused_without_change(plan, make, code):
    original = copy.deepcopy(plan)
    with pytest.raises(PlannerError) as caught:
        make().apply(plan)
    assert caught.value.code == code
    assert plan == original


def test_cycle_message_names_the_loop_by_keys(plan):
    with pytest.raises(PlannerError) as caught:
        check_link_allowed(plan, "m", "a")
    loop = caught.value.subject_ids
    assert set(loop) == {"a", "b", "c", "m"}
    keys = [plan.tasks[tid].key for tid in loop]
    assert " → ".join(keys + keys[:1]) in caught.value.message
    start = keys.index("A")  # the loop follows the links: A → B → C → M → A
    assert keys[start:] + keys[:start] == ["A", "B", "C", "M"]


def test_nudges_of_one_field_merge_and_revert_to_the_start(plan):
    first, second = SetDuration("a", 12), SetDuration("a", 14)
    first.apply(plan)
    second.apply(plan)
    assert first.merge_key == second.merge_key and first.merge(second)
    first.revert(plan)
    assert plan.tasks["a"].duration == 10
    first.apply(plan)
    assert plan.tasks["a"].duration == 14
    assert not SetDuration("a", 1).merge(SetTaskFields("a", name="x"))


def test_control_character_refusal_names_field_and_position_without_echoing_it(plan):
    with pytest.raises(PlannerError) as caught:
        SetTaskFields("a", name="Relay\x1b[2K unit").apply(plan)
    assert "name holds the control character U+001B at character 6" in caught.value.message
    assert "\x1b" not in caught.value.message


def test_notes_keep_their_line_breaks_and_tabs(plan):
    SetTaskFields("a", notes="line one\n\tline two").apply(plan)
    assert plan.tasks["a"].notes == "line one\n\tline two"

"""Copied tasks read back from the clipboard: what a copy writes reads back the same, and a clipboard
another program filled is refused by code, naming what is wrong, or cleaned as an import cleans text."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from commands.conftest import build_small_plan

from ilrs_planner.domain import Classification, ConstraintType, Link, PlannerError, Precision, Task
from ilrs_planner.exchange.clip_format import MAX_BYTES, MAX_TASKS, TaskCopy, copy_to_json
from ilrs_planner.exchange.clip_read import copy_from_json


def clipboard(tasks: list[dict], links: list[dict] | None = None, **more) -> bytes:
    document = {"format": "ilrs-planner-tasks", "version": 1, "tasks": tasks, "links": links or [], **more}
    return json.dumps(document).encode()


def refusal(data: bytes) -> PlannerError:
    with pytest.raises(PlannerError) as caught:
        copy_from_json(data)
    return caught.value


def test_a_copy_reads_back_with_every_field_it_wrote():
    plan = build_small_plan()
    task = plan.tasks["b"]
    task.constraint, task.constraint_date, task.precision = ConstraintType.SNET, date(2031, 6, 1), Precision.MONTH
    task.notes, task.classification, task.elapsed = "Line one\n\tline two", Classification.RESTRICTED, True
    tasks = tuple(plan.tasks[tid] for tid in ("ph", "a", "b"))
    copied = TaskCopy(tasks, (plan.links["ab"],), {"p-cnsa": "CNSA"}, {})
    back = copy_from_json(copy_to_json(copied))
    assert [t.key for t in back.tasks] == ["PH", "A", "B"]
    # the same values, field by field; the copy numbers its tasks (a paste gives them new ids)
    assert back.tasks[2] == dataclasses.replace(task, id="2", parent_id="0", position=0)
    assert (back.tasks[1].parent_id, back.tasks[0].parent_id) == ("0", None)
    assert [(k.pred_id, k.succ_id) for k in back.links] == [("1", "2")]
    assert back.owner_keys == {"p-cnsa": "CNSA"}


def test_text_loses_control_and_bidirectional_characters_as_an_import_cleans_it():
    copied = copy_from_json(clipboard([{"key": "K\x1b[2J", "name": "\u202egnissim", "id": "x",
                                        "notes": "one\x00\ntwo\u2066"}]))
    (task,) = copied.tasks
    assert (task.key, task.name, task.notes) == ("K[2J", "gnissim", "one\ntwo")


@pytest.mark.parametrize("data, code, named", [
    (b"\xff\xfe not json", "clipboard.bad_format", "not readable JSON"),
    (b"[" * 100_000 + b"]" * 100_000, "clipboard.bad_format", "not readable JSON"),
    (json.dumps({"format": "something else", "version": 1}).encode(), "clipboard.bad_format",
     "not tasks copied by ILRS Planner"),
    (json.dumps({"format": "ilrs-planner-tasks", "version": 7, "tasks": []}).encode(), "clipboard.newer_version",
     "format 7"),
    (json.dumps({"format": "ilrs-planner-tasks", "version": 1, "tasks": "all"}).encode(), "clipboard.bad_format",
     "must be lists"),
])
def test_a_clipboard_that_is_not_a_copy_of_ours_is_refused(data, code, named):
    error = refusal(data)
    assert error.code == code and named in error.message


@pytest.mark.parametrize("record, named", [
    ({"duration": "10"}, "task 1, duration: '10' is not a whole number"),
    ({"duration": True}, "task 1, duration: 'True' is not a whole number"),
    ({"duration": -1}, "task 1, duration"),
    ({"duration": 10**9}, "task 1, duration"),
    ({"percent_complete": 101}, "task 1, percent complete"),
    ({"deadline": "2031-02-31"}, "task 1, deadline: '2031-02-31' is not a real date"),
    ({"deadline": "3031-01-01"}, "task 1, deadline: '3031-01-01': year 3031 is outside 1900-2200"),
    ({"constraint": "SNET"}, "the constraint SNET needs date"),
    ({"kind": "spaceship"}, "task 1, kind: 'spaceship' is not one of"),
    ({"elapsed": 1}, "task 1, elapsed: '1' is not true or false"),
    ({"name": ["list"]}, "task 1, name: not text"),
    ({"name": "x" * 1001}, "task 1, name: 1,001 characters; at most 1,000 fit"),
    ({"parent_id": "nowhere"}, "task 1 (T) names a parent that is not copied before it"),
    ({"id": ""}, "task 1, id: an id of 1 to 64 characters"),
    ({"optimistic": 5, "most_likely": 3, "pessimistic": 9}, "not optimistic <= most likely <= pessimistic"),
])
def test_a_value_a_plan_cannot_hold_refuses_the_paste_naming_task_and_field(record, named):
    error = refusal(clipboard([{"key": "T", "name": "Task", "id": "t", **record}]))
    assert error.code in ("clipboard.bad_value", "text.too_long") and named in error.message


def test_a_parent_copied_after_its_child_is_refused_so_no_parents_loop():
    tasks = [{"key": "A", "name": "A", "id": "a", "parent_id": "b"}, {"key": "B", "name": "B", "id": "b",
                                                                      "parent_id": "a"}]
    assert "task 1 (A) names a parent" in refusal(clipboard(tasks)).message


def test_links_that_loop_are_refused_by_name():
    tasks = [{"key": k, "name": k, "id": k} for k in "XYZ"]
    links = [{"pred": "X", "succ": "Y"}, {"pred": "Y", "succ": "Z"}, {"pred": "Z", "succ": "X"}]
    error = refusal(clipboard(tasks, links))
    assert error.code == "link.cycle" and "X → Y → Z → X" in error.message.replace("Y → Z → X → Y", "X → Y → Z → X")


@pytest.mark.parametrize("link, named", [
    ({"pred": "X", "succ": "elsewhere"}, "link 1 does not join two copied tasks"),
    ({"pred": "X", "succ": "X"}, "link 1 does not join two copied tasks"),
    ({"pred": "X", "succ": "Y", "type": "XX"}, "link 1 (X → Y) has a type or lag"),
    ({"pred": "X", "succ": "Y", "lag": 1.5}, "link 1 (X → Y) has a type or lag"),
])
def test_a_link_that_is_not_one_among_the_copied_tasks_is_refused(link, named):
    tasks = [{"key": k, "name": k, "id": k} for k in "XY"]
    assert named in refusal(clipboard(tasks, [link])).message


def test_more_bytes_or_rows_than_a_paste_takes_are_refused_before_reading():
    assert refusal(b" " * (MAX_BYTES + 1)).code == "clipboard.too_large"
    many = clipboard([{"key": "T", "name": "T", "id": str(n)} for n in range(MAX_TASKS + 1)])
    error = refusal(many)
    assert error.code == "clipboard.too_large" and f"{MAX_TASKS + 1:,} tasks" in error.message


def test_a_copy_of_the_most_tasks_a_paste_takes_fits_the_bytes_it_reads():
    tasks = tuple(Task(key=f"T-{n}", name=f"Survey site {n}", duration=n % 300, id=f"{n:032x}")
                  for n in range(MAX_TASKS))
    links = tuple(Link(a.id, b.id) for a, b in zip(tasks, tasks[1:], strict=False))
    data = copy_to_json(TaskCopy(tasks, links))
    assert len(data) <= MAX_BYTES
    assert len(copy_from_json(data).tasks) == MAX_TASKS

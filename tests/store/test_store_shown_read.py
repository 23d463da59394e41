"""A plan read to be shown (tasks and links made only when asked for) is checked as one read to be edited.

`schedule` reads its plan without building Task and Link objects (domain.column_rows). Every file
the full open refuses must be refused by that read too, with the same code, message and subjects,
and a sound file must read as the same plan.
"""

from __future__ import annotations

import pytest
from file_surgery import query_one, tamper

from ilrs_planner.domain import PlannerError, Task
from ilrs_planner.domain.column_rows import ColumnRows, in_order, values_of
from ilrs_planner.store import open_project_columns


def _num(path, task_id: str) -> int:
    return query_one(path, "SELECT num FROM tasks WHERE id = ?", (task_id,))[0]


def _loop(path) -> tuple[str, ...]:
    return (f"UPDATE tasks SET parent = {_num(path, 'task-4')} WHERE num = {_num(path, 'task-phase')}",)


def _own_parent(path) -> tuple[str, ...]:
    return (f"UPDATE tasks SET parent = num WHERE num = {_num(path, 'task-phase')}",)


# Each: SQL statements (or a function of the file giving them) that spoil a sound plan file.
SPOILED = {
    "dangling owner": ("UPDATE tasks SET owner = 999 WHERE id = 'task-1'",),
    "dangling calendar": ("UPDATE tasks SET calendar = 77 WHERE id = 'task-3'",),
    "dangling parent": ("UPDATE tasks SET parent = 5000 WHERE id = 'task-2'",),
    "dangling link end": ("UPDATE links SET succ = 4242 WHERE id = 'link-0'",),
    "link from no task": ("UPDATE links SET pred = -3 WHERE id = 'link-1'",),
    "duplicate task id": ("UPDATE tasks SET id = 'task-1' WHERE id = 'task-2'",),
    "duplicate link id": ("UPDATE links SET id = 'link-0' WHERE id = 'link-2'",),
    "WBS loop": _loop,
    "own parent": _own_parent,
    "bad UTF-8": ("UPDATE tasks SET name = CAST(x'4368616e67ff65' AS TEXT) WHERE id = 'task-2'",),
    "control character in a key": ("UPDATE tasks SET key = 'key' || char(27) WHERE id = 'task-0'",),
    "bidirectional control in a name": ("UPDATE tasks SET name = char(8238) || 'gnissim' WHERE id = 'task-1'",),
    "carriage return in notes": ("UPDATE tasks SET notes = 'a' || char(13) || 'b' WHERE id = 'task-1'",),
    "control character in a link id": ("UPDATE links SET id = 'link-' || char(31) WHERE id = 'link-0'",),
    "rule broken": ("PRAGMA ignore_check_constraints = ON",
                    "UPDATE tasks SET precision = 'decade' WHERE id = 'task-5'"),
    "bad date": ("PRAGMA ignore_check_constraints = ON",
                 "UPDATE tasks SET constraint_date = '2030-02-30' WHERE id = 'task-5'"),
    "no plan row": ("DELETE FROM plan",),
}


def _refusal(path, objects: bool) -> PlannerError:
    with pytest.raises(PlannerError) as caught:
        open_project_columns(path, objects=objects)
    return caught.value


@pytest.mark.parametrize("spoil", SPOILED.values(), ids=SPOILED.keys())
def test_every_file_the_full_open_refuses_the_shown_read_refuses_alike(plan_file, spoil):
    tamper(plan_file, *(spoil(plan_file) if callable(spoil) else spoil))
    edited, shown = _refusal(plan_file, objects=True), _refusal(plan_file, objects=False)
    assert (shown.code, shown.message, shown.subject_ids) == (edited.code, edited.message, edited.subject_ids)
    assert shown.code.startswith("store.")


def test_a_sound_file_reads_as_the_same_plan_without_objects(plan_file):
    edited, _ = open_project_columns(plan_file)
    shown, _ = open_project_columns(plan_file, objects=False)
    assert isinstance(shown.tasks, ColumnRows) and isinstance(shown.links, ColumnRows)
    assert list(shown.tasks) == list(edited.tasks) and list(shown.links) == list(edited.links)
    assert dict(shown.tasks) == edited.tasks and dict(shown.links) == edited.links
    assert list(in_order(shown.tasks)) == list(edited.tasks.values())
    # Fields read as columns are what the objects hold, every field of every task.
    for name in Task.__dataclass_fields__:
        assert values_of(in_order(shown.tasks), name) == [getattr(task, name) for task in edited.tasks.values()]
    assert (shown.name, shown.start, shown.calendars, shown.participants, shown.baselines, shown.signature) == (
        edited.name, edited.start, edited.calendars, edited.participants, edited.baselines, edited.signature)


def test_a_plan_read_without_objects_cannot_be_changed(plan_file):
    shown, _ = open_project_columns(plan_file, objects=False)
    with pytest.raises(TypeError):
        shown.tasks["task-new"] = shown.tasks["task-1"]  # type: ignore[index]
    task = shown.tasks["task-1"]
    task.name = "Changed"
    assert shown.tasks["task-1"].name != "Changed"  # each object is made afresh from the file's row
    names = values_of(shown.tasks, "name")
    names[0] = "Changed"
    assert values_of(shown.tasks, "name")[0] != "Changed"  # nor changing a column read from it

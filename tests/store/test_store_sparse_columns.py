"""Columns that hold their usual value in most rows (owner, dates, notes, ...) are read only where they
differ: a value in one row of many must come back on that row, and be checked like any other."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import tamper

from ilrs_planner.domain import ConstraintType, Link, LinkType, Participant, PlannerError, Project, Task
from ilrs_planner.store import open_project, save_project


def _plan_with_a_few_unusual_rows() -> Project:
    project = Project("Sparse", date(2030, 1, 1), id="plan-sparse")
    project.add_participant(Participant("cnsa", "CNSA", id="owner-cnsa"))
    for i in range(40):
        project.add_task(Task(f"t{i}", f"Task {i}", 3, id=f"task-{i:02}", position=i))
    tasks = project.tasks
    tasks["task-07"].owner_id = "owner-cnsa"
    tasks["task-12"].notes = "only this row has notes\nover two lines"
    tasks["task-12"].constraint, tasks["task-12"].constraint_date = ConstraintType.SNET, date(2030, 3, 2)
    tasks["task-33"].deadline, tasks["task-33"].percent_complete = date(2031, 5, 6), 40
    tasks["task-39"].elapsed = True
    for i in range(39):
        project.add_link(Link(f"task-{i:02}", f"task-{i + 1:02}", LinkType.FS, id=f"link-{i:02}", elapsed=i == 20))
    return project


def test_a_value_in_one_row_of_many_comes_back_on_that_row(tmp_path):
    project = _plan_with_a_few_unusual_rows()
    save_project(project, tmp_path / "plan.db")
    loaded = open_project(tmp_path / "plan.db")
    assert loaded == project
    assert [t.id for t in loaded.tasks.values() if t.owner_id] == ["task-07"]
    assert loaded.tasks["task-12"].notes == "only this row has notes\nover two lines"
    assert loaded.tasks["task-33"].deadline == date(2031, 5, 6)
    assert [lid for lid, link in loaded.links.items() if link.elapsed] == ["link-20"]


def test_a_control_character_in_the_one_unusual_row_is_refused_naming_that_row(tmp_path):
    save_project(_plan_with_a_few_unusual_rows(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "UPDATE tasks SET source_url = 'https://x' || char(27) || '[2J' WHERE id = 'task-21'")
    with pytest.raises(PlannerError) as caught:
        open_project(tmp_path / "plan.db")
    assert caught.value.code == "store.bad_value"
    row = caught.value.subject_ids[2]
    assert "column source_url" in caught.value.message and "U+001B" in caught.value.message
    assert row == "22"  # the 22nd task row holds task-21


def test_a_bad_value_among_plainly_written_rows_is_refused_naming_its_task(tmp_path):
    # Tasks holding only usual values are written with a shorter statement, in runs between the others;
    # a refusal must still name the task it is about, not a neighbour.
    project = _plan_with_a_few_unusual_rows()
    project.tasks["task-25"].duration = -3
    with pytest.raises(PlannerError) as caught:
        save_project(project, tmp_path / "plan.db")
    assert caught.value.code == "task.negative_duration"
    assert "task 't25'" in caught.value.message and caught.value.subject_ids == ("task-25",)
    assert not (tmp_path / "plan.db").exists()


def test_unusual_values_after_gaps_in_the_row_numbers_come_back_on_their_rows(tmp_path):
    # Row numbers of a file edited by other tools need not run 1, 2, 3...: each unusual value must
    # still be placed on the row that holds it, not on the row at the same count.
    save_project(_plan_with_a_few_unusual_rows(), tmp_path / "plan.db")
    tamper(tmp_path / "plan.db", "DELETE FROM links",
           "DELETE FROM tasks WHERE id IN ('task-00', 'task-05', 'task-06', 'task-30')",
           "UPDATE tasks SET num = num + 1000 WHERE num > 20")
    loaded = open_project(tmp_path / "plan.db")
    assert len(loaded.tasks) == 36
    assert [t.id for t in loaded.tasks.values() if t.owner_id] == ["task-07"]
    assert [t.id for t in loaded.tasks.values() if t.notes] == ["task-12"]
    assert loaded.tasks["task-12"].constraint == ConstraintType.SNET
    assert [(t.id, t.percent_complete) for t in loaded.tasks.values() if t.percent_complete] == [("task-33", 40)]
    assert [t.id for t in loaded.tasks.values() if t.elapsed] == ["task-39"]


def test_a_column_unusual_in_every_row_comes_back_whole(tmp_path):
    project = _plan_with_a_few_unusual_rows()
    for i, task in enumerate(project.tasks.values()):
        task.percent_complete = i + 1
    save_project(project, tmp_path / "plan.db")
    loaded = open_project(tmp_path / "plan.db")
    assert [t.percent_complete for t in loaded.tasks.values()] == list(range(1, 41))
    assert loaded == project

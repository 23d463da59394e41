"""Outline edits keep the order a planner sees, where positions tie; deletes take exactly their links."""

from __future__ import annotations

from datetime import date

from ilrs_planner.commands.tasks import AddTask, DeleteTasks, IndentTask, OutdentTask
from ilrs_planner.domain import Link, Project, Task


def tied_plan() -> Project:
    """Top level: X then Y, both at position 0 (an imported plan can tie), X holding P and Q."""
    project = Project(name="Ties", start=date(2030, 1, 1))
    project.add_task(Task(key="X", name="X", id="x", position=0))
    project.add_task(Task(key="Y", name="Y", duration=5, id="y", position=0))
    project.add_task(Task(key="P", name="P", duration=5, id="p", parent_id="x", position=0))
    project.add_task(Task(key="Q", name="Q", duration=5, id="q", parent_id="x", position=1))
    for pred, succ in [("p", "q"), ("q", "y"), ("p", "y")]:
        project.add_link(Link(pred, succ, id=f"{pred}{succ}"))
    return project


def outline(project: Project) -> list[tuple[str, int]]:
    return [(task.key, depth) for task, depth in project.walk()]


def test_a_task_added_after_the_first_of_tied_siblings_comes_right_after_it():
    project = tied_plan()
    AddTask(Task(key="N", name="New", duration=3, id="n"), after_id="x").apply(project)
    assert outline(project) == [("X", 0), ("P", 1), ("Q", 1), ("N", 0), ("Y", 0)]


def test_indenting_the_second_of_tied_siblings_puts_it_under_the_first():
    project = tied_plan()
    IndentTask("y").apply(project)
    assert outline(project) == [("X", 0), ("P", 1), ("Q", 1), ("Y", 1)]
    OutdentTask("y").apply(project)
    assert outline(project) == [("X", 0), ("P", 1), ("Q", 1), ("Y", 0)]


def test_deleting_leaves_takes_their_links_alone_and_undo_brings_them_back():
    project = tied_plan()
    command = DeleteTasks(["q"])
    changes = command.apply(project)
    assert set(project.links) == {"py"} and changes.task_ids == {"q"} and changes.links
    command.revert(project)
    assert set(project.links) == {"pq", "qy", "py"} and outline(project)[2] == ("Q", 1)


def test_deleting_a_summary_takes_everything_under_it_and_every_link_touching_them():
    project = tied_plan()
    changes = DeleteTasks(["x", "y"]).apply(project)
    assert not project.tasks and not project.links and changes.task_ids == {"x", "p", "q", "y"}

"""An indent under a task linked with the moved branch takes that link away in the same step: a
summary linked to its own sub-task can be scheduled by no one, and keeping it left every task of the
plan undated. Undo brings back the place and the link."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.commands.tasks import IndentTask
from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.engine.cpm import schedule


def plan(*links: tuple[str, str]) -> Project:
    """Design, Build (holding Weld), Test at the top level (7-day calendar, 5 days each, Weld 3),
    linked as given."""
    project = Project(name="Indents", start=date(2030, 1, 7))
    for position, (tid, name) in enumerate([("d", "Design"), ("b", "Build"), ("t", "Test")]):
        project.add_task(Task(key=tid.upper(), name=name, duration=5, id=tid, position=position))
    project.add_task(Task(key="W", name="Weld", duration=3, id="w", parent_id="b", position=0))
    for pred, succ in links:
        project.add_link(Link(pred, succ, id=f"{pred}{succ}"))
    return project


def state(project: Project) -> tuple[dict, list]:
    return {tid: (task.parent_id, task.position) for tid, task in project.tasks.items()}, sorted(project.links)


@pytest.mark.parametrize("joining", [("d", "b"), ("b", "d"), ("d", "w"), ("w", "d")])
def test_the_link_between_the_new_summary_and_the_moved_branch_goes_and_undo_brings_it_back(joining):
    project = plan(joining, ("b", "t"))
    before = state(project)
    indent = IndentTask("b")
    changes = indent.apply(project)
    assert project.tasks["b"].parent_id == "d" and sorted(project.links) == ["bt"]
    assert indent.text == "Indent 'Build' (and remove the link " \
        f"'{project.tasks[joining[0]].name}' → '{project.tasks[joining[1]].name}')"
    assert changes.links and {"d", "b"} <= changes.task_ids
    # Scheduled again: Design now spans Weld's 3 days (the 7th to the 9th), Test follows Build.
    dates = schedule(project).tasks
    assert (dates["d"].early_start, dates["d"].early_finish) == (date(2030, 1, 7), date(2030, 1, 10))
    assert dates["t"].early_start == date(2030, 1, 10)
    indent.revert(project)
    assert state(project) == before
    indent.apply(project)  # redo
    assert sorted(project.links) == ["bt"] and project.tasks["b"].parent_id == "d"


def test_links_elsewhere_stay_when_a_task_is_indented():
    project = plan(("d", "t"), ("w", "t"))  # Design and Weld both lead to Test, not to each other
    indent = IndentTask("b")
    indent.apply(project)
    assert project.tasks["b"].parent_id == "d" and sorted(project.links) == ["dt", "wt"]
    assert indent.text == "Indent 'Build'" and indent.dropped == []

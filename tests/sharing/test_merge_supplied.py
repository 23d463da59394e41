"""A merge records which tasks and participants have a name, key or source the other plan gave them."""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Participant, Project, Task
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects


def _base() -> Project:
    plan = Project("Plan", date(2030, 1, 1))
    plan.add_task(Task("a", "Survey", 5, id="a"))
    plan.add_task(Task("b", "Landing", 5, id="b", position=1))
    return plan


def test_their_new_and_renamed_tasks_and_new_participant_are_recorded_ours_are_not():
    base = _base()
    ours, theirs = clone_project(base), clone_project(base)
    ours.tasks["b"].name = "Landing rehearsal"  # our own rename: ours
    ours.add_task(Task("c", "Our new task", 2, id="c", position=2))
    theirs.tasks["a"].name = "Nightjar Orbitex survey"
    theirs.tasks["b"].duration = 9  # a change that names nothing
    theirs.add_task(Task("T-3", "Bird survey", 1, id="t", position=3, source_url="https://x.example/orbitex"))
    theirs.participants["p"] = Participant("orbitex", "Orbitex Corp", id="p")
    result = merge_projects(base, ours, theirs)
    assert result.clean and result.project.tasks["a"].name == "Nightjar Orbitex survey"
    assert result.project.supplied == {"a", "t", "p"}


def test_the_record_stays_with_the_next_merge_and_goes_with_the_task():
    base = _base()
    ours = clone_project(base)
    ours.supplied = frozenset({"a", "b"})
    theirs = clone_project(base)
    del theirs.tasks["b"]
    result = merge_projects(base, ours, theirs)
    assert "b" not in result.project.tasks and result.project.supplied == {"a"}

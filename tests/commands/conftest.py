"""A small plan with a WBS, links and an owner, built fresh for every test."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.domain import Link, Participant, Project, Task, TaskKind


def build_small_plan() -> Project:
    """PH (A, B, C) then M; links A→B, B→C, C→M; CNSA owns A."""
    project = Project(name="Small", start=date(2030, 1, 1))
    cnsa = project.add_participant(Participant(key="CNSA", name="China National Space Administration", id="p-cnsa"))
    project.add_task(Task(key="PH", name="Phase", kind=TaskKind.PHASE, id="ph", position=0))
    for index, key in enumerate("ABC"):
        project.add_task(Task(key=key, name=f"Task {key}", duration=10 * (index + 1), id=key.lower(),
                              parent_id="ph", position=index))
    project.tasks["a"].owner_id = cnsa.id
    project.add_task(Task(key="M", name="Milestone", kind=TaskKind.MILESTONE, id="m", position=1))
    for pred, succ in [("a", "b"), ("b", "c"), ("c", "m")]:
        project.add_link(Link(pred, succ, id=f"{pred}{succ}"))
    return project


@pytest.fixture
def plan() -> Project:
    return build_small_plan()

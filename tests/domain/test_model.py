"""The WBS is walked in display order and lookups fail with codes that name what was missing."""

from datetime import date

import pytest

from ilrs_planner.domain import Baseline, PlannerError, Project, Task


def _plan() -> Project:
    project = Project(name="p", start=date(2030, 1, 1))
    phase = project.add_task(Task(key="phase", name="Phase", position=0))
    project.add_task(Task(key="b", name="B", parent_id=phase.id, position=2))
    project.add_task(Task(key="a", name="A", parent_id=phase.id, position=1))
    project.add_task(Task(key="top", name="Top", position=1))
    return project


def test_walk_is_preorder_with_depth_and_sibling_order():
    assert [(t.key, depth) for t, depth in _plan().walk()] == [("phase", 0), ("a", 1), ("b", 1), ("top", 0)]


def test_summaries_are_tasks_with_children():
    project = _plan()
    phase = project.task_by_key("phase")
    assert project.is_summary(phase.id) and not project.is_summary(project.task_by_key("a").id)
    assert project.next_position(phase.id) == 3


def test_unknown_key_and_baseline_are_named():
    project = _plan()
    with pytest.raises(PlannerError) as err:
        project.task_by_key("nope")
    assert err.value.code == "task.unknown" and "nope" in err.value.message
    project.baselines.append(Baseline(name="2021 roadmap", as_of=date(2021, 6, 16), entries={}))
    with pytest.raises(PlannerError) as err:
        project.baseline("2099")
    assert err.value.code == "baseline.unknown" and "2021 roadmap" in err.value.message


def test_baselines_are_immutable():
    baseline = Baseline(name="b", as_of=date(2024, 1, 1), entries={"x": (date(2030, 1, 1), date(2030, 2, 1))})
    with pytest.raises(TypeError):
        baseline.entries["x"] = (date(2031, 1, 1), date(2031, 2, 1))
    with pytest.raises(AttributeError):
        baseline.name = "c"

"""The WBS is walked in display order and lookups fail with codes that name what was missing."""

from datetime import date

import pytest

from ilrs_planner.domain import Baseline, Calendar, CalendarException, PlannerError, Project, Task


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


def test_working_days_counts_the_days_a_calendar_works_in_a_half_open_span():
    # Mon 2030-01-07 .. Fri 2030-01-18 is two weeks of Mon-Fri: 10 days; the stop day is not counted.
    standard = Calendar("Standard", (True,) * 5 + (False, False))
    assert standard.working_days(date(2030, 1, 7), date(2030, 1, 19)) == 10
    assert standard.working_days(date(2030, 1, 7), date(2030, 1, 7)) == 0
    standard.exceptions += [CalendarException("Holiday", date(2030, 1, 9), date(2030, 1, 9)),
                            CalendarException("Make-up Saturday", date(2030, 1, 12), date(2030, 1, 12), working=True)]
    assert standard.working_days(date(2030, 1, 7), date(2030, 1, 19)) == 10 - 1 + 1
    assert standard.working_days(date(2030, 1, 8), date(2030, 1, 10)) == 1  # Tue worked, Wed a holiday
    assert Calendar("Every day").working_days(date(2030, 1, 7), date(2030, 1, 19)) == 12


def test_a_task_is_found_by_its_key_only_when_no_other_task_shares_it():
    from datetime import date

    from ilrs_planner.domain import PlannerError, Project, Task

    plan = Project("Keys", date(2030, 1, 1))
    plan.add_task(Task("R", "Rover", 5, id="r1"))
    assert plan.task_by_key("R").id == "r1"
    plan.add_task(Task("R", "Rover spare", 5, id="r2"))
    with pytest.raises(PlannerError) as caught:
        plan.task_by_key("R")
    assert caught.value.code == "task.ambiguous_key" and list(caught.value.subject_ids) == ["r1", "r2"]
    with pytest.raises(PlannerError) as caught:
        plan.task_by_key("Q")
    assert caught.value.code == "task.unknown"

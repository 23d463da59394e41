"""Scheduling a plan from its file's columns as read (engine.file_columns) gives the hand-computed
dates and refusals of the case catalogue, as scheduling its objects does."""

from __future__ import annotations

import tomllib
from datetime import date

import numpy as np
import pytest
from test_cpm_cases import CASES, FIELDS

from ilrs_planner.domain import Link, LinkType, PlannerError, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.store import open_project_columns, save_project


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_case_scheduled_from_its_file_columns(path, make_project, tmp_path):
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        save_project(make_project(spec), tmp_path / "case.db")
    except PlannerError:
        pytest.skip("a plan file cannot hold this case (saving refuses it)")
    project, columns = open_project_columns(tmp_path / "case.db")
    assert columns.fit(project)
    expect = spec["expect"]
    if "error" in expect:
        with pytest.raises(PlannerError) as caught:
            schedule(project, columns)
        error = caught.value
        assert (error.code, error.message) == (expect["error"]["code"], expect["error"]["message"])
        assert sorted(error.subject_ids) == sorted(expect["error"]["subjects"])
        return
    result = schedule(project, columns)
    assert (result.project_start, result.project_finish) == (expect["project_start"], expect["project_finish"])
    got = {key: {short: getattr(result.tasks[key], name) for short, name in FIELDS.items()}
           for key in expect["tasks"]}
    assert got == expect["tasks"]
    from_objects = schedule(project)
    assert result == from_objects
    assert result.links is not None and from_objects.links is not None
    assert result.links.ids == from_objects.links.ids
    for mine, theirs in zip((result.links.pred, result.links.succ, result.links.code),
                            (from_objects.links.pred, from_objects.links.succ, from_objects.links.code)):
        assert np.array_equal(mine, theirs)


def test_columns_of_a_plan_that_has_gained_a_task_since_are_not_used(make_project, tmp_path):
    save_project(make_project({"tasks": [{"key": "A", "duration": 5}, {"key": "B", "duration": 3}],
                               "links": [{"from": "A", "to": "B"}]}), tmp_path / "plan.db")
    project, columns = open_project_columns(tmp_path / "plan.db")
    project.add_task(Task("C", "C", 10, id="C", position=2))
    project.add_link(Link("B", "C", LinkType.FS, 0, id="link-new"))
    assert not columns.fit(project)
    result = schedule(project, columns)
    assert result.tasks["C"].early_start == date(2030, 1, 9)  # after A (5 days) and B (3 days)
    assert result.project_finish == date(2030, 1, 19)


def test_an_elapsed_task_on_a_working_calendar_scheduled_from_its_file_columns(make_project, tmp_path):
    # 2030-01-04 is a Friday. Elapsed, 3 days run Friday to Sunday; on the Monday-Friday calendar
    # 3 working days run Friday, Monday, Tuesday. The deadline and the actual start are bounds the
    # scheduler finds from the columns and reads from the tasks.
    spec = {"start": date(2030, 1, 4), "calendar": "week",
            "calendars": [{"id": "week", "weekdays": ["Mon", "Tue", "Wed", "Thu", "Fri"]}],
            "tasks": [{"key": "ELAPSED", "duration": 3, "elapsed": True},
                      {"key": "WORKING", "duration": 3, "deadline": date(2030, 1, 7)},
                      {"key": "DONE", "duration": 1, "actual_start": date(2030, 1, 2)}]}
    save_project(make_project(spec), tmp_path / "plan.db")
    project, columns = open_project_columns(tmp_path / "plan.db")
    result = schedule(project, columns)
    assert (result.tasks["ELAPSED"].early_start, result.tasks["ELAPSED"].early_finish) == \
        (date(2030, 1, 4), date(2030, 1, 7))
    assert (result.tasks["WORKING"].early_start, result.tasks["WORKING"].early_finish) == \
        (date(2030, 1, 4), date(2030, 1, 9))
    assert result.tasks["WORKING"].total_float == -1  # a working day past its deadline (Monday)
    assert result.tasks["DONE"].early_start == date(2030, 1, 2)
    assert result == schedule(project)

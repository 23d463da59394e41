"""The scheduler's case catalogue: every tests/engine/cases/*.toml network, dates computed by hand."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.engine.cpm import schedule_with

CASES = sorted((Path(__file__).parent / "cases").glob("*.toml"))
FIELDS = {"es": "early_start", "ef": "early_finish", "ls": "late_start", "lf": "late_finish",
          "tf": "total_float", "ff": "free_float", "critical": "critical"}


def test_the_catalogue_is_there():
    assert len(CASES) >= 25


@pytest.mark.parametrize("vectorised", [True, False], ids=["levels", "loops"])
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, vectorised: bool, make_project):
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    project = make_project(spec)
    expect = spec["expect"]
    if "error" in expect:
        with pytest.raises(PlannerError) as caught:
            schedule_with(project, vectorised)
        error = caught.value
        assert (error.code, error.message) == (expect["error"]["code"], expect["error"]["message"])
        assert sorted(error.subject_ids) == sorted(expect["error"]["subjects"])
        return
    result = schedule_with(project, vectorised)
    assert (result.project_start, result.project_finish) == (expect["project_start"], expect["project_finish"])
    assert set(result.tasks) == set(project.tasks), "every task, summaries included, is scheduled"
    got = {key: {short: getattr(result.tasks[key], name) for short, name in FIELDS.items()}
           for key in expect["tasks"]}
    assert got == expect["tasks"]

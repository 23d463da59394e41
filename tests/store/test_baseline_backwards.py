"""A baseline entry that finishes before it starts is refused where it would enter a plan: a plan
file holding one (store.bad_value, naming the task and both dates) and an MS Project XML file
(import.bad_file, naming the task and the file's two stamps). The file is left as it was and the
plan open stays open. Such an entry used to be read as it was, a bar ending before it begins (from a
plan file), or silently shortened to nothing (from MS Project XML)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from ilrs_planner.domain import Baseline, PlannerError, Project, Task
from ilrs_planner.exchange.mspdi import read as read_mspdi
from ilrs_planner.exchange.mspdi import write as write_mspdi
from ilrs_planner.store import open_project, save_project


def _plan(entry: tuple[date, date]) -> Project:
    project = Project("Backwards", date(2030, 1, 1))
    project.add_task(Task("lander", "Lander", 10, id="lander", position=0))
    project.baselines.append(Baseline("2029 plan", date(2029, 6, 1), {"lander": entry}))
    return project


def test_a_plan_file_with_a_baseline_finishing_before_its_start_is_refused_naming_the_task_and_dates(tmp_path):
    path = tmp_path / "plan.db"
    save_project(_plan((date(2030, 5, 1), date(2030, 2, 1))), path)
    before = path.read_bytes()
    with pytest.raises(PlannerError) as refused:
        open_project(path)
    assert refused.value.code == "store.bad_value"
    message = refused.value.message
    assert "baseline_entries" in message and "'lander'" in message
    assert "2030-02-01 is before its start 2030-05-01" in message
    assert path.read_bytes() == before  # nothing written: the planner can mend it and open it again


def test_a_one_day_entry_and_a_milestones_point_still_open(tmp_path):
    for entry in ((date(2030, 5, 1), date(2030, 5, 2)), (date(2030, 5, 1), date(2030, 5, 1))):
        path = tmp_path / "plan.db"
        save_project(_plan(entry), path)
        assert open_project(path).baselines[0].entries["lander"] == entry


def test_ms_project_xml_with_a_baseline_finishing_before_its_start_is_refused(tmp_path):
    path = tmp_path / "plan.xml"
    write_mspdi(_plan((date(2030, 5, 1), date(2030, 5, 11))), path)
    text = path.read_text(encoding="utf-8")
    baseline = re.search(r"<Baseline>.*?</Baseline>", text, re.S)[0]
    backwards = re.sub(r"<Finish>[^<]*</Finish>", "<Finish>2030-02-01T17:00:00</Finish>", baseline)
    path.write_text(text.replace(baseline, backwards), encoding="utf-8")
    with pytest.raises(PlannerError) as refused:
        read_mspdi(path)
    assert refused.value.code == "import.bad_file"
    message = refused.value.message
    assert "Lander" in message and "(2030-02-01T17:00:00) before it starts (2030-05-01T08:00:00)" in message
    assert read_mspdi(_rewritten(path, backwards, baseline)).project.baselines[0].entries["lander"] == (
        date(2030, 5, 1), date(2030, 5, 11))


def _rewritten(path, old: str, new: str):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path

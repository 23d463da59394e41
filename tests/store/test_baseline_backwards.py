"""A baseline entry that finishes before it starts: a plan file holding one is refused (store.bad_value,
naming the task and both dates), the file left as it was and the plan open still open; an MS Project
XML file is imported without that entry, with a warning naming the task and the file's two stamps, as
an actual finish before the actual start is left out. Such an entry used to be read as it was, a bar
ending before it begins (from a plan file), or silently shortened to nothing (from MS Project XML)."""

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


def test_ms_project_xml_with_a_baseline_finishing_before_its_start_imports_without_that_entry(tmp_path):
    path = tmp_path / "plan.xml"
    plan = _plan((date(2030, 5, 1), date(2030, 5, 11)))
    plan.add_task(Task("rover", "Rover", 5, id="rover", position=1))
    entries = {**plan.baselines[0].entries, "rover": (date(2030, 6, 3), date(2030, 6, 8))}
    plan.baselines[0] = Baseline("2029 plan", date(2029, 6, 1), entries)
    write_mspdi(plan, path)
    text = path.read_text(encoding="utf-8")
    baseline = re.search(r"<Baseline>.*?</Baseline>", text, re.S)[0]  # the lander's, the first task
    backwards = re.sub(r"<Finish>[^<]*</Finish>", "<Finish>2030-02-01T17:00:00</Finish>", baseline)
    path.write_text(text.replace(baseline, backwards, 1), encoding="utf-8")
    imported = read_mspdi(path)
    assert [w for w in imported.warnings if "Lander" in w and "(2030-02-01T17:00:00) before it starts "
            "(2030-05-01T08:00:00); that baseline entry was left out" in w]
    assert imported.project.baselines[0].entries == {"rover": (date(2030, 6, 3), date(2030, 6, 8))}
    assert read_mspdi(_rewritten(path, backwards, baseline)).project.baselines[0].entries["lander"] == (
        date(2030, 5, 1), date(2030, 5, 11))


def _rewritten(path, old: str, new: str):
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return path

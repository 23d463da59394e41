"""A partner's plan that schedules past 2200 opens; capturing a baseline of it is refused at the edit,
so the plan never holds a snapshot its next save would refuse."""

from datetime import date

import pytest

from ilrs_planner.commands.baselines import CaptureBaseline
from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.store import open_project, save_project


def test_a_baseline_past_the_file_dates_is_refused_and_the_plan_still_saves(tmp_path):
    partner = Project(name="Long plan", start=date(2030, 1, 1))
    partner.add_task(Task(key="CENTURIES", name="Three centuries", duration=109_575))  # the longest a task may be
    partner.add_task(Task(key="SHORT", name="Short", duration=10, position=1))
    save_project(partner, tmp_path / "partner.db")
    plan = open_project(tmp_path / "partner.db")
    with pytest.raises(PlannerError) as refused:
        CaptureBaseline("Agreed", date(2030, 1, 1)).apply(plan)
    assert refused.value.code == "baseline.out_of_range"
    assert "'CENTURIES' is scheduled into 2330" in refused.value.message
    assert plan.baselines == []
    save_project(plan, tmp_path / "partner.db")  # was: store.bad_value, naming a task id, on every save
    assert open_project(tmp_path / "partner.db").baselines == []

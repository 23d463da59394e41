"""A plan's Must finish by where `schedule` and `status` show the plan's finish, and the floats that
run to it in the schedule's table and JSON, dates worked by hand."""

from __future__ import annotations

import json
from datetime import date

from ilrs_planner.cli import main
from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.store import save_project


def _plan_file(tmp_path, must_finish_by):
    """Design (10 d) [01-01, 01-11) -> Build (5 d) [01-11, 01-16), last day 2030-01-15, on calendar days."""
    project = Project("Finish by", date(2030, 1, 1), must_finish_by=must_finish_by)
    project.add_task(Task("design", "Design", 10, id="design"))
    project.add_task(Task("build", "Build", 5, id="build", position=1))
    project.add_link(Link("design", "build", id="l1"))
    path = tmp_path / "plan.db"
    save_project(project, path)
    return path


def test_the_schedule_names_the_date_and_the_floats_run_to_its_end(tmp_path, capsys):
    # Must finish by the end of 2030-01-20: Build may finish (exclusive) on 01-21, 5 days after 01-16,
    # and Design on 01-16: 5 d of float each, free float 0 (Build follows at once) and 5 d.
    path = _plan_file(tmp_path, date(2030, 1, 20))
    assert main(["schedule", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Finish by: 2030-01-01 to 2030-01-15, must finish by 2030-01-20, 2 tasks, 0 critical " \
        "(not counting phases)"
    assert main(["schedule", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["project_finish"], data["must_finish_by"]) == ("2030-01-16", "2030-01-20")
    floats = {t["key"]: (t["late_finish"], t["total_float_days"], t["free_float_days"]) for t in data["tasks"]}
    assert floats == {"design": ("2030-01-16", 5, 0), "build": ("2030-01-21", 5, 5)}


def test_a_plan_finishing_after_it_reads_negative_float_on_its_driving_chain(tmp_path, capsys):
    # Must finish by the end of 2030-01-12: Build's late finish (exclusive) 01-13, 3 days before 01-16.
    path = _plan_file(tmp_path, date(2030, 1, 12))
    assert main(["schedule", str(path), "--json", "--pretty"]) == 0
    data = json.loads(capsys.readouterr().out)
    floats = {t["key"]: (t["total_float_days"], t["free_float_days"], t["critical"]) for t in data["tasks"]}
    assert floats == {"design": (-3, -3, True), "build": (-3, -3, True)}


def test_status_says_the_forecast_finish_beside_the_must_finish_by(tmp_path, capsys):
    path = _plan_file(tmp_path, date(2030, 1, 20))
    assert main(["status", str(path), "--as-of", "2030-01-05", "--started", "design=2030-01-03"]) == 0
    # Design started 01-03 with nothing done by the status date 01-05: its 10 days run from 01-05 (P6's
    # remaining duration), last day 01-14; Build 01-15 to 01-19, a day inside the Must finish by.
    assert "Plan finish 2030-01-19, must finish by 2030-01-20." in capsys.readouterr().out

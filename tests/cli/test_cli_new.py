"""`ilrs-planner new`: the ILRS roadmap or an empty plan, written to a plan file."""

import json

from ilrs_planner.cli import main
from ilrs_planner.domain import Task
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.store import open_project, save_project


def schedule_json(path, capsys):
    capsys.readouterr()
    assert main(["schedule", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_new_reference_then_schedule(tmp_path, capsys):
    out = tmp_path / "ilrs.db"
    assert main(["new", "--reference", str(out)]) == 0
    assert "baselines" in capsys.readouterr().out
    data = schedule_json(out, capsys)
    tasks = {t["key"]: t for t in data["tasks"]}
    # Flown missions keep their actual dates: Chang'e 6 launched 2024-05-03.
    assert tasks["change-6"]["early_start"] == "2024-05-03"
    assert any(t["critical"] for t in data["tasks"])
    assert data["project_finish"] >= "2035-01-01"


def test_reference_survives_csv_export_and_import(tmp_path, capsys):
    plan, table, again = tmp_path / "ilrs.db", tmp_path / "ilrs.csv", tmp_path / "again.db"
    assert main(["new", "--reference", str(plan)]) == 0
    assert main(["export", str(plan), "-o", str(table)]) == 0
    assert "baseline" in capsys.readouterr().err  # CSV cannot carry baselines, and says so
    assert main(["import", str(table), "-o", str(again)]) == 0
    imported = open_project(again)
    assert imported.status_date == open_project(plan).status_date  # the project row carries it (it moves work)
    assert schedule_json(again, capsys) == schedule_json(plan, capsys)
    assert len(read_plan(table).project.tasks) == len(schedule_json(plan, capsys)["tasks"])


def test_new_empty_plan_with_name_and_start(tmp_path, capsys):
    out = tmp_path / "blank.db"
    assert main(["new", str(out), "--name", "Relay study", "--start", "2031-03-01"]) == 0
    assert "Relay study, 0 tasks" in capsys.readouterr().out
    data = schedule_json(out, capsys)
    assert data["finish_convention"].startswith("exclusive")
    assert {k: v for k, v in data.items() if k not in ("finish_convention", "provenance")} == {
        "project_start": "2031-03-01", "project_finish": "2031-03-01", "must_finish_by": None,
        "tasks": []}


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "taken.db"
    out.write_bytes(b"keep me")
    assert main(["new", str(out)]) == 2
    assert capsys.readouterr().err.startswith("error[store.io]:") and out.read_bytes() == b"keep me"
    assert main(["new", str(out), "--force", "--start", "2030-01-01"]) == 0
    assert schedule_json(out, capsys)["project_start"] == "2030-01-01"


def test_reference_has_its_own_start(tmp_path, capsys):
    assert main(["new", "--reference", str(tmp_path / "r.db"), "--start", "2030-01-01"]) == 2
    assert capsys.readouterr().err.startswith("error[cli.usage]:")


def test_an_empty_plan_works_monday_to_friday_as_the_windows_new_plan(tmp_path, capsys):
    out = tmp_path / "blank.db"
    assert main(["new", str(out), "--start", "2031-03-03"]) == 0  # a Monday
    plan = open_project(out)
    calendar = plan.calendars[plan.default_calendar_id]
    assert calendar.name == "Standard" and calendar.weekdays == (True,) * 5 + (False, False)
    plan.add_task(Task("survey", "Site survey", 6))  # six working days: Monday to the next Monday
    save_project(plan, out)
    dates = {t["key"]: t for t in schedule_json(out, capsys)["tasks"]}["survey"]
    assert (dates["early_start"], dates["early_finish"]) == ("2031-03-03", "2031-03-11")  # exclusive finish

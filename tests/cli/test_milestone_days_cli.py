"""A milestone after a task ending on Friday reads Friday in every output a person reads, as MS
Project shows it; `--json` keeps the point (the exclusive finish) it documents."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Calendar, ConstraintType, Link, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.store import save_project


@pytest.fixture
def friday_db(tmp_path):
    project = Project("Milestones", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    work = project.add_task(Task("work", "Ends Friday", 5, position=0))  # Monday 4 to Friday 8
    done = project.add_task(Task("done", "MS after Friday", 0, position=1))
    project.add_link(Link(work.id, done.id))
    path = tmp_path / "plan.db"
    save_project(project, path)
    return path


def test_schedule_text_shows_the_milestone_and_the_plan_ending_friday(friday_db, capsys):
    assert main(["schedule", str(friday_db)]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.endswith(" done"))
    assert row.split()[4:8] == ["2027-01-08"] * 4  # start, finish, late start, late finish
    assert "2027-01-04 to 2027-01-08" in out and "2027-01-09" not in out


def test_schedule_json_keeps_the_point(friday_db, capsys):
    assert main(["schedule", str(friday_db), "--json"]) == 0
    done = next(t for t in json.loads(capsys.readouterr().out)["tasks"] if t["key"] == "done")
    assert (done["early_start"], done["early_finish"]) == ("2027-01-09", "2027-01-09")


def test_csv_export_shows_friday(friday_db, tmp_path):
    out = tmp_path / "plan.csv"
    assert main(["export", str(friday_db), "-o", str(out)]) == 0
    rows = {row["Key"]: row for row in csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines())}
    assert (rows["done"]["Start"], rows["done"]["Finish"]) == ("2027-01-08", "2027-01-08")


def test_status_done_records_the_milestone_on_the_friday_it_is_shown(friday_db, capsys):
    assert main(["status", str(friday_db), "--as-of", "2027-01-13", "--done", "done", "--json"]) == 0
    recorded = json.loads(capsys.readouterr().out)["recorded"]
    assert [(r["key"], r["actual_finish"]) for r in recorded] == [("done", "2027-01-08")]
    assert main(["schedule", str(friday_db)]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if line.endswith(" done"))
    assert row.split()[4:6] == ["2027-01-08", "2027-01-08"]  # still shown Friday, now as happened


def test_a_phase_ending_on_a_milestone_at_the_start_of_monday_reads_monday(tmp_path, capsys):
    project = Project("Phases", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    phase = project.add_task(Task("phase", "Phase", position=0))
    project.add_task(Task("work", "Ends Friday", 5, parent_id=phase.id, position=0))  # Monday 4 to Friday 8
    project.add_task(Task("review", "Review", 0, parent_id=phase.id, position=1, constraint=ConstraintType.SNET,
                          constraint_date=date(2027, 1, 11)))  # at the start of Monday 11
    path = tmp_path / "phases.db"
    save_project(project, path)
    assert main(["schedule", str(path)]) == 0
    rows = {line.split()[-1]: line.split() for line in capsys.readouterr().out.splitlines()
            if line.split()[:1] and line.split()[0].isdigit()}  # a task's line: its ID first, its key last
    assert rows["review"][2:4] == ["2027-01-11", "2027-01-11"]
    assert rows["phase"][2:4] == ["2027-01-04", "2027-01-11"]  # the phase's last day is the review's

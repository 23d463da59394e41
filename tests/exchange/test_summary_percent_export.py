"""A summary's % complete in every export is its sub-tasks' rolled up as MS Project does: Σ actual
duration / Σ duration. Phase "Development" holds A (10 d, done) and B (30 d, 50 %): (10 + 15) / 40 =
62.5 %, written 62 (rounded down: not done until all its work is); "Gates" holds two milestones, one
happened: 0 %."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from datetime import date

from openpyxl import load_workbook

from ilrs_planner.domain import Project, Task, TaskKind
from ilrs_planner.exchange.formats import write_plan

NS = "{http://schemas.microsoft.com/project}"
WANT = {"Development": 62, "Task A": 100, "Task B": 50, "Gates": 0, "Gate 1": 100, "Gate 2": 0}


def _plan() -> Project:
    project = Project("progress", date(2030, 1, 7))
    project.add_task(Task("dev", "Development", 0, TaskKind.PHASE, id="dev", position=0))
    project.add_task(Task("a", "Task A", 10, TaskKind.TASK, id="a", parent_id="dev", position=0,
                          actual_start=date(2030, 1, 7), actual_finish=date(2030, 1, 17), percent_complete=100))
    project.add_task(Task("b", "Task B", 30, TaskKind.TASK, id="b", parent_id="dev", position=1,
                          actual_start=date(2030, 1, 7), percent_complete=50))
    project.add_task(Task("gates", "Gates", 0, TaskKind.PHASE, id="gates", position=1))
    project.add_task(Task("g1", "Gate 1", 0, TaskKind.MILESTONE, id="g1", parent_id="gates", position=0,
                          actual_start=date(2030, 1, 8), actual_finish=date(2030, 1, 8), percent_complete=100))
    project.add_task(Task("g2", "Gate 2", 0, TaskKind.MILESTONE, id="g2", parent_id="gates", position=1))
    project.status_date = date(2030, 1, 21)
    return project


def test_ms_project_xml_writes_a_summarys_rolled_up_percent(tmp_path):
    path = tmp_path / "plan.xml"
    write_plan(_plan(), path)
    tasks = ET.parse(path).getroot().find(f"{NS}Tasks")
    got = {t.findtext(f"{NS}Name"): int(t.findtext(f"{NS}PercentComplete")) for t in tasks
           if t.findtext(f"{NS}OutlineLevel") != "0"}
    assert got == WANT


def test_the_csv_writes_a_summarys_rolled_up_percent(tmp_path):
    path = tmp_path / "plan.csv"
    write_plan(_plan(), path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        got = {row["Name"]: row["% Complete"] for row in csv.DictReader(handle) if row["ID"] != "0"}
    assert got == {name: f"{percent}%" for name, percent in WANT.items()}


def test_the_xlsx_writes_a_summarys_rolled_up_percent(tmp_path):
    path = tmp_path / "plan.xlsx"
    write_plan(_plan(), path)
    rows = list(load_workbook(path, read_only=True)["Tasks"].iter_rows(values_only=True))
    name, percent = rows[0].index("Task"), rows[0].index("% complete")
    assert {str(row[name]).strip(): row[percent] for row in rows[1:]} == WANT

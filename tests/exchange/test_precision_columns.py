"""Precision means one thing in every export: how the task's dates read in the table (the coarser of
its own and that of the date driving it), as XLSX, `schedule --json` and the table give it. The
task's own precision is written beside it as Stated Precision, which CSV and XLSX read back, so a
task planned to the day after one announced for "2029" reads 'year' and comes back planned to the day."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from csv_text import read_csv_text
from openpyxl import load_workbook

from ilrs_planner.domain import ConstraintType, Link, LinkType, Precision, Project, Task
from ilrs_planner.exchange.formats import read_plan, write_plan


def _plan() -> Project:
    """Chang'e 8 announced for 2029 (a year's task); Design, planned to the day, after it."""
    project = Project("Work package", date(2028, 1, 1))
    ce8 = project.add_task(Task("CE8", "Chang'e 8", 365, position=0, precision=Precision.YEAR,
                                constraint=ConstraintType.SNET, constraint_date=date(2029, 1, 1)))
    design = project.add_task(Task("DES", "Design", 20, position=1))
    project.add_link(Link(ce8.id, design.id, LinkType.FS, 0))
    return project


def _csv_rows(path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return {row["Key"]: row for row in csv.DictReader(handle) if row["Key"]}


def _xlsx_rows(path) -> dict[str, dict[str, object]]:
    sheet = load_workbook(path, read_only=True)["Tasks"]
    rows = list(sheet.iter_rows(values_only=True))
    return {row[1]: dict(zip(rows[0], row)) for row in rows[1:]}


def test_csv_writes_precision_as_shown_and_the_tasks_own_beside_it(tmp_path):
    write_plan(_plan(), tmp_path / "wp.csv")
    rows = _csv_rows(tmp_path / "wp.csv")
    assert [(rows[k]["Precision"], rows[k]["Stated Precision"]) for k in ("CE8", "DES")] == [
        ("year", "year"), ("year", "day")]


def test_xlsx_writes_the_same_two_columns(tmp_path):
    write_plan(_plan(), tmp_path / "wp.xlsx")
    rows = _xlsx_rows(tmp_path / "wp.xlsx")
    assert [(rows[k]["Precision"], rows[k]["Stated precision"]) for k in ("CE8", "DES")] == [
        ("year", "year"), ("year", "day")]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_day_task_driven_by_a_year_comes_back_planned_to_the_day(tmp_path, suffix):
    write_plan(_plan(), tmp_path / f"wp.{suffix}")
    back = {t.key: t.precision for t in read_plan(tmp_path / f"wp.{suffix}").project.tasks.values()}
    assert back == {"CE8": Precision.YEAR, "DES": Precision.DAY}


def test_a_csv_without_stated_precision_reads_precision_as_the_tasks_own(tmp_path):
    result = read_csv_text(tmp_path, "ID,Name,Duration,Start,Precision\n1,Rover,365d,2029-01-01,year\n")
    [task] = result.project.tasks.values()
    assert task.precision is Precision.YEAR

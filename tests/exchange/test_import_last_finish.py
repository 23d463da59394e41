"""A last day of work a plan file cannot hold: a finish-type date is stored as the day after it, so a
finish on 2200-12-31 (the last day of the years a plan holds, 1900-2200) would be kept as 2201-01-01
and the import's save, and every later one, refused naming a day nobody wrote. CSV and XLSX refuse
the cell as written, naming its row and column; MS Project XML leaves the date out with a warning,
as it leaves out any date outside those years; what is read always saves."""

from __future__ import annotations

from datetime import date, datetime

import openpyxl
import pytest

from ilrs_planner.domain import ConstraintType, PlannerError
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi import plain_task
from ilrs_planner.store import save_project

CSV_CASES = [
    ("Constraint Type,Constraint Date", "Finish No Later Than,2200-12-31", "Constraint Date", "'2200-12-31'"),
    ("Constraint Type,Constraint Date", "Must Finish On,2200", "Constraint Date", "'2200'"),
    ("Actual Start,Actual Finish", "2200-12-20,2200-12-31", "Actual Finish", "'2200-12-31'"),
]


@pytest.mark.parametrize("columns, cells, column, written", CSV_CASES)
def test_a_csv_finish_past_what_a_plan_holds_is_refused_naming_the_cell_as_written(tmp_path, columns, cells,
                                                                                   column, written):
    path = tmp_path / "plan.csv"
    path.write_text(f"ID,Name,Duration,{columns}\n1,Lander,1d,{cells}\n", encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        read_plan(path)
    assert caught.value.code == "import.bad_row"
    assert f"row 2, column {column}: {written} is after 2200-12-30, the last finish a plan holds" in str(caught.value)
    assert "2201" not in str(caught.value)


def test_an_xlsx_finish_past_what_a_plan_holds_is_refused_as_the_csv_one(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["ID", "Name", "Duration", "Constraint Type", "Constraint Date"])
    book.active.append([1, "Lander", "1d", "Finish No Later Than", datetime(2200, 12, 31)])
    book.save(tmp_path / "plan.xlsx")
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "plan.xlsx")
    assert "column Constraint Date: '2200-12-31' is after 2200-12-30" in str(caught.value)


def test_the_last_finish_a_plan_holds_is_taken_and_saves(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("ID,Name,Duration,Constraint Type,Constraint Date\n1,Lander,1d,Finish No Later Than,2200-12-30\n",
                    encoding="utf-8")
    (task,) = read_plan(path).project.tasks.values()
    assert (task.constraint, task.constraint_date) == (ConstraintType.FNLT, date(2200, 12, 31))  # the day after
    save_project(read_plan(path).project, tmp_path / "plan.db")


@pytest.mark.parametrize("fast", [True, False])
def test_an_ms_project_finish_past_what_a_plan_holds_is_left_out_with_a_warning_and_the_plan_saves(
        tmp_path, monkeypatch, fast):
    monkeypatch.setattr(plain_task, "FAST", fast)
    path = tmp_path / "plan.xml"
    path.write_text("<Project><StartDate>2030-01-07T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>Lander"
                    "</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><ConstraintType>7"
                    "</ConstraintType><ConstraintDate>2200-12-31T17:00:00</ConstraintDate><ActualFinish>"
                    "2200-12-31T17:00:00</ActualFinish></Task></Tasks></Project>", encoding="utf-8")
    result = read_plan(path)
    (task,) = result.project.tasks.values()
    assert (task.constraint, task.constraint_date, task.actual_finish) == (ConstraintType.ASAP, None, None)
    said = [w for w in result.warnings if "2200-12-31T17:00:00 is outside what a plan holds" in w]
    assert [w.split(":")[1].split()[0] for w in said] == ["ConstraintDate", "ActualFinish"]
    save_project(result.project, tmp_path / "plan.db")

"""Float in the task's own duration units, as MS Project shows it, everywhere it is written: an elapsed
task's float counts calendar days, written 'ed'; a task's counts working days of its calendar, 'd'.

Monday to Friday from Monday 2030-01-07: 'short' (50 ed) ends 02-25, 'end' (100 d, 20 weeks) finishes
the plan on Friday 05-24; short's late start is 04-05, 88 calendar days after 01-07 (64 working days).
"""

from __future__ import annotations

import json
from datetime import date

from openpyxl import load_workbook

from ilrs_planner.cli import main
from ilrs_planner.domain import Baseline, Calendar, Link, LinkType, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import write_plan
from ilrs_planner.store import save_project


def _plan() -> Project:
    project = Project("Elapsed", date(2030, 1, 7))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="std")).id
    project.add_task(Task("short", "Short", 50, id="short", elapsed=True, position=0))
    project.add_task(Task("end", "End", 100, id="end", position=1))
    return project


def _line(text: str, key: str) -> str:
    """The schedule table's line of the task `key` (written last on its line)."""
    return next(line for line in text.splitlines() if line.split() and line.split()[-1] == key)


def test_the_schedule_writes_an_elapsed_tasks_float_in_elapsed_days(tmp_path, capsys):
    project = _plan()
    dates = schedule(project).tasks["short"]
    assert (dates.late_start, dates.total_float) == (date(2030, 4, 5), 88)
    path = tmp_path / "elapsed.db"
    save_project(project, path)
    assert main(["schedule", str(path)]) == 0
    text = capsys.readouterr().out
    assert _line(text, "short").split()[-5:-1] == ["88", "ed", "88", "ed"]  # total and free float
    assert _line(text, "end").split()[-6:-1] == ["0", "d", "0", "d", "*"]
    main(["check", str(path)])  # fails (High float, among others): its list is what is read here
    listed = capsys.readouterr().out.split("High float (FAIL)")[1].splitlines()[1]
    assert listed.split() == ["short", "Short", "88", "ed"]  # as the table shows it, not 64 working days


def test_schedule_json_says_which_days_each_float_counts(tmp_path, capsys):
    path = tmp_path / "elapsed.db"
    save_project(_plan(), path)
    for pretty in ([], ["--pretty"]):  # the compact writer and the indented one
        assert main(["schedule", str(path), "--json", *pretty]) == 0
        rows = {row["key"]: row for row in json.loads(capsys.readouterr().out)["tasks"]}
        # short's 88 are calendar days (64 working days); end's 0 working days of the Standard calendar
        assert [rows["short"][name] for name in ("total_float_days", "free_float_days", "float_unit")] == [88, 88, "ed"]
        assert [rows["end"][name] for name in ("total_float_days", "free_float_days", "float_unit")] == [0, 0, "d"]


def _cells(sheet) -> dict[str, dict[str, tuple]]:
    """The sheet's rows by their second column, each cell as (value, number format) by its header."""
    header = [cell.value for cell in sheet[1]]
    return {row[1].value: {title: (cell.value, cell.number_format) for title, cell in zip(header, row)}
            for row in sheet.iter_rows(min_row=2)}


def test_xlsx_writes_an_elapsed_tasks_days_as_numbers_read_in_elapsed_days(tmp_path):
    project = _plan()
    # Baseline: short as [01-07, 02-20); now [01-07, 02-26): its finish moved 6 calendar days (+6 ed).
    project.baselines.append(Baseline("Agreed", date(2029, 12, 1), {"short": (date(2030, 1, 7), date(2030, 2, 20))}))
    write_plan(project, tmp_path / "elapsed.xlsx")
    rows = _cells(load_workbook(tmp_path / "elapsed.xlsx")["Tasks"])
    short, end = rows["short"], rows["end"]
    elapsed, signed = '#,##0 "ed"', '+#,##0 "ed";-#,##0 "ed";0 "ed"'
    assert (short["Total float (d)"], short["Free float (d)"]) == ((88, elapsed),) * 2  # reads "88 ed"
    assert short["Duration (d)"] == (50, elapsed)
    assert (short["Start variance (d)"], short["Finish variance (d)"]) == ((0, signed), (6, signed))
    # A task counting working days keeps the plain number the column's "(d)" names.
    assert (end["Total float (d)"], end["Duration (d)"]) == ((0, "General"), (100, "General"))


def test_xlsx_writes_an_elapsed_lag_in_elapsed_days(tmp_path):
    project = _plan()
    project.add_task(Task("after", "After", 5, id="after", position=2))
    project.add_link(Link("short", "after", LinkType.FS, 3, elapsed=True))
    project.add_link(Link("short", "end", LinkType.SS, 2))
    write_plan(project, tmp_path / "lags.xlsx")
    links = load_workbook(tmp_path / "lags.xlsx")["Links"]
    lags = {(row[0].value, row[1].value): (row[3].value, row[3].number_format) for row in links.iter_rows(min_row=2)}
    assert lags == {("short", "after"): (3, '+#,##0 "ed";-#,##0 "ed";0 "ed"'), ("short", "end"): (2, "General")}

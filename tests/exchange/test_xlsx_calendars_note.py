"""An XLSX export names its calendars only (as a CSV export does): the export says which ones lose their days."""

from __future__ import annotations

from datetime import date

from ilrs_planner.cli import main
from ilrs_planner.domain import Calendar, CalendarException, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.store import save_project

FOUR_DAYS = (True, True, True, True, False, False, False)  # Monday to Thursday


def _plan(tmp_path, *calendars: Calendar):
    plan = Project("Range plan", date(2030, 1, 7))
    ids = [plan.add_calendar(calendar).id for calendar in calendars]
    plan.add_task(Task(key="A", name="Pour", duration=3, calendar_id=ids[0] if ids else None))
    return save_project(plan, tmp_path / "plan.db")


def _exported_notes(tmp_path, capsys, path) -> list[str]:
    capsys.readouterr()
    assert main(["export", str(path), "-o", str(tmp_path / "plan.xlsx")]) == 0
    return capsys.readouterr().err.splitlines()


def test_exporting_a_calendar_a_spreadsheet_cannot_hold_says_so_as_the_csv_export_does(tmp_path, capsys):
    closed = CalendarException("Range closed", date(2030, 2, 1), date(2030, 2, 3))
    path = _plan(tmp_path, Calendar("Four-day week", FOUR_DAYS), Calendar("Launch range", MONDAY_TO_FRIDAY, [closed]),
                 Calendar("Standard", MONDAY_TO_FRIDAY))
    assert _exported_notes(tmp_path, capsys, path) == [
        "warning: calendars are written by name only, without their working days and exceptions: Four-day week, "
        "Launch range; a spreadsheet cannot carry them: use .db or MS Project XML to keep them"]
    # What the note warns of: read back, the four-day week is gone and its task is on the plan's calendar.
    back = read_plan(tmp_path / "plan.xlsx")
    assert "Four-day week" not in [c.name for c in back.project.calendars.values()]
    assert [task.calendar_id for task in back.project.tasks.values()] == [None]
    assert any("no calendar is called 'Four-day week'" in w for w in back.warnings)


def test_a_calendar_the_import_makes_again_by_its_name_is_no_loss(tmp_path, capsys):
    path = _plan(tmp_path, Calendar("Standard", MONDAY_TO_FRIDAY))
    assert _exported_notes(tmp_path, capsys, path) == []


def _workbook(tmp_path, rows: list[list[object]]):
    from openpyxl import Workbook

    book = Workbook()
    for row in [["Name", "Duration", "Calendar"], *rows]:
        book.active.append(row)
    book.save(tmp_path / "crews.xlsx")
    return tmp_path / "crews.xlsx"


def test_a_calendar_name_no_calendar_has_is_said_with_its_rows_and_the_calendar_they_fall_back_on(tmp_path):
    path = _workbook(tmp_path, [["Pour", "3d", "Lunar night"], ["Cure", "2d", "Standard"],
                                ["Paint", "1d", "lunar night"]])
    back = read_plan(path)
    note, = [w for w in back.warnings if "Calendar" in w]
    assert note.startswith("column Calendar: no calendar is called 'Lunar night' (rows 2, 4); the file names "
                           "calendars without their working days, so those tasks use the plan's calendar, Continuous.")
    assert "CSV" not in note  # a workbook was read


def test_an_exported_plan_whose_own_calendar_is_unknown_says_it_now_counts_every_day(tmp_path, capsys):
    from openpyxl import load_workbook

    path = _plan(tmp_path, Calendar("Four-day week", FOUR_DAYS))
    _exported_notes(tmp_path, capsys, path)
    book = load_workbook(tmp_path / "plan.xlsx")
    calendar_row = next(row for row in book["Plan"].iter_rows() if row[0].value == "Calendar")
    calendar_row[1].value = "Lunar shifts"
    book.save(tmp_path / "plan.xlsx")
    back = read_plan(tmp_path / "plan.xlsx")
    assert back.project.default_calendar().name == "Continuous"
    assert ("the plan's calendar 'Lunar shifts' is not one known here, so the plan uses Continuous (every day a "
            "working day): its durations count calendar days.") in back.warnings[0]

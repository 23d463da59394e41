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

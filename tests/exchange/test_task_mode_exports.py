"""Task mode in the spreadsheet and calendar exports: a manually scheduled task is said to be one."""

from datetime import date

from icalendar import Calendar
from openpyxl import load_workbook

from ilrs_planner.domain import Project, Task, TaskKind
from ilrs_planner.exchange.formats import write_plan


def _plan() -> Project:
    plan = Project("Modes", date(2030, 1, 1))
    plan.add_task(Task("PH", "Phase", kind=TaskKind.PHASE, id="ph"))
    plan.add_task(Task("A", "Auto task", 5, id="a", parent_id="ph"))
    plan.add_task(Task("M", "Manual landing", 0, id="m", parent_id="ph", position=1, manual=True))
    return plan


def test_the_spreadsheet_has_a_task_mode_column_in_ms_projects_words(tmp_path):
    write_plan(_plan(), tmp_path / "p.xlsx")
    rows = list(load_workbook(tmp_path / "p.xlsx")["Tasks"].iter_rows(values_only=True))
    column = rows[0].index("Task mode")
    assert {row[2]: row[column] for row in rows[1:]} == {
        "Phase": None, "Auto task": "Auto Scheduled", "Manual landing": "Manually Scheduled"}


def test_a_manual_milestones_calendar_event_says_it_is_manually_scheduled(tmp_path):
    write_plan(_plan(), tmp_path / "p.ics")
    events = Calendar.from_ical((tmp_path / "p.ics").read_bytes()).walk("VEVENT")
    assert {str(e["summary"]): "Manually scheduled" in str(e["description"]) for e in events} == {
        "Manual landing": True}

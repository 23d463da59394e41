"""A calendar conflict in the merge dialog reads as a calendar (weekdays and closures), with the reason
naming the change and the withheld work it reaches, not as the object's fields."""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Calendar, CalendarException, Project, Task
from ilrs_planner.domain import Classification as C
from ilrs_planner.qt.sharing.merge_dialog import COLUMNS, ConflictDialog
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project


def test_a_partners_closure_on_a_shared_calendar_reads_as_a_closure(qtbot):
    ours = Project(name="Pad plan", start=date(2030, 1, 7))
    ours.calendars = {"crew": Calendar("Pad crew", (True,) * 5 + (False,) * 2, id="crew")}
    ours.add_task(Task("PS", "Pad survey", 10, id="ps", calendar_id="crew"))
    ours.add_task(Task("NJ", "Nightjar reserve", 20, id="nj", position=1, calendar_id="crew",
                       classification=C.RESTRICTED))
    theirs = redact_project(ours, C.PUBLIC)
    theirs.calendars["crew"].exceptions.append(CalendarException("Pad refit", date(2030, 3, 4), date(2030, 3, 22)))
    dialog = ConflictDialog(merge_projects(ours, ours, theirs).conflicts)
    qtbot.addWidget(dialog)
    cell = {name: dialog.table.item(0, column).text() for column, name in enumerate(COLUMNS[:-1])}
    assert cell["What"] == "calendar Pad crew"
    assert cell["Ours"] == "Pad crew: Mon–Fri"
    assert cell["Theirs"] == "Pad crew: Mon–Fri; closed 2030-03-04 to 2030-03-22 (Pad refit)"
    assert "NJ Nightjar reserve" in cell["Why"]
    assert dialog.choices() == {"calendar:crew:*": "ours"}

"""A calendar on which no day is worked: the calendar editor refuses making one, and so does every
other door into a plan file (saving, MS Project XML import, the command line); a partner's file
that holds one still opens, and says why it cannot be scheduled."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import tamper

from ilrs_planner.cli import main
from ilrs_planner.domain import Calendar, CalendarException, PlannerError, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.store import open_project, save_project
from ilrs_planner.store.recovery import read_recovery, write_recovery
from ilrs_planner.store.repair import repair_copy

CLOSED = (False,) * 7


def _plan(weekdays=(True,) * 5 + (False, False), exceptions=()) -> Project:
    plan = Project("Calendars", date(2030, 1, 7))
    calendar = plan.add_calendar(Calendar("Range closed", weekdays, list(exceptions), id="cal-closed"))
    plan.add_task(Task("a", "Alpha", 5, id="t-a", calendar_id=calendar.id))
    return plan


def test_saving_a_calendar_without_a_working_day_is_refused_naming_it(tmp_path):
    path = tmp_path / "plan.db"
    with pytest.raises(PlannerError) as caught:
        save_project(_plan(CLOSED), path)
    assert caught.value.code == "calendar.no_working_day" and caught.value.subject_ids == ("cal-closed",)
    assert "'Range closed'" in caught.value.message and "Plan → Calendars" in caught.value.message
    assert not path.exists()


def test_a_calendar_whose_only_work_is_an_exception_is_saved(tmp_path):
    make_up = CalendarException("Make-up Saturday", date(2030, 1, 12), date(2030, 1, 12), True)
    path = tmp_path / "plan.db"
    save_project(_plan(CLOSED, [make_up]), path)
    assert open_project(path).calendars["cal-closed"].exceptions == [make_up]


def test_a_partners_file_holding_one_opens_says_why_it_cannot_be_scheduled_and_is_kept_by_autosave(
        tmp_path, monkeypatch):
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(tmp_path / "recovery"))
    path = tmp_path / "partner.db"
    save_project(_plan(), path)
    tamper(path, "UPDATE calendars SET weekdays = '0000000'")
    plan = open_project(path)
    assert plan.calendars["cal-closed"].weekdays == CLOSED
    with pytest.raises(PlannerError) as caught:
        schedule(plan)
    assert caught.value.code == "calendar.no_working_day"
    write_recovery(plan, path)  # the work in the window is kept as it is until the calendar is mended
    recovered = read_recovery(path)
    assert recovered is not None and open_project(recovered.copy_path).calendars["cal-closed"].weekdays == CLOSED


def _mspdi(tmp_path, day_working: str):
    weekdays = "".join(f"<WeekDay><DayType>{n}</DayType><DayWorking>{day_working}</DayWorking></WeekDay>"
                       for n in range(1, 8))
    path = tmp_path / "closed.xml"
    path.write_text("<Project><StartDate>2030-01-07T08:00:00</StartDate><CalendarUID>1</CalendarUID><Calendars>"
                    f"<Calendar><UID>1</UID><Name>Range closed</Name><WeekDays>{weekdays}</WeekDays></Calendar>"
                    "</Calendars><Tasks><Task><UID>1</UID><Name>Alpha</Name><OutlineLevel>1</OutlineLevel>"
                    "<Duration>PT8H0M0S</Duration></Task></Tasks></Project>", encoding="utf-8")
    return path


def test_importing_ms_project_xml_with_one_is_refused_on_the_command_line(tmp_path, capsys):
    out = tmp_path / "out.db"
    assert main(["import", str(_mspdi(tmp_path, "0")), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "error[calendar.no_working_day]" in err and "'Range closed'" in err and not out.exists()
    assert main(["import", str(_mspdi(tmp_path, "1")), "-o", str(out)]) == 0


def test_a_repaired_copy_keeps_the_plan_as_it_opens_calendar_included(tmp_path):
    path, copy = tmp_path / "partner.db", tmp_path / "cleaned.db"
    save_project(_plan(), path)
    tamper(path, "UPDATE calendars SET weekdays = '0000000'", "UPDATE tasks SET name = 'Alpha \u202egnissim'")
    repair_copy(path, copy)
    assert open_project(copy).calendars["cal-closed"].weekdays == CLOSED

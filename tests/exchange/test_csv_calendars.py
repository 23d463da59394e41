"""The Calendar column of CSV task tables, and weeks and months on a working-day calendar."""

from datetime import date

import pytest
from csv_text import read_csv_text

from ilrs_planner.domain import Calendar, CalendarException, Link, PlannerError, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan, write_plan
from ilrs_planner.store import save_project

HEADER = "ID,Name,Outline Level,Duration,Predecessors,Calendar\n"



def _by_key(project):
    return {task.key: task for task in project.tasks.values()}


def test_the_calendar_column_round_trips_for_the_calendars_ms_project_knows(tmp_path):
    plan = Project("Office plan", date(2030, 1, 7))
    standard = plan.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY))
    plan.default_calendar_id = standard.id
    every_day = plan.add_calendar(Calendar("24 Hours"))
    plan.add_task(Task("A", "Weekdays", 10))
    plan.add_task(Task("B", "Round the clock", 10, position=1, calendar_id=every_day.id))
    assert write_plan(plan, tmp_path / "p.csv") == []
    back = read_plan(tmp_path / "p.csv")
    assert back.warnings == []
    tasks = _by_key(back.project)
    assert back.project.default_calendar().name == "Standard"
    assert back.project.default_calendar().weekdays == MONDAY_TO_FRIDAY
    assert tasks["A"].calendar_id is None and back.project.task_calendar(tasks["B"]).name == "24 Hours"
    dates = schedule(back.project).tasks
    # 10 working days from Monday 7 January end on Friday 18 (exclusive 19); round the clock, on the 16th.
    assert (dates[tasks["A"].id].early_finish, dates[tasks["B"].id].early_finish) == (date(2030, 1, 19),
                                                                                      date(2030, 1, 17))


def test_the_project_row_counts_its_duration_in_working_days_of_the_plans_calendar(tmp_path):
    plan = Project("Office plan", date(2030, 1, 7))
    plan.default_calendar_id = plan.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    plan.add_task(Task("A", "Weekdays", 10))  # Mon 7 January .. Fri 18 January: 12 calendar days
    write_plan(plan, tmp_path / "p.csv")
    project_row = (tmp_path / "p.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(",")
    assert project_row[:7] == ['"0"', '""', '"Office plan"', '"0"', '"10 days"', '"2030-01-07"', '"2030-01-18"']


def test_a_calendar_name_the_plan_lacks_is_named_in_a_warning_and_the_task_keeps_the_plans(tmp_path):
    result = read_csv_text(tmp_path, HEADER + "1,Pour,1,3d,,Night crew\n2,Cure,1,2d,1,night crew\n3,Paint,1,1d,,None\n")
    tasks = _by_key(result.project)
    assert all(task.calendar_id is None for task in tasks.values())
    warning, = [w for w in result.warnings if "Calendar" in w]
    assert "'Night crew' (rows 2, 3)" in warning and "use the plan's calendar, Continuous" in warning


def test_exporting_a_calendar_csv_cannot_hold_whole_says_so(tmp_path):
    plan = Project("Range plan", date(2030, 1, 7))
    plan.add_calendar(Calendar("Launch range", MONDAY_TO_FRIDAY, [CalendarException("Closed", date(2030, 2, 1),
                                                                                         date(2030, 2, 3))]))
    warnings = write_plan(plan, tmp_path / "p.csv")
    assert any("Launch range" in w and "by name only" in w for w in warnings)


@pytest.mark.parametrize(("calendar", "duration", "days"), [
    ("Standard", "2w", 10), ("Standard", "1mo", 20), ("Standard", "2ew", 14), ("Standard", "1 emon", 30),
    ("", "2w", 14), ("", "1mo", 30), ("Continuous", "1 wk", 7),
])
def test_weeks_and_months_follow_the_plans_calendar(tmp_path, calendar, duration, days):
    # MS Project's defaults: 40 hours a week and 20 days a month, in working days; a 7-day plan keeps 7 and 30.
    result = read_csv_text(tmp_path, HEADER + f"0,Plan,0,,,{calendar}\n1,Work,1,{duration},,\n")
    assert _by_key(result.project)["1"].duration == days


def test_a_lag_in_weeks_is_working_days_on_a_working_day_calendar(tmp_path):
    result = read_csv_text(tmp_path, HEADER + "0,Plan,0,,,Standard\n1,A,1,1d,,\n2,B,1,1d,1FS+1w,\n")
    link, = result.project.links.values()
    assert link.lag == 5


@pytest.mark.parametrize("where", ["calendar", "exception"])
def test_a_calendar_name_with_a_control_character_is_never_saved(tmp_path, where):
    # Edits refuse it (commands/calendars: text.control_character); a name set any other way is
    # refused on saving, naming it, and no file is written.
    plan = Project("Plan", date(2030, 1, 1))
    office = plan.add_calendar(Calendar("Office", MONDAY_TO_FRIDAY,
                                        [CalendarException("Holiday", date(2030, 1, 1), date(2030, 1, 1))]))
    if where == "calendar":
        office.name = "Office\x1b[2J"
    else:
        office.exceptions[0].name = "Holiday\x07"
    with pytest.raises(PlannerError) as error:
        save_project(plan, tmp_path / "plan.db")
    assert error.value.code == "store.bad_value" and f"calendar{' exception' * (where == 'exception')}" in \
        error.value.message and "control character" in error.value.message
    assert not (tmp_path / "plan.db").exists()


def test_a_control_character_in_a_csv_calendar_name_is_removed_with_a_warning(tmp_path):
    result = read_csv_text(tmp_path, HEADER + "0,Plan,0,,,Stan\x01dard\n1,Work,1,1w,,\n")
    assert result.project.default_calendar().name == "Standard"
    assert any("control characters" in w for w in result.warnings)
    assert _by_key(result.project)["1"].duration == 5


def test_links_keep_working_with_task_calendars(tmp_path):
    plan = Project("Linked", date(2030, 1, 7))
    every_day = plan.add_calendar(Calendar("24 Hours"))
    a = plan.add_task(Task("A", "First", 2, calendar_id=every_day.id))
    b = plan.add_task(Task("B", "Second", 2, position=1))
    plan.add_link(Link(a.id, b.id))
    write_plan(plan, tmp_path / "p.csv")
    back = read_plan(tmp_path / "p.csv").project
    tasks = _by_key(back)
    assert back.task_calendar(tasks["A"]).name == "24 Hours" and len(back.links) == 1


def test_elapsed_durations_and_lags_stay_calendar_days_on_a_weekday_calendar(tmp_path):
    rows = ("1,Cure concrete,1,5 edays,,Standard\n"
            "2,Inspect,1,1 day,1FS+2 edays,Standard\n")
    result = read_csv_text(tmp_path, HEADER + rows)
    tasks = _by_key(result.project)
    cure, inspect = tasks["1"], tasks["2"]
    assert cure.elapsed and not inspect.elapsed
    assert next(iter(result.project.links.values())).elapsed
    result.project.start = date(2030, 1, 4)  # a Friday
    dates = schedule(result.project).tasks
    # Five calendar days Fri 4 .. Tue 8 (exclusive 9); the lag waits Wed 9 and Thu 10, so Inspect starts Fri 11.
    assert dates[cure.id].early_finish == date(2030, 1, 9)
    assert dates[inspect.id].early_start == date(2030, 1, 11)
    write_plan(result.project, tmp_path / "back.csv")
    text = (tmp_path / "back.csv").read_text(encoding="utf-8")
    assert "5 edays" in text and "FS+2 edays" in text
    again = read_plan(tmp_path / "back.csv").project
    assert _by_key(again)[cure.key].elapsed and next(iter(again.links.values())).elapsed

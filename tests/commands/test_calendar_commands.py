"""Calendar commands: round trips, refusals a person would hit, and the schedule they move.

The small plan starts on Tuesday 2030-01-01; task A lasts 10 working days. On Monday–Friday it
works Tue 1 – Fri 4 (4 days), Mon 7 – Fri 11 (5 more) and Mon 14 (the tenth): its last day is
2030-01-14, i.e. the exclusive finish 2030-01-15. A holiday on Monday 7 pushes that one day on.
"""

from __future__ import annotations

import copy
from datetime import date

import pytest

from ilrs_planner.commands.base import ChangeSet
from ilrs_planner.commands.calendar_edits import calendar_edits
from ilrs_planner.commands.calendars import (
    AddCalendar,
    DeleteCalendar,
    RenameCalendar,
    SetCalendarExceptions,
    SetCalendarWeekdays,
    SetDefaultCalendar,
)
from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.domain import Calendar, CalendarException, PlannerError
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.engine.cpm import schedule

HOLIDAY = CalendarException("Holiday", date(2030, 1, 7), date(2030, 1, 7))


@pytest.fixture
def plan_with_standard(plan):
    plan.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY, id="std"))
    return plan


def finish_of_a(project) -> date:
    return schedule(project).tasks["a"].early_finish


CASES = {
    "add calendar": (lambda: AddCalendar(Calendar("Night shift", MONDAY_TO_FRIDAY, id="night")),
                     lambda p: p.calendars["night"].name == "Night shift"),
    "rename": (lambda: RenameCalendar("std", "  Five-day  "), lambda p: p.calendars["std"].name == "Five-day"),
    "weekdays": (lambda: SetCalendarWeekdays("std", (True,) * 6 + (False,)),
                 lambda p: p.calendars["std"].weekdays == (True,) * 6 + (False,)),
    "exceptions": (lambda: SetCalendarExceptions("std", [HOLIDAY]),
                   lambda p: p.calendars["std"].exceptions == [HOLIDAY]),
    "default": (lambda: SetDefaultCalendar("std"), lambda p: p.default_calendar_id == "std"),
    "delete unused": (lambda: DeleteCalendar("std"), lambda p: "std" not in p.calendars),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_calendar_command_round_trip(plan_with_standard, case):
    plan = plan_with_standard
    make, check = CASES[case]
    original = copy.deepcopy(plan)
    command = make()
    assert command.apply(plan) == ChangeSet(dates=True, plan=True)  # every calendar edit reschedules
    assert check(plan) and plan != original
    after = copy.deepcopy(plan)
    command.revert(plan)
    assert plan == original and list(plan.calendars) == list(original.calendars)
    command.apply(plan)
    assert plan == after and command.text


def test_a_five_day_default_and_a_holiday_move_the_finish_by_hand_computed_days(plan_with_standard):
    plan = plan_with_standard
    assert finish_of_a(plan) == date(2030, 1, 11)  # Continuous: ten calendar days
    SetDefaultCalendar("std").apply(plan)
    assert finish_of_a(plan) == date(2030, 1, 15)
    SetCalendarExceptions("std", [HOLIDAY]).apply(plan)
    assert finish_of_a(plan) == date(2030, 1, 16)


def test_a_task_may_name_its_own_calendar_and_that_reschedules(plan_with_standard):
    command = SetTaskFields("a", calendar_id="std")
    assert command.apply(plan_with_standard).dates  # the window derives the schedule again
    assert finish_of_a(plan_with_standard) == date(2030, 1, 15)
    with pytest.raises(PlannerError) as refused:
        SetTaskFields("a", calendar_id="nowhere").apply(plan_with_standard)
    assert refused.value.code == "calendar.unknown"
    assert SetTaskFields("a", elapsed=True).apply(plan_with_standard).dates


@pytest.mark.parametrize("name, code, words", [
    ("", "calendar.bad_name", "needs a name"),
    ("Night\x07shift", "text.control_character", "control character U+0007 at character 6"),
    ("Tab\tname", "text.control_character", "U+0009"),
    ("standard", "calendar.duplicate", "'Standard' already exists"),
    ("x" * 1001, "text.too_long", "1,001 characters"),
])
def test_bad_names_are_refused_by_what_is_wrong(plan_with_standard, name, code, words):
    before = copy.deepcopy(plan_with_standard)
    for command in (AddCalendar(Calendar(name)), RenameCalendar("std", name)):
        if command.__class__ is RenameCalendar and code == "calendar.duplicate":
            continue  # renaming to its own name (another case) is allowed
        with pytest.raises(PlannerError) as refused:
            command.apply(plan_with_standard)
        assert refused.value.code == code and words in refused.value.message
    assert plan_with_standard == before


def test_an_exception_name_with_a_control_character_is_refused(plan_with_standard):
    with pytest.raises(PlannerError) as refused:
        SetCalendarExceptions("std", [CalendarException("Spring\x1bfestival", date(2030, 2, 4), date(2030, 2, 8))]
                              ).apply(plan_with_standard)
    assert refused.value.code == "text.control_character" and "exception 1: the name" in refused.value.message


def test_deleting_a_calendar_in_use_names_the_task_or_the_default(plan_with_standard):
    plan = plan_with_standard
    plan.tasks["b"].calendar_id = "std"
    with pytest.raises(PlannerError) as refused:
        DeleteCalendar("std").apply(plan)
    assert refused.value.code == "calendar.in_use" and "task B 'Task B'" in refused.value.message
    plan.tasks["b"].calendar_id = None
    plan.default_calendar_id = "std"
    with pytest.raises(PlannerError) as refused:
        DeleteCalendar("std").apply(plan)
    assert "the plan's default" in refused.value.message and "std" in plan.calendars


def test_a_calendar_with_no_working_day_is_refused(plan_with_standard):
    with pytest.raises(PlannerError) as refused:
        SetCalendarWeekdays("std", (False,) * 7).apply(plan_with_standard)
    assert refused.value.code == "calendar.no_working_day" and "Standard" in refused.value.message


def test_the_editors_result_is_one_step_that_undoes_as_a_whole(plan_with_standard):
    plan = plan_with_standard
    original = copy.deepcopy(plan)
    edited = copy.deepcopy(plan.calendars)
    edited["std"].weekdays = (True,) * 6 + (False,)
    edited["std"].exceptions = [HOLIDAY]
    edited["new"] = Calendar("Launch campaign", id="new")
    command = calendar_edits(plan, edited, "new")
    assert command is not None
    command.apply(plan)
    assert plan.calendars["std"].exceptions == [HOLIDAY] and plan.default_calendar_id == "new"
    command.revert(plan)
    assert plan == original
    assert calendar_edits(plan, copy.deepcopy(plan.calendars), None) is None  # nothing changed, no step


def test_the_editor_may_replace_the_default_and_delete_it_in_one_step(plan_with_standard):
    plan = plan_with_standard
    plan.default_calendar_id = "std"
    command = calendar_edits(plan, {}, None)
    assert command is not None
    command.apply(plan)
    assert plan.calendars == {} and plan.default_calendar_id is None

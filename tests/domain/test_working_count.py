"""Working days between two dates, counted without asking every day about every exception: a
partner's calendar may hold a million exceptions, and an export counts once per task."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import Calendar, CalendarException, Project, Task
from ilrs_planner.domain.working_count import WorkingDayCount
from ilrs_planner.engine.whatif import what_if
from ilrs_planner.exchange import xlsx

BASE = date(2030, 1, 1)
days = st.integers(-40, 120).map(lambda n: BASE + timedelta(days=n))


@st.composite
def calendars(draw):
    exceptions = []
    for number in range(draw(st.integers(0, 8))):
        start = draw(days)
        exceptions.append(CalendarException(f"e{number}", start, start + timedelta(days=draw(st.integers(0, 40))),
                                            working=draw(st.booleans())))
    return Calendar("site", tuple(draw(st.lists(st.booleans(), min_size=7, max_size=7))), exceptions)


@settings(max_examples=300, deadline=None)
@given(calendar=calendars(), start=days, length=st.integers(-5, 150))
def test_working_days_are_the_days_the_calendar_works_the_last_exception_deciding(calendar, start, length):
    stop = start + timedelta(days=length)
    by_hand = sum(calendar.is_working(start + timedelta(days=n)) for n in range(length))
    assert calendar.working_days(start, stop) == by_hand


@settings(max_examples=200, deadline=None)
@given(calendar=calendars(), day=days)
def test_a_count_tells_a_worked_day_as_the_calendar_does(calendar, day):
    assert WorkingDayCount(calendar).is_working(day) == calendar.is_working(day)


def test_a_holiday_inside_a_worked_saturday_range_is_not_worked():
    # Mon-Fri; Saturday 2030-01-05 to Sunday 01-13 worked, then Wednesday 01-09 a holiday (later wins).
    calendar = Calendar("site", (True,) * 5 + (False, False), [
        CalendarException("make-up", date(2030, 1, 5), date(2030, 1, 13), working=True),
        CalendarException("holiday", date(2030, 1, 9), date(2030, 1, 9))])
    # 2030-01-01 (Tue) .. 01-20 (Sun): weekdays 14, plus Sat/Sun 5, 6, 12, 13, less Wed the 9th.
    assert calendar.working_days(date(2030, 1, 1), date(2030, 1, 21)) == 14 + 4 - 1


class CountedExceptions(list):
    """A calendar's exceptions that count how often someone walks through them."""

    walks = 0

    def __iter__(self):
        CountedExceptions.walks += 1
        return super().__iter__()


def test_a_workbook_walks_a_calendars_exceptions_a_few_times_not_once_per_day_of_each_task(tmp_path):
    holidays = CountedExceptions(CalendarException(f"closure {n}", date(2030, 1, 1) + timedelta(days=7 * n),
                                                   date(2030, 1, 1) + timedelta(days=7 * n + 1)) for n in range(300))
    plan = Project("Closures", date(2030, 1, 1))
    plan.add_calendar(Calendar("Range", (True,) * 5 + (False, False), holidays, id="range"))
    plan.default_calendar_id = "range"
    for number in range(60):  # 20 phases of two tasks each: every phase's Duration is its span, counted
        plan.add_task(Task(f"T{number}", f"Task {number}", duration=200, id=f"t{number}",
                           parent_id=None if number % 3 == 0 else f"t{number - number % 3}"))
    CountedExceptions.walks = 0
    xlsx.write(plan, tmp_path / "plan.xlsx")
    # The scheduler lays the calendar out once, the workbook once more, the plan sheet asks its name:
    # day by day it was once per day of every task (60 x 280 walks), laid out per task once per phase.
    assert 0 < CountedExceptions.walks <= 10


def test_a_what_if_slip_walks_the_calendars_exceptions_a_few_times_not_once_per_day(tmp_path):
    holidays = CountedExceptions(CalendarException(f"closure {n}", date(2030, 1, 1) + timedelta(days=7 * n),
                                                   date(2030, 1, 1) + timedelta(days=7 * n + 1)) for n in range(100))
    plan = Project("Closures", date(2030, 1, 1))
    plan.add_calendar(Calendar("Range", (True,) * 5 + (False, False), holidays, id="range"))
    plan.default_calendar_id = "range"
    plan.add_task(Task("A", "Assembly", duration=20, id="a"))
    CountedExceptions.walks = 0
    result = what_if(plan, "a", slip_days=200)
    assert [move.key for move in result.moves] == ["A"]
    assert 0 < CountedExceptions.walks <= 10  # day by day it was one walk per day slipped (over 200)

"""A baseline's dates are read as precisely as the statement they were stored from."""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Precision, Task
from ilrs_planner.engine.shown_dates import baseline_precision, last_day_text, variance_text

LUNA_25 = Task("luna-25", "Luna-25", duration=9, actual_start=date(2023, 8, 11), actual_finish=date(2023, 8, 20))


def test_an_announced_year_reads_as_that_year_though_the_task_flew_to_the_day():
    # "2021" was stored from 2021-01-01 for the task's 9 days: [2021-01-01, 2021-01-10)
    assert baseline_precision(LUNA_25, (date(2021, 1, 1), date(2021, 1, 10))) is Precision.YEAR
    assert last_day_text(date(2021, 1, 1), date(2021, 1, 10), Precision.YEAR) == "2021"


def test_an_announced_quarter_and_month_read_as_such():
    assert baseline_precision(LUNA_25, (date(2023, 7, 1), date(2023, 7, 10))) is Precision.QUARTER  # "Q3 2023"
    assert baseline_precision(LUNA_25, (date(2023, 8, 1), date(2023, 8, 10))) is Precision.MONTH  # "August 2023"


def test_what_happened_is_read_to_the_day():
    assert baseline_precision(LUNA_25, (date(2023, 8, 11), date(2023, 8, 20))) is Precision.DAY
    event = Task("sa", "South Africa joins", actual_start=date(2023, 9, 1), actual_finish=date(2023, 9, 1))
    assert baseline_precision(event, (date(2023, 9, 1), date(2023, 9, 1))) is Precision.DAY  # on the 1st, yet a day


def test_a_deadline_year_for_a_milestone_reads_as_the_year():
    basic = Task("basic", "Basic station", precision=Precision.DAY)
    assert baseline_precision(basic, (date(2028, 12, 31), date(2028, 12, 31))) is Precision.YEAR  # "by 2028"
    assert last_day_text(date(2028, 12, 31), date(2028, 12, 31), Precision.YEAR) == "2028"


def test_whole_years_win_over_the_tasks_month_but_a_month_window_keeps_it():
    change_7 = Task("change-7", "Chang'e 7", duration=184, precision=Precision.MONTH)
    assert baseline_precision(change_7, (date(2024, 1, 1), date(2025, 1, 1))) is Precision.YEAR  # "2024"
    assert baseline_precision(change_7, (date(2026, 7, 1), date(2027, 1, 1))) is Precision.MONTH  # "July 2026"


def test_dates_on_no_boundary_are_days_and_a_plan_dated_to_the_day_has_only_days():
    task = Task("a", "A", duration=10)
    assert baseline_precision(task, (date(2030, 3, 5), date(2030, 3, 15))) is Precision.DAY
    assert baseline_precision(task, (date(2030, 1, 1), date(2031, 1, 1)), fuzzy=False) is Precision.DAY


def test_a_task_known_now_only_to_the_year_was_known_no_better_then():
    lm10 = Task("lm10", "Long March 10 first orbital flight", precision=Precision.YEAR)
    # captured when the status date forecast it on 2026-12-01: still "2026", not "2026-12"
    assert baseline_precision(lm10, (date(2026, 12, 1), date(2026, 12, 1))) is Precision.YEAR


def test_a_variance_reads_at_the_precision_of_the_dates_compared():
    year, quarter, month, day = Precision.YEAR, Precision.QUARTER, Precision.MONTH, Precision.DAY
    assert variance_text(365, date(2030, 12, 31), date(2031, 12, 31), year, year) == "+1 y"
    assert variance_text(-1827, date(2040, 12, 31), date(2035, 12, 31), year, year) == "-5 y"
    assert variance_text(200, date(2030, 1, 31), date(2030, 8, 19), year, year) == "0 y"  # another day of 2030
    assert variance_text(92, date(2029, 6, 30), date(2029, 9, 30), month, month) == "+3 mo"
    assert variance_text(365, date(2029, 6, 30), date(2030, 6, 30), month, month) == "+1 y"
    assert variance_text(240, date(2029, 6, 30), date(2030, 2, 25), quarter, month) == "+9 mo"  # Q2 to Q1 2030
    assert variance_text(400, date(2029, 6, 30), date(2030, 8, 4), month, year) == "+1 y"  # the coarser: years
    assert variance_text(1157, date(2026, 3, 31), date(2029, 5, 31), month, month) == "+3 y 2 mo"  # not "+38 mo"
    assert variance_text(-1157, date(2029, 5, 31), date(2026, 3, 31), month, month) == "-3 y 2 mo"
    assert variance_text(1278, date(2026, 3, 31), date(2029, 9, 30), quarter, quarter) == "+3 y 6 mo"  # Q1 to Q3
    assert variance_text(731, date(2026, 3, 31), date(2028, 3, 31), month, month) == "+2 y"
    assert variance_text(10, date(2029, 6, 1), date(2029, 6, 11), month, month) == "0 mo"
    # Against a day-exact date, at the coarser precision: Luna-25 "2021" flew and was lost 2023-08-19, two
    # years on; Chang'e 6 "in 2024" brought its samples back on 2024-06-25, within the year announced,
    # not 189 days early (the baseline's 31 December is the plan's placing in the year, not a date said).
    assert variance_text(952, date(2021, 12, 31), date(2023, 8, 19), year, day) == "+2 y"
    assert variance_text(-189, date(2024, 12, 31), date(2024, 6, 25), year, day) == "0 y"
    assert variance_text(40, date(2024, 6, 25), date(2024, 8, 4), day, month) == "+2 mo"  # June to August
    assert variance_text(-10, date(2030, 1, 5), date(2029, 12, 26), day, year) == "-1 y"
    assert variance_text(0, date(2023, 8, 19), date(2023, 8, 19), day, day) == "0 d"
    assert variance_text(None, None, None, day, day) == ""


def test_a_variance_in_periods_never_makes_up_or_hides_a_period():
    year, month = Precision.YEAR, Precision.MONTH
    # Utilisation after Chang'e 8 moved 730 days: 2036-01-01 -> 2037-12-31 (the 2032 leap day) reads
    # "2036" -> "2037", but it moved two years, as its finish "2045" -> "2047" did.
    assert variance_text(730, date(2036, 1, 1), date(2037, 12, 31), year, year) == "+730 d"
    assert variance_text(730, date(2045, 12, 31), date(2047, 12, 30), year, year) == "+2 y"
    # Two days over New Year are not a year; a day and a month over a month's end are not two months.
    assert variance_text(2, date(2030, 12, 31), date(2031, 1, 2), year, year) == "+2 d"
    assert variance_text(-2, date(2031, 1, 2), date(2030, 12, 31), year, year) == "-2 d"
    assert variance_text(32, date(2029, 6, 30), date(2029, 8, 1), month, month) == "+32 d"
    assert variance_text(31, date(2029, 7, 1), date(2029, 8, 1), month, month) == "+1 mo"

"""The days a slip colour counts: the periods the Finish variance's words count, worked by hand."""

from datetime import date

import pytest

from ilrs_planner.domain import Precision
from ilrs_planner.engine.shown_dates import variance_text
from ilrs_planner.engine.variance_periods import counted_days, period_days

Y, Q, M, D = Precision.YEAR, Precision.QUARTER, Precision.MONTH, Precision.DAY


@pytest.mark.parametrize("moved, was, now, precisions, words, days", [
    # Chang'e 6: announced "in 2024" (the baseline's last day 2024-02-23), back on 2024-06-25: same year.
    (123, date(2024, 2, 23), date(2024, 6, 25), (Y, D), "0 y", 0),
    # ... and against a baseline placing "2024" at its last day, 2024-12-31: 189 days early, still 2024.
    (-189, date(2024, 12, 31), date(2024, 6, 25), (Y, D), "0 y", 0),
    # Luna-25 "2021" (last day 2021-12-31) lost on 2023-08-19: two years, 2 x 365 days.
    (596, date(2021, 12, 31), date(2023, 8, 19), (Y, D), "+2 y", 730),
    # "2029-06" to "2029-09", 92 calendar days: three months are 3 x 365 / 12 = 91.25, 91 days.
    (92, date(2029, 6, 30), date(2029, 9, 30), (M, M), "+3 mo", 91),
    # A month early, "2029-07" to "2029-06": 30.4 days, never under the 31 the steps count a month.
    (-30, date(2029, 7, 31), date(2029, 6, 30), (M, M), "-1 mo", -31),
    # Q1 2030 to Q3 2030 (a day-exact finish): six months, 182.5 days, rounded to even: 182.
    (170, date(2030, 3, 31), date(2030, 9, 17), (Q, D), "+6 mo", 182),
    # Two days over New Year between two years: the words give the days, and so does the colour.
    (2, date(2030, 12, 31), date(2031, 1, 2), (Y, Y), "+2 d", 2),
    # Two dates known to the day: the calendar days, 45.
    (45, date(2030, 1, 1), date(2030, 2, 15), (D, D), "+45 d", 45),
])
def test_a_slip_is_counted_for_its_colour_as_its_words_count_it(moved, was, now, precisions, words, days):
    assert variance_text(moved, was, now, *precisions, moved) == words
    assert counted_days(moved, was, now, *precisions) == days


def test_whole_years_are_365_days_and_a_month_a_twelfth_of_them_at_least_31():
    assert [period_days(months) for months in (0, 1, -1, 2, 12, 24, 36, -12)] == [0, 31, -31, 61, 365, 730, 1095,
                                                                                -365]

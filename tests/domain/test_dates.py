"""Dates typed as planners write them keep their precision; nonsense is refused by name."""

from datetime import date

import pytest

from ilrs_planner.domain import (
    PlannerError,
    Precision,
    format_fuzzy_date,
    parse_duration,
    parse_fuzzy_date,
    parse_iso_date,
    period_end,
)


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("2029", date(2029, 1, 1), date(2029, 12, 31), Precision.YEAR),
        ("2029-06", date(2029, 6, 1), date(2029, 6, 30), Precision.MONTH),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29), Precision.MONTH),  # leap year
        ("Q3 2029", date(2029, 7, 1), date(2029, 9, 30), Precision.QUARTER),
        ("2029 q4", date(2029, 10, 1), date(2029, 12, 31), Precision.QUARTER),
        ("Q2 - 2029", date(2029, 4, 1), date(2029, 6, 30), Precision.QUARTER),
        ("2029/Q1", date(2029, 1, 1), date(2029, 3, 31), Precision.QUARTER),
        ("2029-06-15", date(2029, 6, 15), date(2029, 6, 15), Precision.DAY),
    ],
)
def test_typed_dates_keep_their_precision(text, start, end, precision):
    assert parse_fuzzy_date(text) == (start, precision)
    assert parse_fuzzy_date(text, end=True) == (end, precision)


@pytest.mark.parametrize("text", ["2029-02-31", "2029-13", "Q5 2029", "next year", "", "0001-01-01"])
def test_nonsense_dates_are_refused_by_name(text):
    with pytest.raises(PlannerError) as err:
        parse_fuzzy_date(text)
    assert err.value.code == "date.invalid"
    assert repr(text.strip())[1:-1] in err.value.message


def test_iso_dates_are_strict():
    assert parse_iso_date("2035-12-31") == date(2035, 12, 31)
    with pytest.raises(PlannerError, match="31 February|not a real date"):
        parse_iso_date("2030-02-31")
    with pytest.raises(PlannerError):
        parse_iso_date("2030")


def test_dates_display_at_announced_precision():
    day = date(2029, 8, 17)
    assert format_fuzzy_date(day, Precision.YEAR) == "2029"
    assert format_fuzzy_date(day, Precision.QUARTER) == "Q3 2029"
    assert format_fuzzy_date(day, Precision.MONTH) == "2029-08"
    assert format_fuzzy_date(day, Precision.DAY) == "2029-08-17"
    assert period_end(day, Precision.QUARTER) == date(2029, 9, 30)


@pytest.mark.parametrize("day, precision, last", [
    (date(2024, 2, 10), Precision.MONTH, date(2024, 2, 29)),  # a leap February
    (date(2100, 2, 1), Precision.MONTH, date(2100, 2, 28)),  # 2100 is not a leap year
    (date(2029, 12, 31), Precision.MONTH, date(2029, 12, 31)),  # the month after is next year's January
    (date(2029, 11, 5), Precision.QUARTER, date(2029, 12, 31)),
    (date(2030, 1, 1), Precision.QUARTER, date(2030, 3, 31)),
    (date(2030, 7, 4), Precision.YEAR, date(2030, 12, 31)),
    (date(2030, 7, 4), Precision.DAY, date(2030, 7, 4)),
])
def test_a_period_ends_on_its_last_day(day, precision, last):
    assert period_end(day, precision) == last


@pytest.mark.parametrize("text, days", [("5", 5), ("5d", 5), ("5 days", 5), ("0d", 0), ("2w", 14), ("3 edays", 3),
                                        ("4d?", 4), (7, 7)])
def test_durations_in_calendar_days(text, days):
    assert parse_duration(text) == days


@pytest.mark.parametrize("text, days", [
    ("1 mon", 30), ("1mon", 30), ("2 mons", 60), ("3 emon", 90), ("1 month?", 30), ("1.5 mo", 45),
    ("2 ew", 14), ("3 wks", 21), ("5 ed", 5), ("4 edays", 4), ("1 y", 365), ("2 eyrs", 730), ("1 year", 365),
    ("16h", 2), ("16 hrs", 2), ("9 hours", 2), ("24 eh", 1), ("30 ehrs", 2), ("480 mins", 1), ("1 emin", 1),
    ("0 days?", 0), ("3 DAYS", 3),
])
def test_ms_project_duration_units(text, days):
    # Calendar days: a week is 7, a month 30, a year 365; hours count MS Project's 8-hour working
    # day (24 elapsed) and round up to the day they touch.
    assert parse_duration(text) == days


@pytest.mark.parametrize("text", ["5 fortnights", "1 mon 2 d", "d", "5 e"])
def test_unknown_units_are_refused_with_the_units_we_know(text):
    with pytest.raises(PlannerError) as err:
        parse_duration(text)
    assert err.value.code == "duration.invalid" and "3mo, 1y or 7ed" in err.value.message


def test_a_duration_beyond_300_years_is_refused():
    assert parse_duration("300 y") == 109_500
    for text in ("99999999999999999999d", "1e400", "301 y", 10**30):
        with pytest.raises(PlannerError) as err:
            parse_duration(text)
        assert err.value.code == ("duration.too_long" if text != "1e400" else "duration.invalid")


def test_bad_durations_are_refused():
    with pytest.raises(PlannerError) as err:
        parse_duration("-3d")
    assert err.value.code == "task.negative_duration"
    with pytest.raises(PlannerError) as err:
        parse_duration("five")
    assert err.value.code == "duration.invalid"


def test_a_quarter_typed_with_a_long_run_of_spaces_is_refused_at_once():
    # "Q1", 100,000 spaces, "x": the run was split every possible way before the match failed (minutes).
    with pytest.raises(PlannerError) as err:
        parse_fuzzy_date("Q1" + " " * 100_000 + "x")
    assert err.value.code == "date.invalid"

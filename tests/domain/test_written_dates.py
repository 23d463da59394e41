"""Dates written with month names, slashes or dots are read as the planner meant them; a slashed
date that reads as two different days is refused with both named, never guessed."""

from datetime import date

import pytest

from ilrs_planner.domain import PlannerError, Precision, parse_fuzzy_date


@pytest.mark.parametrize(
    "text, start, end, precision",
    [
        ("June 2029", date(2029, 6, 1), date(2029, 6, 30), Precision.MONTH),
        ("feb 2028", date(2028, 2, 1), date(2028, 2, 29), Precision.MONTH),  # leap year
        ("Sept. 2029", date(2029, 9, 1), date(2029, 9, 30), Precision.MONTH),
        ("15 Jun 2029", date(2029, 6, 15), date(2029, 6, 15), Precision.DAY),
        ("1st March 2029", date(2029, 3, 1), date(2029, 3, 1), Precision.DAY),
        ("Jun 15, 2029", date(2029, 6, 15), date(2029, 6, 15), Precision.DAY),
        ("December 31 2035", date(2035, 12, 31), date(2035, 12, 31), Precision.DAY),
        ("2029/06/15", date(2029, 6, 15), date(2029, 6, 15), Precision.DAY),
        ("2029.6.5", date(2029, 6, 5), date(2029, 6, 5), Precision.DAY),
        ("15.06.2029", date(2029, 6, 15), date(2029, 6, 15), Precision.DAY),  # day first, as written with dots
        ("25/12/2029", date(2029, 12, 25), date(2029, 12, 25), Precision.DAY),  # 25 is no month: day first
        ("12/25/2029", date(2029, 12, 25), date(2029, 12, 25), Precision.DAY),  # month first
        ("4/4/2029", date(2029, 4, 4), date(2029, 4, 4), Precision.DAY),  # both readings the same day
    ],
)
def test_written_dates_are_read_as_meant(text, start, end, precision):
    assert parse_fuzzy_date(text) == (start, precision)
    assert parse_fuzzy_date(text, end=True) == (end, precision)


def test_a_slashed_date_with_two_readings_is_refused_naming_both():
    with pytest.raises(PlannerError) as err:
        parse_fuzzy_date("03/04/2029")
    assert err.value.code == "date.invalid"
    assert "3 April 2029 or 4 March 2029" in err.value.message
    assert "2029-04-03 or 2029-03-04" in err.value.message


@pytest.mark.parametrize("text, why", [
    ("30 Feb 2029", "not a real date"), ("Mayday 2029", "not a date"), ("13/13/2029", "not a real date"),
    ("15 Ju 2029", "not a date"), ("2029/02/30", "not a real date"),
])
def test_written_nonsense_is_refused_by_name(text, why):
    with pytest.raises(PlannerError) as err:
        parse_fuzzy_date(text)
    assert err.value.code == "date.invalid" and text in err.value.message and why in err.value.message

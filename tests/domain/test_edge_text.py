"""A constraint's date reads back as the same day, never more precisely than its task's dates."""

from datetime import date

from ilrs_planner.domain import Precision, edge_text, parse_fuzzy_date


def test_a_mid_year_start_at_a_years_precision_reads_as_the_quarter_it_begins():
    assert edge_text(date(2029, 7, 1), Precision.YEAR) == "Q3 2029"
    assert edge_text(date(2029, 1, 1), Precision.YEAR) == "2029"
    assert edge_text(date(2029, 8, 1), Precision.QUARTER) == "2029-08"
    assert edge_text(date(2029, 8, 6), Precision.YEAR) == "2029-08-06"


def test_a_finish_reads_as_the_period_it_ends_and_parses_back_to_its_day():
    for day in (date(2029, 9, 30), date(2029, 12, 31), date(2029, 2, 28), date(2029, 5, 17)):
        text = edge_text(day, Precision.YEAR, end=True)
        assert parse_fuzzy_date(text, end=True)[0] == day
    assert edge_text(date(2029, 9, 30), Precision.YEAR, end=True) == "Q3 2029"
    assert edge_text(date(2029, 7, 1), Precision.MONTH, end=True) == "2029-07-01"

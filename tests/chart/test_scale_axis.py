"""The time scale and the two-level axis header."""

import re
from datetime import date

import numpy as np

from ilrs_planner.chart import TimeScale, axis_header, estimate_text_width

WIDTH = estimate_text_width(7.0)


def test_scale_maps_days_to_pixels_both_ways():
    scale = TimeScale.fit(date(2030, 1, 1), date(2030, 1, 11), 100)  # 10 days over 100 px
    assert scale.px_per_day == 10
    assert scale.x_of(date(2030, 1, 6)) == 50
    assert scale.date_at(50) == date(2030, 1, 6)
    assert np.allclose(scale.x_of_ordinals(np.array([date(2030, 1, 3).toordinal()])), [20])


def test_zoom_keeps_the_date_under_the_cursor():
    scale = TimeScale.fit(date(2030, 1, 1), date(2031, 1, 1), 365)
    zoomed = scale.zoomed(2.0, anchor_x=100)
    assert zoomed.px_per_day == 2
    assert abs(zoomed.ordinal_at(100) - scale.ordinal_at(100)) < 1e-9


def test_pan_moves_content_with_the_pointer():
    scale = TimeScale.fit(date(2030, 1, 1), date(2030, 1, 11), 100)
    assert scale.panned(30).x_of(date(2030, 1, 1)) == 30


def _no_overlaps(cells):
    spans = sorted((c.label_x, c.label_x + WIDTH(c.label)) for c in cells if c.label)
    return all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


def test_whole_programme_shows_decades_over_years():
    scale = TimeScale.fit(date(2018, 1, 1), date(2053, 1, 1), 1000)  # ~28.5 px per year
    header = axis_header(scale, 1000, WIDTH)
    assert (header.upper_unit, header.lower_unit) == ("decade", "year")
    assert [c.label for c in header.upper][:2] == ["2010s", "2020s"]
    labels = [c.label for c in header.lower]
    assert labels[:3] == ["2018", "2020", "2022"]  # every second year when single years are too narrow
    assert abs((header.lower[1].x1 - header.lower[1].x0) - 2 * 365.25 * scale.px_per_day) < 1
    assert _no_overlaps(header.upper) and _no_overlaps(header.lower)


def test_two_years_shows_years_over_quarters_or_months():
    scale = TimeScale.fit(date(2030, 1, 1), date(2032, 1, 1), 1000)
    header = axis_header(scale, 1000, WIDTH)
    assert header.upper_unit == "year" and header.lower_unit == "month"
    assert [c.label for c in header.upper] == ["2030", "2031"]
    assert [c.label for c in header.lower][:3] == ["Jan", "Feb", "Mar"]
    assert _no_overlaps(header.lower)


def test_ten_years_shows_quarters_and_a_quarter_shows_weeks():
    ten = TimeScale.fit(date(2030, 1, 1), date(2040, 1, 1), 1400)
    assert axis_header(ten, 1400, WIDTH).lower_unit == "quarter"
    quarter = TimeScale.fit(date(2030, 1, 1), date(2030, 4, 1), 1000)
    header = axis_header(quarter, 1000, WIDTH)
    assert (header.upper_unit, header.lower_unit) == ("month", "week")
    assert header.upper[0].label == "Jan 2030"
    assert header.lower[0].x0 < 0 <= header.lower[1].x0  # weeks start on Monday (2029-12-31)


def test_two_weeks_name_each_day_under_its_week():
    fortnight = TimeScale.fit(date(2029, 12, 31), date(2030, 1, 14), 1000)  # ~71 px a day
    header = axis_header(fortnight, 1000, WIDTH)
    assert (header.upper_unit, header.lower_unit) == ("week", "day")
    assert [c.label for c in header.lower][:3] == ["Mon 31", "Tue 1", "Wed 2"]
    assert [c.label for c in header.upper] == ["31 Dec 2029", "7 Jan 2030"]
    assert _no_overlaps(header.lower)
    assert axis_header(TimeScale(fortnight.origin, 10.0), 1000, WIDTH).lower_unit == "week"  # too narrow for "31"


def test_every_day_is_labelled_alike_in_a_font_whose_letters_differ_in_width():
    # As a proportional font: 'W' and 'M' wide, 'i' and '1' narrow, so "Wed 25" is wider than "Tue 24".
    def proportional(text: str) -> float:
        return sum(11.0 if char in "WM" else 4.0 if char in "i1 " else 7.0 for char in text)

    forms = {r"[A-Z][a-z]{2} \d+": "name", r"[A-Z] \d+": "letter", r"\d+": "number"}
    seen = set()
    for px_per_day in (24.0, 30.0, 36.0, 42.0, 48.0, 56.0, 64.0, 80.0):  # day zoom, from narrow to wide
        header = axis_header(TimeScale(float(date(2030, 1, 1).toordinal()), px_per_day), 1200, proportional)
        assert header.lower_unit == "day"
        whole = [cell for cell in header.lower if cell.x1 <= 1200]  # a day cut by the edge may go unnamed
        kinds = {kind for pattern, kind in forms.items() for cell in whole if re.fullmatch(pattern, cell.label)}
        assert len(kinds) == 1 and all(cell.label for cell in whole), (px_per_day, header.lower)
        seen |= kinds
    assert seen == {"name", "letter", "number"}  # each form in turn as the days widen


def test_partly_visible_upper_cell_keeps_its_label_on_screen():
    scale = TimeScale.fit(date(2030, 7, 1), date(2032, 7, 1), 800)
    header = axis_header(scale, 800, WIDTH)
    first = header.upper[0]
    assert first.label == "2030" and first.x0 < 0 and first.label_x >= 0


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(days=st.floats(min_value=20, max_value=80 * 365), offset=st.integers(min_value=0, max_value=30 * 365),
       width=st.integers(min_value=300, max_value=3000))
def test_labels_never_overlap_at_any_zoom(days, offset, width):
    start = date(2018, 1, 1).toordinal() + offset
    scale = TimeScale(float(start), width / days)
    header = axis_header(scale, width, WIDTH)
    assert _no_overlaps(header.upper) and _no_overlaps(header.lower)
    for cell in header.lower:
        if cell.label:  # a label is never wider than its cell
            assert WIDTH(cell.label) <= cell.x1 - cell.x0

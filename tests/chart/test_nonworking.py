"""Non-working days as shaded columns, placed by hand at 10 px per day from Sunday 2029-12-30.

The view shows 14 days, 2029-12-30 (x 0) to 2030-01-12 (x 130–140). On Monday–Friday with New
Year's Day (Tuesday 2030-01-01) off, the days off are Sun 30 Dec (x 0–10), Tue 1 Jan (20–30),
Sat 5 – Sun 6 Jan (60–80) and Sat 12 Jan, which runs on into Sunday past the right edge (130–141).
"""

from __future__ import annotations

from datetime import date

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene
from ilrs_planner.chart.axis import estimate_text_width
from ilrs_planner.chart.nonworking import WorkingDays, nonworking_spans, shade_days
from ilrs_planner.domain import Calendar, CalendarException, continuous_calendar
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY

SCALE = TimeScale(float(date(2029, 12, 30).toordinal()), 10.0)
NEW_YEAR = CalendarException("New Year", date(2030, 1, 1), date(2030, 1, 1))


def spans(calendar: Calendar, scale: TimeScale = SCALE, width: float = 140) -> list[list[float]]:
    return nonworking_spans(WorkingDays(calendar), scale, width).tolist()


def test_weekends_and_a_holiday_become_columns_in_the_visible_range():
    calendar = Calendar("Standard", MONDAY_TO_FRIDAY, [NEW_YEAR])
    assert spans(calendar) == [[0, 10], [20, 30], [60, 80], [130, 141]]


def test_a_worked_saturday_is_not_shaded_and_a_later_exception_wins():
    make_up = CalendarException("Make-up Saturday", date(2030, 1, 5), date(2030, 1, 5), working=True)
    closure = CalendarException("Range closure", date(2030, 1, 2), date(2030, 1, 3))
    calendar = Calendar("Standard", MONDAY_TO_FRIDAY, [NEW_YEAR, make_up, closure])
    assert spans(calendar) == [[0, 10], [20, 50], [70, 80], [130, 141]]


def test_a_calendar_that_works_every_day_shades_nothing():
    assert spans(continuous_calendar()) == []
    assert spans(Calendar("Launch campaign")) == []


def test_panning_by_a_fraction_of_a_day_moves_the_columns_with_the_dates():
    shifted = TimeScale(SCALE.origin + 0.5, 10.0)  # half a day to the right: everything 5 px left
    assert spans(Calendar("Standard", MONDAY_TO_FRIDAY), shifted)[:2] == [[-1, 5], [55, 75]]


def test_days_are_shaded_at_week_zoom_only():
    width = estimate_text_width()
    assert shade_days(TimeScale(0.0, 10.0), width)  # ~70 px a week: the axis labels weeks
    assert shade_days(TimeScale(0.0, 120.0), width)  # a day as wide as a label
    assert not shade_days(TimeScale(0.0, 1.0), width)  # months: a day is one pixel
    assert not shade_days(TimeScale(0.0, 0.05), width)  # years


def test_the_scene_carries_the_columns_only_when_zoomed_in(plan):
    project, schedule, rows = plan
    data = build_chart_data(project, schedule, rows)
    days = WorkingDays(Calendar("Standard", MONDAY_TO_FRIDAY, [NEW_YEAR]))
    near = build_scene(data, SCALE, 140, 0, 5, SceneOptions(working_days=days))
    assert near.nonworking.tolist() == [[0, 10], [20, 30], [60, 80], [130, 141]]
    far = build_scene(data, TimeScale(SCALE.origin, 0.5), 140, 0, 5, SceneOptions(working_days=days))
    assert far.nonworking.tolist() == []

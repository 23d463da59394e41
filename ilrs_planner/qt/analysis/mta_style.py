"""What the milestone trend chart is drawn with: colours, fonts, sizes and where a date sits on an axis."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtGui import QColor, QFont

from ...chart import palette
from ...domain import Precision, period_end, period_start

# The lines take the owners' palette (chart.palette.series_color): its hues keep clear of the critical
# red and the tracking Gantt's slip reds, also for deuteranopes and protanopes, so no line reads as a slip.
TEXT, MUTED, GRID, GRID_MAJOR = QColor("#202124"), QColor("#5f6368"), QColor("#eceef1"), QColor("#c5cad1")
PAST = QColor(95, 99, 104, 22)
CURRENT = QColor("#1a73e8")  # the current plan's report date
MARKER = palette.STATUS_DATE  # the status-date purple of the Gantt: "the plan as of this day"
LOGICAL_SIZE = (1200.0, 1100.0)  # an exported picture, before scaling to its pixels
MARGIN, AXIS_LEFT, AXIS_BOTTOM = 28.0, 64.0, 54.0
HEADER, SHORT_HEADER = 62.0, 26.0  # title and subtitle above the plot; a short picture's smaller title alone
SHORT = 640.0  # a picture lower than this (a dock) gets the smaller title
LEGEND_W, LEGEND_MIN_W, LEGEND_ROW, LEGEND_TOP = 340.0, 230.0, 40.0, 34.0  # a column's width, at most and least
SHORT_ROW = 22.0  # a short picture's legend entry: the name and slip on one line


def font(px: float, bold: bool = False) -> QFont:
    """A font of `px` pixels (never under 6)."""
    made = QFont()
    made.setPixelSize(max(int(round(px)), 6))
    made.setBold(bold)
    return made


def years(day: date) -> float:
    """A day as a fractional year: where it sits on either axis."""
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def forecast_years(day: date, precision: Precision) -> float:
    """Where a forecast sits on the y axis: the middle of the period it was announced to.

    "By 2035" is stored as 2035-12-31; drawn there it would sit on the 2036 grid line. A year (or
    quarter, month) forecast is drawn in the middle of its period, where that year's label is.
    """
    if precision is Precision.DAY:
        return years(day)
    first, last = period_start(day, precision), period_end(day, precision)
    return (years(first) + years(last + timedelta(days=1))) / 2


def slip_text(line) -> str:
    """A line's total slip for the legend, as the slip report and `mta` print it ('+7 y' between years,
    '+3 y 2 mo' between months, exact days between days: engine.shown_dates.variance_text)."""
    return "no change" if line.total_calendar_days == 0 else line.total_slip_text

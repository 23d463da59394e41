"""How high the milestone trend's dock opens the first time: as high as what it holds needs.

Its panel's own height left the plot about 130 pixels high (5 pixels a year); a fixed 42 % of a
tall window then gave it more than a glance needs, the task table and chart above cut to half
the window. The dock now asks for a plot of PLOT_YEAR for each year its axes span (at least
PLOT_LEAST), or for what its legend needs to list every milestone in one column beside the plot,
whichever is more, and never more than TREND_MOST of the window: the table keeps most of it.
Names that do not fit at their lines' ends are in the legend, and "Open in window" reads them all.
(Every name at its end took more than 40 % of a 1050-pixel window: five of the roadmap's eight
end within four years.)
"""

from __future__ import annotations

from .mta_chart import MIN_ZOOM, MtaChartWidget
from .mta_labels import legend_height
from .mta_style import AXIS_BOTTOM, MARGIN, SHORT_HEADER, SHORT_ROW, years

PLOT_YEAR = 8.0  # the plot's height for each year on its axes (in the picture's units)
PLOT_LEAST = 160.0  # the plot's least height, however few the years
TREND_MOST = 0.4  # the most of the window's height the dock takes at first


def picture_height_wanted(chart: MtaChartWidget) -> float | None:
    """The height (in the picture's units) at which the chart shows what it holds; None with nothing shown."""
    picture = chart.picture()
    if picture is None:
        return None
    span = years(picture.trend.axis_to) - years(picture.trend.axis_from)
    plot = max(PLOT_YEAR * span, PLOT_LEAST) + AXIS_BOTTOM
    legend = legend_height(len(picture.trend.lines), 1, SHORT_ROW)  # beside the plot, from its top
    return MARGIN + SHORT_HEADER + max(plot, legend) + MARGIN


def dock_height_wanted(chart: MtaChartWidget, dock_height: int, window_height: int) -> int:
    """The dock's height for the chart to show what it holds (the rest of the dock as it is), within
    TREND_MOST of the window. A dock's picture is drawn at MIN_ZOOM (its height is far under the
    exported picture's)."""
    logical = picture_height_wanted(chart)
    if logical is None:
        return dock_height
    return min(dock_height - chart.height() + round(logical * MIN_ZOOM), int(window_height * TREND_MOST))

"""Membership over time: step lines of countries and of all participants, against the '555' target."""

from __future__ import annotations

import time
from datetime import date

import pyqtgraph as pg
from PySide6.QtCore import Qt

from ...domain import Participant, ParticipantKind

try:
    from ...data.reference import MEMBERSHIP_TARGETS, REPORTED_COUNTS
except ImportError:  # a build without the bundled roadmap still shows the plan's own members
    MEMBERSHIP_TARGETS, REPORTED_COUNTS = None, ()


def cumulative_steps(days: list[date], until: date) -> tuple[list[float], list[int]]:
    """A step line (epoch seconds, running count): up by one on each signing date, flat until `until`."""
    xs: list[float] = []
    ys: list[int] = []
    for count, day in enumerate(sorted(days), start=1):
        xs += [_seconds(day), _seconds(day)]
        ys += [count - 1, count]
    if xs:
        xs.append(max(_seconds(until), xs[-1]))
        ys.append(ys[-1])
    return xs, ys


def _seconds(day: date) -> float:
    return time.mktime(day.timetuple())


class MembershipChart(pg.PlotWidget):
    """Countries and all participants that signed, by date, with the 50-country target line."""

    def __init__(self, parent=None):
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.setBackground("w")
        self.showGrid(x=False, y=True, alpha=0.15)
        self.setMenuEnabled(False)
        self.getPlotItem().setLabel("left", "Signed")
        self.undated = 0  # members the lines leave out: no signing date is known
        self.legend = self.addLegend(offset=(10, 10), labelTextColor="#3c4043", brush=pg.mkBrush(255, 255, 255, 230))

    def show_participants(self, participants: list[Participant], today: date | None = None) -> None:
        """Draw the step lines for `participants` up to `today`."""
        self.clear()
        until = today or date.today()
        dated = [p for p in participants if p.joined is not None]
        countries = sorted(p.joined for p in dated if p.kind is ParticipantKind.COUNTRY)
        everyone = sorted(p.joined for p in dated)
        undated = [p for p in participants if p.joined is None]
        undated_countries = sum(p.kind is ParticipantKind.COUNTRY for p in undated)
        self._step(everyone, until, "#5f6368", "All participants", len(undated))
        self._step(countries, until, "#1a73e8", "Countries", undated_countries)
        self.undated = len(undated)
        for count in REPORTED_COUNTS:
            self.plot([_seconds(count.on)], [count.countries], pen=None, symbol="o", symbolSize=8,
                      symbolBrush="#e37400", symbolPen="w",
                      name="Official count (countries and organisations)" if count is REPORTED_COUNTS[0] else None)
        self._target_line()

    def _step(self, days: list[date], until: date, color: str, name: str, undated: int) -> None:
        """A step line; its legend says how many members are not on it for want of a signing date."""
        xs, ys = cumulative_steps(days, until)
        if xs:
            missing = f"; {undated} more without a signing date, not drawn" if undated else ""
            self.plot(xs, ys, pen=pg.mkPen(color, width=2), name=f"{name} ({ys[-1]} signed{missing})")

    def _target_line(self) -> None:
        if MEMBERSHIP_TARGETS is None:
            return
        target = MEMBERSHIP_TARGETS.countries
        year = MEMBERSHIP_TARGETS.target_year
        label = f"'555' goal: {target} countries — " + (f"by {year}" if year else "no target year in any source")
        line = pg.InfiniteLine(pos=target, angle=0, pen=pg.mkPen("#d93025", width=1.5, style=Qt.PenStyle.DashLine),
                               label=label, labelOpts={"position": 0.98, "color": "#d93025", "anchors": [(1, 1), (1,
                                                                                                                  1)]})
        self.addItem(line)
        self.setYRange(0, target * 1.35)  # room above the goal for the legend

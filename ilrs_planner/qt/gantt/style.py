"""Fonts, sizes and colours shared by the on-screen chart and the exported images."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from ...chart import palette
from ...chart.confidence import CONF_ASSUMPTION, CONF_INFERRED

PHASE_TINTS = ("#edf3fb", "#fcf3e8", "#edf7ef", "#f5eff9", "#faf7e6")  # faint, one per phase band
ROW_STRIPE = QColor(0, 0, 0, 9)
NONWORKING_DAY = QColor(60, 64, 67, 22)  # weekends and holidays: grey, quieter than a bar
SELECTED_ROW = QColor(26, 115, 232, 28)
GRID = QColor("#e3e6ea")
GRID_MAJOR = QColor("#c5cad1")
HEADER_BG = QColor("#f6f7f9")
HEADER_TEXT = QColor("#202124")
LABEL_TEXT = QColor("#202124")
MUTED_TEXT = QColor("#5f6368")
# How an unannounced date is outlined, in the owner's colour: an assumption dashed, an inference dotted.
PROVENANCE_PENS = {CONF_INFERRED: (Qt.PenStyle.DotLine, 1.4), CONF_ASSUMPTION: (Qt.PenStyle.DashLine, 1.8)}


def _font(pixel_size: float, bold: bool = False, family: str = "") -> QFont:
    font = QFont(family) if family else QFont()
    font.setPixelSize(max(int(round(pixel_size)), 6))
    font.setBold(bold)
    return font


@dataclass
class ChartStyle:
    """Everything the painters need to know about looks; sizes in logical pixels."""

    row_height: float = 24.0
    header_height: float = 44.0
    font_px: float = 12.0
    family: str = ""
    tag_rows: int = 0  # rows of the band above the time axis holding the names of marks
    label_font: QFont = field(init=False)
    bold_font: QFont = field(init=False)
    header_font: QFont = field(init=False)
    phase_font: QFont = field(init=False)
    _measures: dict = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self):
        self.label_font = _font(self.font_px, family=self.family)
        self.bold_font = _font(self.font_px, bold=True, family=self.family)
        self.header_font = _font(min(self.font_px, self.axis_height / 2 - 6), family=self.family)
        self.phase_font = _font(self.font_px - 1, bold=True, family=self.family)

    @property
    def tag_row_height(self) -> float:
        """Height of one row of the tag band (bold text with a little air)."""
        return round(self.font_px + 5)

    @property
    def axis_top(self) -> float:
        """Where the two-level time axis starts: under the tag band."""
        return self.tag_rows * self.tag_row_height

    @property
    def axis_height(self) -> float:
        """Height of the two-level time axis."""
        return self.header_height - self.axis_top

    def text_width(self, font: QFont | None = None) -> Callable[[str], float]:
        """A width function for the pure scene builder, measuring with the real font (cached:
        the painters ask for the same labels on every repaint)."""
        font = font or self.label_font
        key = (font.pixelSize(), font.bold(), font.family())
        if key not in self._measures:
            metrics = QFontMetricsF(font)
            # Through a lambda: wrapping the Qt method itself makes functools read its __doc__, which
            # starts PySide's signature machinery (60 ms of the window's start).
            self._measures[key] = functools.lru_cache(maxsize=4096)(lambda text: metrics.horizontalAdvance(text))
        return self._measures[key]


def qcolor(hex_color: str, alpha: int = 255) -> QColor:
    """A QColor from '#rrggbb' with an alpha."""
    color = QColor(hex_color)
    color.setAlpha(alpha)
    return color


CRITICAL = QColor(palette.CRITICAL)

"""The sizes around a timeline's rows: margins, title, subtitle, time axis and footer.

An image or a slide is seen whole from a distance: a large title over roomy margins. A printed page
is read in the hand at arm's length, where every line of furniture is a row fewer: MS Project
heads its printed pages with a line or two of small print and gives the rest to the rows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Furniture:
    """Sizes in the picture's logical units (see TimelinePicture)."""

    margin: float = 28.0  # round the whole picture, inside the page's own margins
    title_px: float = 26.0
    subtitle_px: float = 14.0
    footer_px: float = 11.0
    axis_height: float = 46.0  # the two-level time axis, under the band of the marks' names
    gap: float = 10.0  # under the subtitle; the legend and the footer stand a little further off

    @property
    def top(self) -> float:
        """From the top edge to the chart: margin, title, subtitle and the gap under them."""
        return self.margin + self.title_px * 1.3 + self.subtitle_px * 1.8 + self.gap

    @property
    def legend_gap(self) -> float:
        return self.gap * 1.4

    @property
    def bottom(self) -> float:
        """From the legend's foot to the bottom edge: the gap, the footer and the margin."""
        return self.gap * 1.2 + self.footer_px * 2 + self.margin


SCREEN = Furniture()
# A printed page, its logical unit a typographic point: 12 pt title, 8 pt subtitle and footer.
PRINTED = Furniture(margin=8.0, title_px=12.0, subtitle_px=8.0, footer_px=7.0, axis_height=28.0, gap=2.5)

"""File → Print over pages: the roadmap's rows at a readable size, each page headed and numbered."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from ilrs_planner.chart import PROGRAMME_END, PROGRAMME_START
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt import printing
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt.export_layout import TimelinePicture


@pytest.fixture(scope="module")
def roadmap():
    return Document(build_reference_project())


def _print(roadmap, tmp_path, monkeypatch, one_page: bool):
    """Print the whole roadmap to a PDF; what each page painted: its rows, its text size in points
    and its page note."""
    painted: list[tuple[tuple[int, int], float, str]] = []

    class Recorded(TimelinePicture):
        def paint(self, p, width, height, style, rows=None):
            points = style.font_px * p.worldTransform().m11() / printer.resolution() * 72
            painted.append((rows, points, self.page_note))
            return super().paint(p, width, height, style, rows)

    monkeypatch.setattr(printing, "TimelinePicture", Recorded)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    assert printing.paint_timeline(printer, roadmap, PROGRAMME_START, PROGRAMME_END, one_page=one_page)
    pdf = (tmp_path / "printed.pdf").read_bytes()
    return painted, len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_roadmap_prints_over_pages_at_a_readable_size_each_numbered(roadmap, tmp_path, monkeypatch):
    painted, pages = _print(roadmap, tmp_path, monkeypatch, one_page=False)
    assert pages == len(painted) >= 2  # 65 rows do not fit one A4 page at a readable size
    assert all(points >= 8.0 for _rows, points, _note in painted)  # the names were about 5 pt
    assert [note for *_rest, note in painted] == [f"page {n} of {pages}" for n in range(1, pages + 1)]
    spans = [rows for rows, *_rest in painted]
    assert spans[0][0] == 0 and all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # every row, once
    assert all(last > first for first, last in spans)


def test_everything_on_one_page_when_asked(roadmap, tmp_path, monkeypatch):
    painted, pages = _print(roadmap, tmp_path, monkeypatch, one_page=True)
    assert pages == len(painted) == 1 and painted[0][2] == ""


def test_the_preview_offers_pages_at_a_readable_size_or_one_page(qtbot, roadmap_window, monkeypatch):
    notes: list[str] = []

    class Recorded(TimelinePicture):
        def paint(self, *args, **kwargs):
            notes.append(self.page_note)
            return super().paint(*args, **kwargs)

    monkeypatch.setattr(printing, "TimelinePicture", Recorded)
    dialog = printing.preview_dialog(roadmap_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "page 1 of" in " ".join(notes), timeout=30000)
    combo = dialog.scale_combo
    assert combo.isVisible() and combo.currentText() == printing.PAGED
    notes.clear()
    combo.setCurrentText(printing.ONE_PAGE)
    qtbot.waitUntil(lambda: bool(notes), timeout=30000)
    assert notes == [""]
    dialog.reject()

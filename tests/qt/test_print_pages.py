"""File → Print over pages: the roadmap's rows at a readable size, each page headed and numbered."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter

from ilrs_planner.chart import PROGRAMME_END, PROGRAMME_START
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Task
from ilrs_planner.qt import print_preview, printing
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.printed_columns import PrintedTimeline


@pytest.fixture(scope="module")
def roadmap():
    return Document(build_reference_project())


def _print(roadmap, tmp_path, monkeypatch, one_page: bool, rows: list[str] | None = None):
    """Print the whole roadmap to a PDF; what each page painted: its rows, its text size in points
    and its page note."""
    painted: list[tuple[tuple[int, int], float, str]] = []

    class Recorded(PrintedTimeline):
        def paint(self, p, width, height, style, rows=None):
            points = style.font_px * p.worldTransform().m11() / printer.resolution() * 72
            painted.append((rows, points, self.page_note))
            return super().paint(p, width, height, style, rows)

    monkeypatch.setattr(printing, "PrintedTimeline", Recorded)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    assert printing.paint_timeline(printer, roadmap, PROGRAMME_START, PROGRAMME_END, rows=rows, one_page=one_page)
    pdf = (tmp_path / "printed.pdf").read_bytes()
    return painted, len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_the_roadmap_prints_over_pages_at_a_readable_size_each_numbered(roadmap, tmp_path, monkeypatch):
    painted, pages = _print(roadmap, tmp_path, monkeypatch, one_page=False)
    # 65 rows on two A4 pages at the size MS Project prints them: 8 pt (they took four pages at 9 pt)
    assert pages == len(painted) == 2
    assert all(points == pytest.approx(8.0, abs=0.01) for _rows, points, _note in painted)
    # Page 2 opens on Luna-27: its page names the branch begun on page 1.
    assert [note for *_rest, note in painted] == ["page 1 of 2", "page 2 of 2, continuing “Russian Luna programme”"]
    spans = [rows for rows, *_rest in painted]
    assert spans[0][0] == 0 and all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # every row, once
    assert all(last > first for first, last in spans)


def test_everything_on_one_page_when_asked(roadmap, tmp_path, monkeypatch):
    painted, pages = _print(roadmap, tmp_path, monkeypatch, one_page=True)
    assert pages == len(painted) == 1 and painted[0][2] == ""


def test_the_preview_offers_pages_at_a_readable_size_or_one_page(qtbot, roadmap_window, monkeypatch):
    notes: list[str] = []

    class Recorded(PrintedTimeline):
        def paint(self, *args, **kwargs):
            notes.append(self.page_note)
            return super().paint(*args, **kwargs)

    monkeypatch.setattr(printing, "PrintedTimeline", Recorded)
    dialog = print_preview.preview_dialog(roadmap_window)
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


def test_every_page_carries_the_id_and_name_of_its_rows_as_the_table_shows_them(roadmap, tmp_path, monkeypatch):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    rows_by_page: dict[str, list[tuple[int, str, float]]] = {}

    class Recorded(PrintedTimeline):
        def _paint_row(self, p, row, top, id_width, width, style):
            points = style.label_font.pixelSize() * p.worldTransform().m11() / printer.resolution() * 72
            rows_by_page.setdefault(self.page_note, []).append((self.outline[row][0], self.names[row], points))
            return super()._paint_row(p, row, top, id_width, width, style)

    monkeypatch.setattr(printing, "PrintedTimeline", Recorded)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    assert printing.paint_timeline(printer, roadmap, PROGRAMME_START, PROGRAMME_END)
    assert len(rows_by_page) >= 2 and all(note.startswith("page ") for note in rows_by_page)
    printed = [entry for page in rows_by_page.values() for entry in page]
    plan = roadmap.project
    assert [(number, name) for number, name, _points in printed] == [
        (number, task.name) for number, (task, _depth) in enumerate(plan.walk(), 1)]  # ID as the table numbers it
    assert all(points == pytest.approx(8.0, abs=0.01) for *_rest, points in printed)


def test_sixty_seven_rows_share_three_a4_pages_each_saying_which_branch_it_continues(tmp_path, monkeypatch):
    # Two more agreements: 67 rows, 33 to an A4 page. Filled page by page they printed 33 + 33 + 1,
    # a last page of one row, and pages 2 and 3 opened on tasks of a branch named on an earlier page.
    project = build_reference_project()
    agreements = next(task for task, _depth in project.walk() if task.name == "Agreements & membership")
    for number in (1, 2):
        project.add_task(Task(f"More {number}", f"Another partner joins ({number})", 0, id=f"more-{number}",
                              parent_id=agreements.id, position=100 + number))
    painted, pages = _print(Document(project), tmp_path, monkeypatch, one_page=False)
    assert pages == 3 and [rows for rows, *_rest in painted] == [(0, 23), (23, 45), (45, 67)]
    assert [note for *_rest, note in painted] == ["page 1 of 3", "page 2 of 3, continuing “Crewed programme”",
                                                  "page 3 of 3, continuing “Agreements & membership”"]


def test_a_print_sorted_by_name_names_no_branch_as_continued(roadmap, tmp_path, monkeypatch):
    # Sorted, the rows after a page break are not the rest of a branch printed above them: page 2
    # opens on "Long March 10 first orbital flight", its Crewed programme 17 rows up among others'.
    project = roadmap.project
    rows = sorted((task.id for task, _depth in project.walk()), key=lambda tid: project.tasks[tid].name)
    painted, pages = _print(roadmap, tmp_path, monkeypatch, one_page=False, rows=rows)
    assert pages == 2 and [note for *_rest, note in painted] == ["page 1 of 2", "page 2 of 2"]

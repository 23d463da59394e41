"""Exports on paper: an A3 sheet holds the whole roadmap, a PDF's pages share the rows evenly and a
page of paper is asked for by its name (A3, A4) on the command line and in the dialog."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QImage

from ilrs_planner.cli import main
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.gantt.export_layout import TimelinePicture
from ilrs_planner.qt.gantt.export_pdf import LOGICAL_WIDTHS, PAPER_MM, even_pages, pdf_pages
from ilrs_planner.qt.gantt.export_writers import printed_row, render_image
from ilrs_planner.qt.image_export import _schedule, _shown_range, export_image
from ilrs_planner.store import save_project

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
ROADMAP_ROWS = 65  # the reference roadmap: its phases, programmes, missions and agreements


@pytest.fixture(scope="module")
def roadmap():
    return build_reference_project()


def _picture(project) -> TimelinePicture:
    scheduled = _schedule(project)
    start, end = _shown_range(project, scheduled, None, None)
    return TimelinePicture(project, scheduled, start, end, milestones_only=False, title=None, baseline=None)


def _label_boxes(picture: TimelinePicture) -> list[tuple[int, float, float]]:
    """(row, left, right) of every bar's name as painted."""
    style = picture.painted_style
    return [(label.row, label.x, label.x + style.text_width(style.bold_font if label.bold else style.label_font)(
        label.text)) for label in picture.painted_scene.labels]


def test_an_a3_sheet_at_300_dpi_shows_every_row_of_the_roadmap_with_its_names_whole(roadmap):
    picture = _picture(roadmap)
    image = render_image(picture, 4961, 3508, 300)
    assert picture.warnings == [] and len(picture.data) == ROADMAP_ROWS  # nothing folded away
    assert (image.width(), image.height()) == (4961, 3508)
    scene, style = picture.painted_scene, picture.painted_style
    assert (scene.first_row, scene.last_row) == (0, ROADMAP_ROWS - 1)  # every row painted
    boxes = _label_boxes(picture)
    assert {row for row, _left, _right in boxes} == set(range(ROADMAP_ROWS))  # each row named
    assert all(left >= 0 and right <= scene.width for _row, left, right in boxes)  # none cut at the edge
    assert not any(label.text.endswith("…") for label in scene.labels)
    # Printed at 300 dpi, a row is at least 3.4 mm and its names at least 6 pt.
    mm_per_unit = 25.4 / 96
    assert style.row_height * mm_per_unit >= 3.4 and style.font_px * mm_per_unit / 0.3528 >= 5.9


def test_an_a4_sheet_keeps_the_critical_path_and_folds_the_fewest_bars(roadmap):
    picture = _picture(roadmap)
    image = render_image(picture, 3508, 2480, 300)
    assert (image.width(), image.height()) == (3508, 2480)
    # Room for 38 rows of 3.4 mm. Folding the agreements and two branches of two rows showed 38 but
    # hid Utilisation's two critical tasks; the crewed programme folds instead (its milestones drawn
    # rolled up on its summary row, two bars hidden), every critical task shown.
    critical = {tid for tid, flag in zip(picture.data.task_ids, picture.data.critical.tolist()) if flag}
    assert critical == _schedule(roadmap).critical_ids()  # the critical tasks and their summaries
    assert len(picture.data) == 32 and len(picture.warnings) == 1
    assert "“Agreements & membership” (23 rows), “Crewed programme” (10 rows)" in picture.warnings[0]


def test_the_same_sheet_as_a_slide_still_folds_rows_that_would_be_too_small_across_a_room(roadmap):
    picture = _picture(roadmap)
    render_image(picture, 1920, 1080)
    assert len(picture.data) < ROADMAP_ROWS and "“Agreements & membership”" in picture.warnings[0]


def test_an_a3_pdf_holds_the_roadmap_on_one_page(roadmap, tmp_path):
    path = export_image(roadmap, tmp_path / "roadmap.pdf", page_size="A3")
    assert len(re.findall(rb"/Type\s*/Page\b", path.read_bytes())) == 1


def test_an_a4_pdf_shares_the_rows_evenly_and_fills_each_page(roadmap):
    picture, width = _picture(roadmap), LOGICAL_WIDTHS["A4"]
    height = width * PAPER_MM["A4"][1] / PAPER_MM["A4"][0]
    pages = pdf_pages(picture, width, height, printed_row(PAPER_MM["A4"][0] / width))
    sizes = [last - first for first, last in pages]
    assert len(pages) > 1 and sum(sizes) == ROADMAP_ROWS and pages[0][0] == 0
    assert all(a[1] == b[0] for a, b in zip(pages, pages[1:], strict=False))  # no row left out or shown twice
    assert max(sizes) - min(sizes) <= 1  # 22 + 22 + 21, not 32 + 32 + 1
    style = picture.fitted_style(width, height, max(sizes))
    assert style.row_height > 18  # the rows take the page, not a band over an empty half


@pytest.mark.parametrize("rows, per_page, expected", [(65, 32, [22, 22, 21]), (64, 32, [32, 32]),
                                                      (10, 32, [10]), (1, 5, [1]), (101, 25, [21, 20, 20, 20, 20])])
def test_pages_share_their_rows_evenly(rows, per_page, expected):
    pages = even_pages(rows, per_page)
    assert [last - first for first, last in pages] == expected and pages[-1][1] == rows


def test_the_command_line_gives_an_a3_sheet_at_300_dpi_and_an_a4_pdf(tmp_path, capsys):
    plan = tmp_path / "roadmap.db"
    save_project(build_reference_project(), plan)
    assert main(["export", str(plan), "-o", str(tmp_path / "sheet.png"), "--page", "A3"]) == 0
    assert "folded" not in capsys.readouterr().err  # the whole roadmap on the sheet
    sheet = QImage(str(tmp_path / "sheet.png"))
    assert (sheet.width(), sheet.height()) == (4961, 3508) and abs(sheet.dotsPerMeterX() - 300 / 0.0254) < 2
    assert main(["export", str(plan), "-o", str(tmp_path / "a4.pdf"), "--page", "a4"]) == 0
    box = re.search(rb"/MediaBox\s*\[([\d.\s]+)\]", (tmp_path / "a4.pdf").read_bytes())[1].split()
    assert [round(float(v)) for v in box[2:]] == [842, 595]  # A4 landscape, in points
    assert main(["export", str(plan), "-o", str(tmp_path / "both.png"), "--page", "A3", "--size", "800x600"]) != 0
    assert "not both" in capsys.readouterr().err


def test_the_dialogs_a3_sheet_is_printed_at_300_dpi_with_every_row(qtbot, roadmap, tmp_path):
    from ilrs_planner.qt.dialogs.export_dialog import ExportDialog
    from ilrs_planner.qt.document import Document

    dialog = ExportDialog(Document(roadmap))
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.path_edit.setText(str(tmp_path / "briefing.png"))
    dialog.size_combo.setCurrentText("A3 landscape, 4961 × 3508 (300 dpi)")
    dialog.all_tasks.setChecked(True)
    dialog.try_export()
    sheet = QImage(str(tmp_path / "briefing.png"))
    assert not dialog.isVisible() and dialog.warnings == []  # nothing folded into its summary
    assert (sheet.width(), sheet.height()) == (4961, 3508) and abs(sheet.dotsPerMeterX() - 300 / 0.0254) < 2


def test_a_page_opening_inside_a_branch_says_whose_rows_it_continues(roadmap):
    picture, width = _picture(roadmap), LOGICAL_WIDTHS["A4"]
    height = width * PAPER_MM["A4"][1] / PAPER_MM["A4"][0]
    pages = pdf_pages(picture, width, height, printed_row(PAPER_MM["A4"][0] / width))
    notes = [picture.page_of(n, len(pages), first) for n, (first, _last) in enumerate(pages, 1)]
    assert notes[0] == f"page 1 of {len(pages)}"
    # The agreements run from page 2 onto page 3: page 3 says whose they are.
    assert notes[-1] == f"page {len(pages)} of {len(pages)}, continuing “Agreements & membership”"
    assert picture.page_of(1, 1, 0) == ""  # one page: no page note at all

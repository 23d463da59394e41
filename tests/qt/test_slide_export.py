"""Slide-ready exports: exact pixel sizes with readable rows, SVG in pixels, PDF fades and pages."""

from __future__ import annotations

import re
import zlib
from datetime import date

import pytest
from PySide6.QtGui import QImage

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Project, Task
from ilrs_planner.qt.image_export import export_image


@pytest.fixture(scope="module")
def roadmap():
    return build_reference_project()


@pytest.mark.parametrize("size", [(1920, 1080), (1600, 1200), (3508, 2480), (1280, 720)])
def test_a_slide_size_gives_exactly_that_many_pixels(roadmap, tmp_path, size):
    image = QImage(str(export_image(roadmap, tmp_path / "slide.png", width=size[0], height=size[1])))
    assert (image.width(), image.height()) == size


def test_rows_that_would_be_unreadable_on_a_slide_are_folded_and_the_warning_says_which(roadmap, tmp_path):
    warnings: list[str] = []
    export_image(roadmap, tmp_path / "slide.png", width=1920, height=1080, warnings=warnings)
    assert len(warnings) == 1 and "“Agreements & membership”" in warnings[0] and "1920×1080" in warnings[0]
    tall: list[str] = []
    export_image(roadmap, tmp_path / "tall.png", width=1920, height=3000, warnings=tall)
    assert tall == []  # room for every row: nothing folded


def test_svg_is_sized_in_pixels_with_a_view_box(roadmap, tmp_path):
    text = export_image(roadmap, tmp_path / "slide.svg", width=1920, height=1080).read_text(encoding="utf-8")
    root = re.search(r"<svg[^>]*>", text)[0]
    assert 'width="1920px"' in root and 'height="1080px"' in root and 'viewBox="0 0 1920 1080"' in root
    assert "mm" not in root


def _pdf_objects(data: bytes) -> bytes:
    """The PDF's objects with any compressed streams inflated, for looking at drawing operators."""
    out = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(match[1]))
        except zlib.error:
            pass
    return b"\n".join(out)


def _colour_shadings(data: bytes) -> list[tuple[bytes, bytes]]:
    """(C0, C1) of every RGB colour function (a gradient's stops)."""
    pairs = re.findall(rb"/C0 \[([\d. ]+)\]\s*/C1 \[([\d. ]+)\]", _pdf_objects(data))
    return [(a.strip(), b.strip()) for a, b in pairs if len(a.split()) == 3]


def test_the_pdf_keeps_the_year_and_month_fades_as_colour_gradients(roadmap, tmp_path):
    data = export_image(roadmap, tmp_path / "roadmap.pdf").read_bytes()
    shadings = _colour_shadings(data)
    # Each fade is a gradient whose colour itself changes (not a flat colour with a transparency
    # mask, which PDF viewers such as poppler draw as a solid bar).
    assert len(shadings) >= 10 and all(c0 != c1 for c0, c1 in shadings)


def _pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", data))


def _long_plan(rows: int) -> Project:
    project = Project("Long plan", build_reference_project().start)
    for i in range(rows):
        project.add_task(Task(f"t{i}", f"Task {i}", duration=30 + i, position=i))
    return project


def test_a_long_plan_gets_pages_with_a_repeated_header_or_one_page_when_asked(tmp_path):
    project = _long_plan(200)
    paged = export_image(project, tmp_path / "paged.pdf", page_size="A4").read_bytes()
    assert _pages(paged) >= 3
    one = export_image(project, tmp_path / "one.pdf", page_size="A4", one_page=True).read_bytes()
    assert _pages(one) == 1
    assert _pages(export_image(_long_plan(20), tmp_path / "short.pdf", page_size="A4").read_bytes()) == 1


def _blank_above_footer(image: QImage) -> int:
    """How many pixel rows of white lie between the last drawing and the footer's rule."""
    rule = next(y for y in range(image.height() - 1, 0, -1) if image.pixelColor(image.width() // 2, y).red() < 235)
    y = rule - 3
    while y > 0 and all(image.pixelColor(x, y).red() > 250 for x in range(0, image.width(), 4)):
        y -= 1
    return rule - y


def test_a_short_plan_fills_the_slide_with_taller_rows_and_larger_text_not_a_blank_lower_half(roadmap, tmp_path):
    path = export_image(roadmap, tmp_path / "months.png", width=1920, height=1080,
                        date_from=date(2025, 8, 1), date_to=date(2027, 7, 1))  # the rows at work in those two years
    blank = _blank_above_footer(QImage(str(path)))
    assert blank < 1080 * 0.12, blank

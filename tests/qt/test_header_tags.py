"""The header names key dates, today and the status date without hiding a single axis label."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF

from ilrs_planner.chart import PROGRAMME_END, PROGRAMME_START, axis_header
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.gantt.export_layout import TimelinePicture
from ilrs_planner.qt.gantt.export_writers import render_image
from ilrs_planner.qt.gantt.marks import pin_top, tag_rect
from ilrs_planner.qt.gantt.painter import axis_label_rects
from ilrs_planner.qt.image_export import _schedule


def _label_rects(view) -> list[QRectF]:
    style, width = view.canvas.header_style, view.canvas.width()
    header = axis_header(view.scale, width, style.text_width(style.header_font))
    return [rect for rect, _text, _major in axis_label_rects(header, width, style)]


def _clashes(rects: list[QRectF], labels: list[QRectF]) -> list:
    pairs = [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersects(b)]
    return pairs + [(a, b) for a in rects for b in labels if a.intersects(b)]


def test_at_800_px_no_tag_covers_another_or_an_axis_label_and_every_key_date_is_marked(roadmap_window):
    view = roadmap_window.gantt
    view.zoom_preset("programme")
    view.canvas.grab()
    tags = view.canvas.tags
    rects = [tag_rect(t, view.canvas.header_style) for t in tags.placed]
    assert rects and not _clashes(rects, _label_rects(view))
    assert all(r.left() >= 0 and r.right() <= view.canvas.width() for r in rects)
    keys = {line.text for line in view.canvas.build_scene().key_lines}
    named = {t.spec.text for t in tags.placed if t.spec.kind == "key"}
    assert keys == named | {s.text for s in tags.dropped if s.kind == "key"}  # every key date is marked
    assert len(named) >= len(keys) - 1
    for tag in tags.placed:  # and none is read as another date's name: no tag lies across a line above
        assert not [o.text for o in tags.placed if o.row < tag.row and tag.x0 <= o.spec.x <= tag.x1]
    assert all(t.text.startswith(" ".join(t.spec.text.split()[:2]).rstrip(" ·/&,-–:")) for t in tags.placed)


def test_a_shortened_tag_and_a_pinned_mark_name_themselves_in_full_in_a_tooltip(roadmap_window):
    view = roadmap_window.gantt
    view.zoom_preset("programme")
    view.canvas.grab()
    tags = view.canvas.tags
    short = next(t for t in tags.placed if t.shortened)
    assert short.spec.text in view.canvas.tooltip_at(tag_rect(short, view.canvas.header_style).center())
    assert short.spec.text not in short.text
    for spec in tags.dropped:  # a mark with no room for its tag
        at = QPointF(spec.x, pin_top(spec, tags, view.canvas.header_style) + 3)
        assert spec.detail and spec.detail in view.canvas.tooltip_at(at).split("\n")


def test_a_wide_window_names_every_mark_in_full(roadmap_window, qtbot):
    roadmap_window.resize(1600, 1000)
    view = roadmap_window.gantt
    qtbot.waitUntil(lambda: view.canvas.width() > 1000)
    view.zoom_preset("programme")
    view.canvas.grab()
    tags = view.canvas.tags
    assert not tags.dropped and not any(t.shortened for t in tags.placed)
    assert not _clashes([tag_rect(t, view.canvas.header_style) for t in tags.placed], _label_rects(view))


@pytest.mark.parametrize("chart_width", [820, 1000])
def test_a_1920_window_whose_table_reads_to_total_float_names_every_key_date_in_full(roadmap_window, qtbot,
                                                                                     chart_width):
    # The table given its columns to Total float leaves the chart about 1000 px of a 1920 window
    # (820 of a 1366 one): in two rows of tags "Chang'e 6 samples…" and "First Chinese crewed…" were cut.
    roadmap_window.resize(1920, 1080)
    splitter, view = roadmap_window.splitter, roadmap_window.gantt
    qtbot.waitUntil(lambda: splitter.width() > 1800)
    splitter.setSizes([splitter.width() - chart_width, chart_width])
    qtbot.waitUntil(lambda: abs(view.canvas.width() - chart_width) < 30)
    view.zoom_preset("programme")
    view.canvas.grab()
    tags = view.canvas.tags
    assert {t.text for t in tags.placed if t.spec.kind == "key"} == {
        "Chang'e 6 samples back on Earth", "First Chinese crewed lunar landing", "ILRS basic station complete",
        "ILRS extended station complete"}
    assert not tags.dropped and not any(t.shortened for t in tags.placed)
    assert not _clashes([tag_rect(t, view.canvas.header_style) for t in tags.placed], _label_rects(view))
    # The table's header is as tall as the chart's, so the rows still line up.
    assert roadmap_window.tree.header().height() == view.style.header_height


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_an_exported_slide_names_every_mark_in_full_above_the_axis(size):
    project = build_reference_project()
    picture = TimelinePicture(project, _schedule(project), PROGRAMME_START, PROGRAMME_END,
                              milestones_only=False, title=None, baseline=None)
    render_image(picture, *size)
    tags, style = picture.tags, picture.painted_style
    assert len(tags.placed) >= 5 and not tags.dropped  # four key dates and the status date at least
    assert not any(t.shortened for t in tags.placed)
    assert style.tag_rows == max(t.row for t in tags.placed) + 1  # no empty row of tags
    assert not _clashes([tag_rect(t, style) for t in tags.placed], picture.label_rects)


@pytest.mark.parametrize(("size", "milestones_only"), [((1280, 720), True), ((1920, 1080), False)])
def test_a_slide_gives_its_height_to_the_rows_with_no_gap_above_the_footer(size, milestones_only):
    project = build_reference_project()
    picture = TimelinePicture(project, _schedule(project), PROGRAMME_START, PROGRAMME_END,
                              milestones_only=milestones_only, title=None, baseline=None)
    render_image(picture, *size)
    style = picture.painted_style
    width, height = size[0] / max(size[0] / 1920, 1.0), size[1] / max(size[0] / 1920, 1.0)
    used = picture._fixed_height(width, style) + (len(picture.data) + 1.2) * style.row_height
    assert 0 <= height + 1 - used < 12  # filled to within less than a legend line

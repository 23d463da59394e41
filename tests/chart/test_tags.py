"""The header's date tags: never overlapping, never past the chart's edges, cut by whole words."""

from __future__ import annotations

from ilrs_planner.chart.axis import estimate_text_width
from ilrs_planner.chart.tags import TagSpec, layout_tags, rows_needed

MEASURE = estimate_text_width(7.0)
ROADMAP = [TagSpec(87, "Chang'e 6 samples back on Earth", "key"),
           TagSpec(175, "First Chinese crewed lunar landing", "key"),
           TagSpec(243, "ILRS basic station complete", "key"), TagSpec(377, "ILRS extended station complete", "key"),
           TagSpec(120.2, "Status", "status"), TagSpec(120.3, "Today", "today")]


def _spread(factor: float) -> list[TagSpec]:
    """The roadmap's marks on a chart `factor` times wider."""
    return [TagSpec(s.x * factor, s.text, s.kind) for s in ROADMAP]


def _overlaps(layout) -> list:
    tags = layout.placed
    return [(a.text, b.text) for i, a in enumerate(tags) for b in tags[i + 1:]
            if a.row == b.row and a.x0 < b.x1 and b.x0 < a.x1]


def test_with_room_every_tag_shows_its_whole_name_right_of_its_line():
    layout = layout_tags(_spread(4), 4 * 472, 2, MEASURE)
    assert not layout.dropped and not _overlaps(layout)
    assert not any(t.shortened for t in layout.placed)
    assert {t.text for t in layout.placed} == {s.text for s in ROADMAP}


def test_a_narrow_chart_staggers_and_shortens_by_words_and_names_every_key_date():
    layout = layout_tags(ROADMAP, 472, 3, MEASURE)
    assert not _overlaps(layout)
    assert all(t.x0 >= 0 and t.x1 <= 472 for t in layout.placed)
    shown = {t.spec.text: t.text for t in layout.placed}
    assert set(shown) >= {s.text for s in ROADMAP if s.kind == "key"}  # today/status may yield to key dates
    assert shown["Chang'e 6 samples back on Earth"].startswith("Chang'e 6")  # never just "Chang'e…"
    assert all(t.text.endswith("…") for t in layout.placed if t.shortened)
    assert {t.row for t in layout.placed} == {0, 1, 2}
    assert {s.kind for s in layout.dropped} <= {"status", "today"}


def test_each_tag_touches_its_own_line():
    for factor in (0.7, 1, 2, 4):
        for tag in layout_tags(_spread(factor), 472 * factor, 2, MEASURE).placed:
            assert abs(tag.x0 - tag.spec.x) <= 1.01 or abs(tag.x1 - tag.spec.x) <= 1.01


def test_a_band_without_rows_pins_every_mark():
    layout = layout_tags(ROADMAP, 2000, 0, MEASURE)
    assert not layout.placed and len(layout.dropped) == len(ROADMAP)


def _whole(layout) -> bool:
    return not layout.dropped and not any(t.shortened for t in layout.placed)


def test_the_rows_needed_are_the_fewest_that_show_every_whole_name():
    assert rows_needed([], 1000, MEASURE) == 0
    assert rows_needed(ROADMAP[:1], 1000, MEASURE) == 1
    assert rows_needed(_spread(16), 472 * 16, MEASURE) == 1
    for factor in (1, 2.5, 3, 4, 6, 8):
        specs, width = _spread(factor), 472 * factor
        rows = rows_needed(specs, width, MEASURE, most=3)
        assert rows == 3 or _whole(layout_tags(specs, width, rows, MEASURE))
        assert rows == 1 or not _whole(layout_tags(specs, width, rows - 1, MEASURE))


def test_of_two_marks_a_day_apart_the_earlier_is_named_left_of_its_line():
    layout = layout_tags(_spread(16)[4:], 472 * 16, 1, MEASURE)
    status, today = sorted(layout.placed, key=lambda t: t.spec.x)
    assert status.row == today.row == 0 and status.x1 < status.spec.x < today.spec.x < today.x0


def test_a_band_crowded_with_marks_stays_tidy_and_pins_what_does_not_fit():
    crowd = [TagSpec(5.0 * i, f"Key milestone number {i} of the plan", "key") for i in range(200)]
    layout = layout_tags(crowd, 1000, 2, MEASURE)
    assert not _overlaps(layout) and len(layout.placed) + len(layout.dropped) == 200
    assert all(t.x0 >= 0 and t.x1 <= 1000 for t in layout.placed)


def test_a_key_date_named_in_a_thousand_characters_keeps_a_tag_of_its_first_words_in_one_row():
    name = ("ILRS basic station complete with power, communications and research facilities " * 13)[:1000]
    specs = [*_spread(4)[:2], TagSpec(243 * 4, name, "key"), *_spread(4)[3:]]
    layout = layout_tags(specs, 4 * 472, 1, MEASURE)
    tag = next(t for t in layout.placed if t.spec.text == name)  # a tag, not a pin
    assert tag.text.startswith("ILRS basic station complete with") and tag.text.endswith("…")
    assert tag.x0 >= 0 and tag.x1 <= 4 * 472 and not _overlaps(layout)
    # More rows cannot show that name whole: the band keeps the one row the others need.
    assert rows_needed(specs, 4 * 472, MEASURE) == 1


def _crossings(layout) -> list:
    """Each tag lying across another mark's line, which runs from its tag's row down to the axis
    (row 0 is the top; a pin sits at the band's foot with no line above it)."""
    lines = [(t.spec.x, t.row, t.text) for t in layout.placed]
    return [(tag.text, name) for tag in layout.placed for x, row, name in lines
            if row < tag.row and tag.x0 <= x <= tag.x1 and name != tag.text]


def test_no_tag_lies_across_another_marks_line_at_any_width():
    # The roadmap's marks as an 800 px picture draws them: Chang'e 6's tag read as the 2030 line's.
    for factor in (1.0, 1.3, 1.6, 2.0, 2.7, 4.0, 8.0):
        for rows in (1, 2, 3):
            layout = layout_tags(_spread(factor), 472 * factor, rows, MEASURE)
            assert not _overlaps(layout) and not _crossings(layout), (factor, rows)


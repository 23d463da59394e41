"""The tracking Gantt of a three-week work package (tests/three_weeks.py) slipped by 3 working days,
exported: the slips drawn in the colour of "up to a week late", the legend naming that step alone, and
the subtitle naming the baseline compared by its name, though it was asked for by its number."""

from __future__ import annotations

from three_weeks import slipped_three_weeks

from ilrs_planner.qt.image_export import export_image


def test_a_work_packages_slips_of_days_are_drawn_and_named_at_its_own_scale(qapp, tmp_path):
    svg = export_image(slipped_three_weeks(), tmp_path / "wp.svg", width=1400, baseline="1").read_text("utf-8")
    assert "compared with baseline “Agreed plan”" in svg and "baseline “1”" not in svg
    assert "Finish up to a week late" in svg
    assert "months" not in svg and "years" not in svg and "Finish 1–2 weeks late" not in svg  # steps not drawn

"""Deadlines on the chart of the three-week work package (tests/three_weeks.py): a green arrow for a
deadline met, a red one for Integrate's, missed (Fri 15 January; it finishes Mon 18), in the window,
its legend and tooltips, and in an exported image; and a milestone at 08:00 the day after its
deadline's day drawn missed beside one at 17:00 on it drawn met (tests/deadline_moments.py)."""

from __future__ import annotations

from datetime import date

import pytest
from deadline_moments import deadline_moments
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage
from three_weeks import three_weeks

from ilrs_planner.chart.palette import DEADLINE, DEADLINE_MISSED
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt import GanttView
from ilrs_planner.qt.image_export import export_image

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def view(qtbot):
    gantt = GanttView(Document(three_weeks()))
    qtbot.addWidget(gantt)
    gantt.resize(1200, 300)
    gantt.show()
    qtbot.waitExposed(gantt)
    gantt.zoom_to_range(date(2027, 1, 1), date(2027, 1, 25))
    return gantt


def _count(image: QImage, hex_color: str, tolerance: int = 12) -> int:
    """Pixels of about this colour."""
    image = image.convertToFormat(QImage.Format_RGB32)
    want = tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    found = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            found += all(abs(a - b) <= tolerance for a, b in zip((c.red(), c.green(), c.blue()), want))
    return found


def _bar_point(view: GanttView, task_id: str, day: date) -> QPointF:
    row = view.rows().index(task_id)
    y = view.style.header_height + (row + 0.5) * view.style.row_height - view.vertical_offset
    return QPointF(view.scale.x_of(day) + view.scale.px_per_day / 2, y)


def test_the_window_draws_both_arrows_and_its_legend_names_them(view):
    picture = view.canvas.grab().toImage()
    assert _count(picture, DEADLINE) > 10 and _count(picture, DEADLINE_MISSED) > 10
    view.legend.refresh()
    words = [item.text for item in view.legend.items]
    assert "Deadline: met / missed" in words  # both kinds drawn: one entry, its swatch both arrows


def test_a_bars_tooltip_says_whether_its_deadline_is_met_and_by_how_much_it_is_missed(view):
    # Integrate finishes Mon 18: one working day (Mon 18) after the end of Fri 15.
    assert "Deadline 2027-01-15 (" in view.canvas.tooltip_at(_bar_point(view, "I", date(2027, 1, 14)))
    assert "missed by 1 d" in view.canvas.tooltip_at(_bar_point(view, "I", date(2027, 1, 14)))
    assert "Deadline 2027-01-06 (met)" in view.canvas.tooltip_at(_bar_point(view, "D", date(2027, 1, 5)))
    assert "Deadline" not in view.canvas.tooltip_at(_bar_point(view, "B", date(2027, 1, 11)))


def test_an_exported_image_draws_the_arrows_and_names_them_in_its_legend(qapp, tmp_path):
    path = export_image(three_weeks(), tmp_path / "wp.png", width=1400, date_from=date(2027, 1, 1),
                        date_to=date(2027, 1, 25))
    picture = QImage(str(path))
    assert _count(picture, DEADLINE) > 10 and _count(picture, DEADLINE_MISSED) > 10
    without = three_weeks()
    for task in without.tasks.values():
        task.deadline = None
    plain = QImage(str(export_image(without, tmp_path / "plain.png", width=1400, date_from=date(2027, 1, 1),
                                    date_to=date(2027, 1, 25))))
    assert _count(plain, DEADLINE) == 0 and _count(plain, DEADLINE_MISSED) == 0


@pytest.fixture
def moments(qtbot):
    """Done at 17:00 on its deadline's day, Late at 08:00 the next (tests/deadline_moments.py)."""
    gantt = GanttView(Document(deadline_moments()))
    qtbot.addWidget(gantt)
    gantt.resize(1000, 260)
    gantt.show()
    qtbot.waitExposed(gantt)
    gantt.zoom_to_range(date(2030, 2, 22), date(2030, 3, 6))
    return gantt


def _arrow_colour(view: GanttView, task_id: str) -> tuple[int, int]:
    """(green, red) pixels near the deadline arrow on the task's row: just left of the end of Thu 28."""
    row = view.rows().index(task_id)
    top = int(view.style.header_height + row * view.style.row_height - view.vertical_offset)
    x = int(view.scale.x_of(date(2030, 3, 1)))
    piece = view.canvas.grab().toImage().copy(x - 8, top, 16, int(view.style.row_height))
    return _count(piece, DEADLINE), _count(piece, DEADLINE_MISSED)


def test_a_milestone_at_the_next_mornings_start_reads_missed_in_its_arrow_tooltip_and_legend(moments):
    late_green, late_red = _arrow_colour(moments, "L")
    done_green, done_red = _arrow_colour(moments, "D")
    assert late_red > 10 and late_green == 0  # 08:00 on Fri 1: after the end of Thu 28
    assert done_green > 0 and done_red == 0  # 17:00 on Thu 28 (drawn small: on its diamond)
    # Both diamonds stand at the start of Fri 1: the pointer on each.
    late_tip = moments.canvas.tooltip_at(_bar_point(moments, "L", date(2030, 3, 1)))
    assert "Total float -1 d" in late_tip and "Deadline 2030-02-28 (" in late_tip and "missed by 1 d" in late_tip
    done_tip = moments.canvas.tooltip_at(_bar_point(moments, "D", date(2030, 3, 1)))
    assert "Total float 0 d" in done_tip and "Deadline 2030-02-28 (met)" in done_tip
    moments.legend.refresh()
    assert "Deadline: met / missed" in [item.text for item in moments.legend.items]


def test_an_exported_image_draws_the_next_mornings_milestone_missed(qapp, tmp_path):
    path = export_image(deadline_moments(), tmp_path / "moments.png", width=1000, date_from=date(2030, 2, 22),
                        date_to=date(2030, 3, 6))
    assert _count(QImage(str(path)), DEADLINE_MISSED) > 10  # Late's arrow, and only it can be red

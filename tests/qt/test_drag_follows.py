"""Moving a bar with the mouse over several days: at each day the preview says the dates the drop
gives (held by its predecessor where it would start before it ends), the drop is one step on the
undo stack with those dates, its successor follows, and undoing it puts every date back; a drag
after an edit typed in the table previews that plan, not the one before the edit."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from ilrs_planner.domain import Calendar, Link, LinkType, Project, Task
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt import GanttView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

EVERY_DAY = (True,) * 7


@pytest.fixture
def view(qtbot):
    # On a calendar of every day, from Mon 4 Jan 2027: A 5 d (4-8), then B 3 d (9-11), then C 2 d (12-13).
    project = Project("Chain", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Every day", EVERY_DAY)).id
    for place, (key, days) in enumerate((("A", 5), ("B", 3), ("C", 2))):
        project.add_task(Task(key, f"Task {key}", days, id=key.lower(), position=place))
    project.add_link(Link("a", "b", LinkType.FS, 0))
    project.add_link(Link("b", "c", LinkType.FS, 0))
    gantt = GanttView(Document(project))
    qtbot.addWidget(gantt)
    gantt.resize(1200, 300)
    gantt.show()
    qtbot.waitExposed(gantt)
    gantt.zoom_to_range(date(2027, 1, 1), date(2027, 2, 1))
    return gantt


def _on(view: GanttView, task_id: str, day: date) -> QPoint:
    """The middle of `day` on the task's row."""
    row = view.rows().index(task_id)
    y = view.style.header_height + (row + 0.5) * view.style.row_height - view.vertical_offset
    return QPoint(round(view.scale.x_of(day) + view.scale.px_per_day / 2), round(y))


def _shown(view: GanttView, task_id: str) -> tuple[date, date]:
    dates = view.document.schedule.tasks[task_id]
    return dates.shown_start, dates.shown_finish


def _drag(view: GanttView, qtbot, task_id: str, grab: date, days: list[int]) -> list[str]:
    """Press on the bar at `grab`, move the pointer to each number of days from there (the preview
    painted at each), release at the last; the preview's texts, one a step."""
    canvas, said = view.canvas, []
    view.dragDates.connect(said.append)
    start = _on(view, task_id, grab)
    assert canvas.hit_at(start).kind == "bar"
    qtbot.mousePress(canvas, Qt.LeftButton, pos=start)
    step = QPoint(round(view.scale.px_per_day), 0)
    texts = []
    for moved in days:
        qtbot.mouseMove(canvas, start + step * moved)
        canvas.repaint()
        texts.append(said[-1])
    qtbot.mouseRelease(canvas, Qt.LeftButton, pos=start + step * days[-1])
    view.dragDates.disconnect(said.append)
    return texts


def test_each_day_the_bar_reaches_previews_the_dates_the_drop_gives_and_the_drop_is_one_step(view, qtbot):
    document = view.document
    assert _shown(view, "b") == (date(2027, 1, 9), date(2027, 1, 11))
    texts = _drag(view, qtbot, "b", date(2027, 1, 10), [1, 3, -2, 4])
    # +1: B 10-12; +3: 12-14; -2 asks for the 7th, but A ends on the 8th: held at 9-11; +4: 13-15.
    assert texts == ["2027-01-10 – 2027-01-12 (3 d)", "2027-01-12 – 2027-01-14 (3 d)",
                     "2027-01-09 – 2027-01-11 (3 d)", "2027-01-13 – 2027-01-15 (3 d)"]
    assert document.undo_stack.count() == 1
    assert _shown(view, "b") == (date(2027, 1, 13), date(2027, 1, 15))
    assert _shown(view, "c") == (date(2027, 1, 16), date(2027, 1, 17))  # C follows B: 16-17
    assert _shown(view, "a") == (date(2027, 1, 4), date(2027, 1, 8))
    document.undo_stack.undo()
    assert [_shown(view, key) for key in "abc"] == [(date(2027, 1, 4), date(2027, 1, 8)),
                                                    (date(2027, 1, 9), date(2027, 1, 11)),
                                                    (date(2027, 1, 12), date(2027, 1, 13))]


def test_a_drag_after_an_edit_previews_the_plan_as_edited(view, qtbot):
    from ilrs_planner.commands.tasks import SetDuration

    view.document.push(SetDuration("a", 7))  # A 4-10, so B 11-13
    assert _shown(view, "b") == (date(2027, 1, 11), date(2027, 1, 13))
    # B asked for the 10th (a day back) is held by A to the 11th: the preview and the drop say 11-13.
    texts = _drag(view, qtbot, "b", date(2027, 1, 12), [-1])
    assert texts == ["2027-01-11 – 2027-01-13 (3 d)"]
    # One day on (the 12th): 12-14. Moves of one bar in a row are one step (the duration's is another).
    texts = _drag(view, qtbot, "b", date(2027, 1, 12), [1])
    assert texts == ["2027-01-12 – 2027-01-14 (3 d)"]
    assert _shown(view, "b") == (date(2027, 1, 12), date(2027, 1, 14))
    assert view.document.undo_stack.count() == 2
    view.document.undo_stack.undo()
    assert _shown(view, "b") == (date(2027, 1, 11), date(2027, 1, 13))

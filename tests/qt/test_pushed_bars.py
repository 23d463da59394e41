"""A task a link pushed past its announcement is drawn as the table shows it: its bar lighter
(inferred) or pale (pushed by the planner's assumption), the legends name what the bars show, and
the tooltip says how it is drawn. Drawn as announced, the bar said the opposite of its row."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint

from ilrs_planner.chart import Hit
from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.domain import ConstraintType, Link, LinkType, Participant, Project, Task
from ilrs_planner.engine.shown_confidence import ShownConfidence
from ilrs_planner.qt.gantt import GanttView
from ilrs_planner.qt.gantt.export_layout import TimelinePicture
from ilrs_planner.qt.gantt.tooltip import tooltip_text

SOURCE = "https://example.org/announcement"


def _plan() -> Project:
    """B is announced for 2030-01-01 (a start held there) but follows A's 60 days: pushed to 2030-03-02."""
    project = Project("Pushed", date(2030, 1, 1))
    owner = project.add_participant(Participant("cnsa", "CNSA", color="#0072b2", id="p1"))
    for pos, key in enumerate("AB"):
        project.add_task(Task(key, f"Task {key}", 60, id=key.lower(), position=pos, owner_id=owner.id,
                              source_url=SOURCE, constraint=ConstraintType.SNET, constraint_date=date(2030, 1, 1)))
    project.add_link(Link("a", "b", LinkType.FS, id="ab"))
    return project


@pytest.fixture
def view(gantt_on):
    return gantt_on(_plan(), (1000, 400), date(2030, 1, 1), date(2030, 7, 1))


def _shade(view: GanttView, qtbot, task_id: str):
    qtbot.wait(10)
    dates = view.document.schedule.tasks[task_id]
    x = view.scale.x_of(dates.early_start + (dates.early_finish - dates.early_start) / 2)
    row = view.chart_data().row_of[task_id]
    y = view.style.header_height + row * view.style.row_height + view.style.row_height / 2 - view.vertical_offset
    return view.canvas.grab().toImage().pixelColor(QPoint(round(x), round(y)))


def _table_says(view: GanttView, task_id: str) -> str:
    """The table's Confidence cell reads this (qt/models/task_columns.RowContext.confidence)."""
    return ShownConfidence(view.document.project, view.document.schedule).of(task_id)


def test_a_pushed_bar_is_drawn_lighter_and_the_legends_and_tooltip_say_inferred(qtbot, view):
    assert (_table_says(view, "a"), _table_says(view, "b")) == ("sourced", "inferred")
    announced, pushed = _shade(view, qtbot, "a"), _shade(view, qtbot, "b")
    assert announced.name() == "#0072b2" and pushed.lightness() > announced.lightness() + 30
    assert "inferred" in {item.kind for item in view.legend.items}
    picture = TimelinePicture(view.document.project, view.document.schedule, date(2030, 1, 1), date(2030, 7, 1),
                              milestones_only=False, title=None, baseline=None)
    assert "inferred" in {item.kind for item in picture.legend}
    tip = tooltip_text(view.document, Hit("bar", "b"))
    assert "inferred</b> — pushed past its source's date" in tip and "sourced as stated; lighter bar" in tip


def test_pushed_by_the_planners_assumption_the_bar_turns_pale_though_its_dates_stay(qtbot, view):
    inferred = _shade(view, qtbot, "b")
    view.document.push(SetTaskFields("a", confidence="assumption"))  # A's dates stay, and so do B's
    assert _table_says(view, "b") == "assumption"
    assert _shade(view, qtbot, "b").lightness() > inferred.lightness() + 20
    assert "dashed bar" in tooltip_text(view.document, Hit("bar", "b"))
    view.document.push(SetTaskFields("b", constraint_date=date(2030, 3, 2)))  # announced as it falls: not pushed
    assert _table_says(view, "b") == "sourced" and _shade(view, qtbot, "b").name() == "#0072b2"
    assert "inferred" not in {item.kind for item in view.legend.items}

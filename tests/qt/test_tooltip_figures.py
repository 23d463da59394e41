"""The chart's tooltip gives a task's duration and float as the tree's cells do (hand-counted)."""

from __future__ import annotations

from datetime import date

from ilrs_planner.chart import Hit
from ilrs_planner.domain import Calendar, Link, Project, Task, TaskKind
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.gantt.tooltip import tooltip_text


def _document() -> Document:
    """Monday-to-Friday from Monday 2027-01-04, status date Wednesday 01-13. Phase: A (5 days,
    started Monday 4, 40 % done) -> B (3 days). A's 7 working days before the status date (4-8,
    11-12) and its 3 left (60 % of 5) run to Friday 15; B Monday 18 to Wednesday 20, so the phase
    spans 13 working days (4 to 20 January). C (1,200 days) beside them."""
    project = Project("Tooltip", date(2027, 1, 4), status_date=date(2027, 1, 13))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    project.add_task(Task("S", "Phase", 0, kind=TaskKind.PHASE, id="s", position=0))
    project.add_task(Task("A", "A", 5, id="a", parent_id="s", position=0, actual_start=date(2027, 1, 4),
                          percent_complete=40))
    project.add_task(Task("B", "B", 3, id="b", parent_id="s", position=1))
    project.add_task(Task("C", "C", 1200, id="c", position=1))
    project.add_link(Link("a", "b", id="ab"))
    return Document(project)


def test_the_tooltip_gives_a_phases_span_and_a_started_tasks_duration_and_span_in_working_days():
    document = _document()
    assert "2027-01-04 → 2027-01-20 (13 d)" in tooltip_text(document, Hit("bar", "s"))
    # A's Duration is its own 5 d, as MS Project's and the table's; the 10 working days from its start
    # to its forecast finish are named for what they are.
    started = tooltip_text(document, Hit("bar", "a"))
    assert "2027-01-04 → 2027-01-15 (5 d)" in started
    assert "At completion: 10 d (actual start to forecast finish)" in started
    assert "2027-01-18 → 2027-01-20 (3 d)" in tooltip_text(document, Hit("bar", "b"))


def test_the_tooltip_writes_a_large_float_as_the_tree_does():
    # C starts on the status date, Wednesday 13 January: 6 of its 1,200 working days (13-15, 18-20)
    # are done by B's last day, Wednesday 20, so B may slip by the other 1,194.
    text = tooltip_text(_document(), Hit("bar", "b"))
    assert "Total float 1,194 d" in text

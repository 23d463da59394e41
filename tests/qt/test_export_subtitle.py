"""An exported timeline's subtitle gives the plan's finish as the window's status bar does: as precisely
as the tasks finishing then are known (the roadmap's extended station, announced for 2045, reads 2045,
not 2045-12-31), and to the day for a plan dated to the day."""

from __future__ import annotations

from datetime import date

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Project, Task
from ilrs_planner.qt.gantt.export_layout import TimelinePicture
from ilrs_planner.qt.gantt.export_writers import render_image
from ilrs_planner.qt.image_export import _schedule, _shown_range


def _subtitle(project: Project) -> str:
    schedule = _schedule(project)
    start, end = _shown_range(project, schedule, None, None)
    picture = TimelinePicture(project, schedule, start, end, milestones_only=False, title=None, baseline=None)
    render_image(picture, 1920, 1080)
    return picture.painted_texts["subtitle"]


def test_the_roadmap_s_finish_reads_as_announced():
    subtitle = _subtitle(build_reference_project())
    assert "plan finish 2045  ·" in subtitle and "2045-12-31" not in subtitle


def test_a_plan_dated_to_the_day_finishes_on_its_day():
    project = Project("Survey", date(2030, 1, 1))
    project.add_task(Task("a", "Survey", 10))  # 2030-01-01 .. 2030-01-10 on the 7-day calendar
    assert "plan finish 2030-01-10  ·" in _subtitle(project)


def test_a_plan_inside_one_year_names_that_year_once():
    # A three-week work package read "2027–2027".
    project = Project("Work package", date(2027, 1, 4))
    project.add_task(Task("a", "Design review", 15))
    subtitle = _subtitle(project)
    assert "2027  ·" in subtitle and "2027–2027" not in subtitle

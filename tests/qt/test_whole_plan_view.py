""""Whole programme" (Ctrl+0) and a plan just opened or made show the plan's own dates, as MS
Project's "Entire project" does; the ILRS roadmap keeps the programme's 2018–2052. A new plan
starts today on a Monday-to-Friday calendar and a new task lasts one working day."""

from __future__ import annotations

from datetime import date, timedelta

from gestures import click_cell, press, type_text

from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.store import save_project


def far_plan() -> Project:
    """Design (10 d) → Build (20 d) → Launch, from 2061-03-02 on the 7-day calendar."""
    project = Project("far", date(2061, 3, 2))
    for pos, (key, days) in enumerate([("design", 10), ("build", 20), ("launch", 0)]):
        project.add_task(Task(key, key.title(), days, id=key, position=pos))
    project.add_link(Link("design", "build", id="l1"))
    project.add_link(Link("build", "launch", id="l2"))
    return project


def test_ctrl_0_shows_the_plan_from_start_to_finish_with_a_margin(window):
    press(window, "Ctrl+-")
    press(window, "Ctrl+0")
    # the small plan works 2030-01-01 .. 2030-03-02 (60 days): a day and a twentieth (4 days) each side
    assert window.gantt.visible_range() == (date(2029, 12, 28), date(2030, 3, 6))


def test_a_plan_opened_in_2061_is_shown_whole_and_ctrl_0_comes_back_to_it(window, tmp_path):
    save_project(far_plan(), tmp_path / "far.db")
    assert window.plan_file.open_path(str(tmp_path / "far.db"))
    gantt = window.gantt
    # Design 2061-03-02 .. Launch 2061-04-01 (30 days): 1 + 30 // 20 = 2 days each side
    assert gantt.visible_range() == (date(2061, 2, 28), date(2061, 4, 3))
    first, end = gantt.visible_range()
    assert all(first <= gantt.shown_dates(t)[0] and gantt.shown_dates(t)[1] <= end for t in ("design", "launch"))
    press(window, "Ctrl+1")  # ten years
    press(window, "Ctrl+0")
    assert gantt.visible_range() == (date(2061, 2, 28), date(2061, 4, 3))


def test_the_ilrs_roadmap_keeps_the_programme_view(roadmap_window):
    press(roadmap_window, "Ctrl+2")
    press(roadmap_window, "Ctrl+0")
    first, end = roadmap_window.gantt.visible_range()
    assert first == date(2018, 1, 1) and abs((end - date(2053, 1, 1)).days) <= 1


def test_a_new_plan_starts_today_on_a_working_week_and_a_new_task_lasts_a_day(window):
    press(window, "Ctrl+N")
    project, today = window.document.project, date.today()
    assert project.start == today and project.default_calendar().describe_weekdays() == "Mon–Fri"
    press(window, "Insert")
    type_text(window.tree, "Survey")
    task = next(iter(project.tasks.values()))
    assert task.name == "Survey"
    assert task.duration == 1
    first_workday = today + timedelta(days=max(0, 7 - today.weekday()) if today.weekday() >= 5 else 0)
    assert window.gantt.shown_dates(task.id) == (first_workday, first_workday + timedelta(days=1))
    shown = window.gantt.visible_range()
    assert shown[0] <= first_workday and first_workday + timedelta(days=1) <= shown[1]
    assert (shown[1] - shown[0]).days <= 14  # the new plan's days, not the roadmap's decades
    press(window, "Insert")
    type_text(window.tree, "Review")
    click_cell(window.tree, task.id, Column.DURATION)  # Survey, while Review is selected
    type_text(window.tree, "1w")
    assert project.tasks[task.id].duration == 5  # a working week, weekend excluded
    workdays = [d for d in (first_workday + timedelta(days=n) for n in range(7)) if d.weekday() < 5]
    assert window.gantt.shown_dates(task.id) == (first_workday, workdays[4] + timedelta(days=1))


def test_a_plan_built_from_scratch_stays_shown_whole_until_the_planner_zooms(window):
    """A new plan is shown whole; as typed durations carry it months on, the chart keeps showing all of
    it (the first week's view left most bars out of sight). A zoom by hand is the planner's and stays."""
    press(window, "Ctrl+N")
    press(window, "Insert")
    type_text(window.tree, "Survey")
    survey = next(iter(window.document.project.tasks))
    click_cell(window.tree, survey, Column.DURATION)
    type_text(window.tree, "20w")  # 100 working days
    press(window, "Insert")
    type_text(window.tree, "Build")
    build = [t for t in window.document.project.tasks if t != survey][0]
    click_cell(window.tree, build, Column.PREDECESSORS)
    type_text(window.tree, "1")
    click_cell(window.tree, build, Column.DURATION)
    type_text(window.tree, "40w")
    gantt = window.gantt
    first, end = gantt.visible_range()
    assert first <= gantt.shown_dates(survey)[0] and gantt.shown_dates(build)[1] <= end
    assert (end - first).days < 500  # the plan's 60 weeks, with a margin: not the programme's decades
    press(window, "Ctrl+=")  # the planner zooms in: their view from now on
    zoomed = gantt.scale.px_per_day
    click_cell(window.tree, build, Column.DURATION)
    type_text(window.tree, "60w")
    assert gantt.scale.px_per_day == zoomed

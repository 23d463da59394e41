"""The roadmap's history: frames (GIF), a sheet (PNG), and the slider in the window."""

from __future__ import annotations

from datetime import date

import pytest
from PIL import Image
from PySide6.QtGui import QImage

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import PlannerError
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.image_export import export_history
from ilrs_planner.qt.main_window import MainWindow


@pytest.fixture(scope="module")
def roadmap():
    return build_reference_project()


def test_the_gif_has_one_frame_per_baseline_plus_the_current_plan(roadmap, tmp_path):
    warnings: list[str] = []
    frames = export_history(roadmap, tmp_path / "history.gif", size=(960, 540), warnings=warnings)
    with Image.open(tmp_path / "history.gif") as gif:
        assert gif.n_frames == frames == len(roadmap.baselines) + 1 >= 33
        assert gif.size == (960, 540) and gif.info.get("loop") == 0
    assert len(warnings) == 1 and "folded" in warnings[0]  # the same rows folded in every frame, said once


def test_the_sheet_shows_every_step_as_a_small_multiple(roadmap, tmp_path):
    frames = export_history(roadmap, tmp_path / "history.png", size=(960, 540))
    image = QImage(str(tmp_path / "history.png"))
    columns = 6
    assert frames == len(roadmap.baselines) + 1
    assert image.width() == columns * (320 + 16) + 16  # a third of each frame, with gaps
    assert image.height() > -(-frames // columns) * 100


def test_a_plan_without_baselines_has_no_history(small_project, tmp_path):
    small_project.baselines.clear()
    with pytest.raises(PlannerError) as caught:
        export_history(small_project, tmp_path / "h.gif")
    assert caught.value.code == "export.failed" and "no baselines" in caught.value.message


def test_the_history_slider_redraws_the_roadmap_as_announced_and_marks_the_trend_chart(qtbot, roadmap):
    window = MainWindow(Document(roadmap))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    window.show()
    bar = window.view.history_bar
    window.view.history.trigger()
    assert bar.isVisible() and bar.slider.value() == bar.slider.maximum()  # starts at the current plan
    basic = roadmap.task_by_key("ilrs-basic").id
    step = next(i for i, s in enumerate(bar.steps) if s.as_of == date(2022, 11, 22))
    bar.slider.setValue(step)  # "Wu Weiren: basic structure by 2028"
    data = window.gantt.chart_data()
    # The milestone follows the launches, so its diamond sits at the end of its last day: "by 2028"
    # is the end of 2028-12-31, the moment 2029-01-01 00:00 on the chart's axis.
    assert date.fromordinal(int(data.start[data.row_of[basic]])) == date(2029, 1, 1)
    assert window.analysis.mta.chart.marker == date(2022, 11, 22)
    assert "2022-11-22" in bar.label.text()
    window.view.history.trigger()  # off: the current plan again, the mark goes
    data = window.gantt.chart_data()
    assert date.fromordinal(int(data.start[data.row_of[basic]])) == date(2036, 1, 1)  # the end of 2035
    assert window.analysis.mta.chart.marker is None and not bar.isVisible()


def test_an_apng_has_the_same_frames_in_full_colour(roadmap, tmp_path):
    frames = export_history(roadmap, tmp_path / "history.apng", size=(960, 540))
    with Image.open(tmp_path / "history.apng") as apng:
        assert apng.format == "PNG" and apng.n_frames == frames == len(roadmap.baselines) + 1
        assert apng.mode in ("RGB", "RGBA")


def test_a_frames_legend_names_what_its_bars_are_drawn_with(qtbot):
    # A lander announced for 2030 and lasting 900 days pushes the rover announced for 2031 into 2032: the
    # rover, which states nothing and cites a source, is drawn inferred in the baseline's frame, and that
    # frame's legend said nothing of "Inferred" (it listed what the tasks state).
    from ilrs_planner.commands.baselines import snapshot
    from ilrs_planner.domain import ConstraintType, Link, Precision, Project, Task, TaskKind
    from ilrs_planner.engine.cpm import schedule
    from ilrs_planner.qt.gantt.history_export import history_pictures

    plan = Project("Pushed", date(2030, 1, 1), status_date=date(2030, 1, 1))
    for key, days, year in (("lander", 900, 2030), ("rover", 100, 2031)):
        plan.add_task(Task(key, key.title(), days, TaskKind.MISSION, id=key, position=len(plan.tasks),
                           source_url="https://example.org/announcement", constraint=ConstraintType.SNET,
                           constraint_date=date(year, 1, 1), precision=Precision.YEAR))
    plan.add_link(Link("lander", "rover"))
    plan.baselines.append(snapshot(plan, schedule(plan), "First", date(2029, 6, 1)))
    frames = history_pictures(plan, schedule(plan), date(2029, 1, 1), date(2034, 1, 1), milestones_only=False,
                              title=None)
    assert "inferred" in {item.kind for item in frames[0].legend}
    # Every frame names what any of them draws, so each has the same room for its rows, and the same rows.
    assert len({tuple(item.text for item in frame.legend if item.kind not in ("today", "status"))
                for frame in frames}) == 1

"""GUI speed on a generated 10,000-task plan: window shown, redraw on zoom/pan, PNG export.

Run: QT_QPA_PLATFORM=offscreen python3 bench/bench_gui.py [--tasks 10000]
Targets: shown < 3 s, redraw < 30 ms median, roadmap export at 3840 px < 2 s. In the same run,
matplotlib draws the same 10,000 bars to a PNG of the same size, and the ratio is printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan, with_coarse_dates  # noqa: E402

W, H = 3840, 2160


def time_window_shown(project, main_window: bool) -> tuple[float, object]:
    """Document (with its schedule) + the Gantt (or the whole main window) shown and painted once."""
    from ilrs_planner.qt.document import Document
    from ilrs_planner.qt.gantt import GanttView

    start = time.perf_counter()
    document = Document(project)
    if main_window:
        from ilrs_planner.qt.main_window import MainWindow

        window = MainWindow(document)
        gantt = window.gantt
    else:
        window = gantt = GanttView(document)
    window.resize(1920, 1080)
    window.show()
    QApplication.processEvents()
    window.repaint()
    QApplication.processEvents()
    return time.perf_counter() - start, gantt


def time_redraws(gantt, rounds: int = 40, first_row: int = 0,
                 preset: str = "10y") -> tuple[list[float], list[float]]:
    """(CPU, wall) paint times of the chart after each zoom or pan step (paintEvent into an image),
    starting at a zoom preset with `first_row` at the top (in the middle of a large plan zoomed to
    the whole programme, as it opens, thousands of links cross the rows on screen; at the top, few do).

    CPU time is the figure to read on a shared machine: wall time also counts the wait for a core."""
    canvas = gantt.canvas
    image = QImage(canvas.size(), QImage.Format_ARGB32_Premultiplied)
    gantt.zoom_preset(preset)
    gantt.pan_to(gantt.scale, first_row * gantt.style.row_height)
    times, cpu = [], []
    for i in range(rounds):
        if i % 2:
            gantt.zoom_by(1.3 if i % 4 == 1 else 1 / 1.3, canvas.width() / 2)
        else:
            gantt.pan_to(gantt.scale.panned(-90), gantt.vertical_offset + 5 * gantt.style.row_height)
        start, start_cpu = time.perf_counter(), time.process_time()
        canvas.render(image, QPoint())
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return cpu, times


def time_week_redraws(gantt, rounds: int = 40) -> tuple[list[float], list[float]]:
    """(CPU, wall) paint times at week and day zoom on a 5-day calendar with ten holidays a year,
    where weekends and holidays are shaded (only the visible days are looked at), at the rows the
    view was left on (the middle of the plan after time_redraws' second run)."""
    from ilrs_planner.commands.calendar_edits import calendar_edits
    from ilrs_planner.domain import Calendar, CalendarException

    document = gantt.document
    holidays = [CalendarException("Holiday", date(year, month, day), date(year, month, day))
                for year in range(2018, 2071) for month, day in ((1, 1), (2, 10), (2, 11), (5, 1), (6, 20),
                                                                  (9, 15), (10, 1), (10, 2), (10, 3), (12, 31))]
    calendars = {"standard": Calendar("Standard", (True,) * 5 + (False, False), holidays, id="standard")}
    document.push(calendar_edits(document.project, calendars, "standard"))
    canvas = gantt.canvas
    image = QImage(canvas.size(), QImage.Format_ARGB32_Premultiplied)
    gantt.zoom_to_range(date(2030, 1, 1), date(2030, 3, 1))
    times, cpu = [], []
    for i in range(rounds):
        if i % 2:
            gantt.zoom_by(1.3 if i % 4 == 1 else 1 / 1.3, canvas.width() / 2)
        else:
            gantt.pan_to(gantt.scale.panned(-90), gantt.vertical_offset + 5 * gantt.style.row_height)
        start, start_cpu = time.perf_counter(), time.process_time()
        canvas.render(image, QPoint())
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    assert canvas.scene is None or canvas.build_scene().nonworking.size, "week zoom shades the days off"
    return cpu, times


def time_roadmap_export(folder: Path) -> float:
    from ilrs_planner.data.reference import build_reference_project
    from ilrs_planner.qt.image_export import export_image

    project = build_reference_project()
    start = time.perf_counter()
    export_image(project, folder / "roadmap.png", width=3840)
    return time.perf_counter() - start


def bars_of(project):
    """(row, start ordinal, finish ordinal) of every non-summary task, scheduled."""
    from ilrs_planner.chart import build_chart_data
    from ilrs_planner.engine.cpm import schedule

    rows = [t.id for t, _ in project.walk()]
    return build_chart_data(project, schedule(project), rows)


def time_all_bars_ours(data, folder: Path) -> float:
    """Our painters draw all the bars (one batched call per colour) into 3840x2160 and save a PNG."""
    from ilrs_planner.chart import SceneOptions, TimeScale, build_scene
    from ilrs_planner.qt.gantt.painter import paint_scene
    from ilrs_planner.qt.gantt.style import ChartStyle

    start = time.perf_counter()
    lo, hi = data.start.min(), data.finish.max()
    from datetime import date

    scale = TimeScale.fit(date.fromordinal(int(lo)), date.fromordinal(int(hi)), W)
    row_h = H / len(data)
    opts = SceneOptions(row_height=row_h, show_links=False, show_labels=False)
    scene = build_scene(data, scale, W, 0, len(data) - 1, opts)
    image = QImage(W, H, QImage.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    p = QPainter(image)
    paint_scene(p, scene, 0.0, ChartStyle(row_height=row_h), 0.0, H)
    p.end()
    image.save(str(folder / "ours-10k.png"))
    return time.perf_counter() - start


def time_all_bars_matplotlib(data, folder: Path) -> float | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    start = time.perf_counter()
    fig = plt.figure(figsize=(W / 100, H / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    rows = range(len(data))
    ax.barh(list(rows), data.finish - data.start, left=data.start, height=0.8,
            color=[data.colors[c] for c in data.color.tolist()])
    ax.invert_yaxis()
    fig.savefig(folder / "matplotlib-10k.png")
    plt.close(fig)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coarse", type=float, default=0.0, metavar="FRACTION",
                        help="date this fraction of the tasks only to the year (0.01: 1%%, as announced dates are)")
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--main-window", action="store_true",
                        help="time the whole main window (task tree included), not the Gantt alone")
    parser.add_argument("--skip-png", action="store_true",
                        help="leave out the PNG rows (matplotlib takes minutes at 100,000 bars)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    project = with_coarse_dates(make_plan(args.tasks, seed=1), args.coarse)
    shown, gantt = time_window_shown(project, args.main_window)
    redraws_cpu, redraws = time_redraws(gantt)
    middle_cpu, middle = time_redraws(gantt, first_row=len(gantt.rows()) // 2, preset="programme")
    print(f"plan: {len(project.tasks)} tasks, {len(project.links)} links")
    what = "main window" if args.main_window else "Gantt view"
    print(f"{what} shown with the plan:  {shown:7.3f} s   (target < 3 s; schedule included)")
    print(f"zoom/pan redraw, median paint:    {statistics.median(redraws_cpu) * 1000:7.1f} ms CPU, "
          f"{statistics.median(redraws) * 1000:.1f} ms wall (max {max(redraws_cpu) * 1000:.1f} ms CPU; "
          f"target < 30 ms)", flush=True)
    print(f"the same, mid-plan, whole programme: {statistics.median(middle_cpu) * 1000:7.1f} ms CPU, "
          f"{statistics.median(middle) * 1000:.1f} ms wall (max {max(middle_cpu) * 1000:.1f} ms CPU)", flush=True)
    week_cpu, week = time_week_redraws(gantt)
    print(f"week-zoom redraw, 5-day calendar: {statistics.median(week_cpu) * 1000:7.1f} ms CPU, "
          f"{statistics.median(week) * 1000:.1f} ms wall (max {max(week_cpu) * 1000:.1f} ms CPU; weekends and "
          f"holidays shaded; target < 30 ms)", flush=True)
    if args.skip_png:
        app.quit()
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = time_roadmap_export(folder)
        data = bars_of(project)
        ours = time_all_bars_ours(data, folder)
        theirs = time_all_bars_matplotlib(data, folder)
    print(f"ILRS roadmap PNG export, 3840 px: {export:7.3f} s   (target < 2 s)")
    print(f"all {len(data)} bars to a {W}x{H} PNG, ours:       {ours:7.3f} s")
    if theirs is None:
        print("matplotlib is not installed (pip install '.[bench]'); no comparison")
    else:
        print(f"all {len(data)} bars to a {W}x{H} PNG, matplotlib: {theirs:7.3f} s   "
              f"(matplotlib / ours = {theirs / ours:.1f}x)")
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())

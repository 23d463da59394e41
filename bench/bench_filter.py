"""Choosing a filter in the main window on a 100,000-task plan: the wait until the window is painted.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_filter.py [--tasks 100000] [--repeat 3]

Each filter is chosen as the planner chooses it (View → Filter, the tool bar's chooser, the name
box), then All tasks again; the figure is CPU time (the machine being shared) from the choice to
the table and chart painted, wall time beside it, and how many tasks the filter showed. The
table's rows go and come as removals and inserts, never a reset (counted).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan  # noqa: E402

from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(app: QApplication, window: MainWindow, choose) -> tuple[float, float]:
    """CPU and wall seconds from `choose()` to the window painted."""
    start_cpu, start_wall = cpu(), time.perf_counter()
    choose()
    window.tree.viewport().repaint()
    window.gantt.canvas.repaint()
    app.processEvents()
    return cpu() - start_cpu, time.perf_counter() - start_wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(Document(make_plan(args.tasks)))
    window.resize(1600, 900)
    window.show()
    app.processEvents()
    resets: list[int] = []
    window.tree.source_model.modelReset.connect(lambda: resets.append(1))
    filters = window.filters
    owner = next(iter(window.document.project.participants), None)
    choices = [("Critical", lambda: filters.choose("critical")),
               ("Milestones", lambda: filters.choose("milestones")),
               ("Incomplete tasks", lambda: filters.choose("incomplete"))]
    if owner is not None:
        choices.append(("Owner", lambda: filters.choose(f"owner:{owner}")))
    choices.append(("Name holds '12'", lambda: (filters.name_box.setText("12"), filters._name_typed())))
    print(f"{args.tasks:,} tasks; load average {os.getloadavg()[0]:.2f}")
    for label, choose in choices:
        cpu_times, walls, back = [], [], []
        for _ in range(args.repeat):
            c, w = timed(app, window, choose)
            cpu_times.append(c)
            walls.append(w)
            shown = len(window.tree.visible_task_ids())
            back.append(timed(app, window, lambda: (filters.name_box.clear(), filters.choose("all")))[0])
        print(f"{label:18} {statistics.median(cpu_times) * 1000:7.0f} ms CPU "
              f"({statistics.median(walls) * 1000:5.0f} ms wall), {shown:,} rows shown; "
              f"back to All tasks {statistics.median(back) * 1000:5.0f} ms CPU")
    print(f"table resets: {len(resets)}")


if __name__ == "__main__":
    main()

"""A bar dragged with the mouse in the main window on a 100,000-task plan: what each step costs.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_drag.py [--tasks 100000] [--steps 20] [--drags 3]

A task in the middle of the plan is moved as a planner moves it: pressed on its bar, the pointer
moved a day at a time (each step a day the preview has not been to, so each works out where the
bar lands, as the drop would schedule it), the chart painted after each step, then released. Per
drag: the first step, the median and the slowest of the others (wall and CPU time, the machine
being shared), and the drop (the one command pushed, the plan scheduled again, the window painted).
The dates the last step previewed are checked against those the drop gave, and the undo stack
against one step per drag.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan  # noqa: E402

from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402


def timed(action) -> tuple[float, float]:
    """(wall, CPU) seconds of `action`."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def bar_point(window, task_id: str, days_in: float) -> QPoint:
    """A point on the task's bar, `days_in` days after its start, the view scrolled to show it."""
    gantt = window.gantt
    row = gantt.rows().index(task_id)
    start, _finish = gantt.shown_dates(task_id)
    y = gantt.style.header_height + (row + 0.5) * gantt.style.row_height - gantt.vertical_offset
    return QPoint(round(gantt.scale.x_of(start) + gantt.scale.px_per_day * days_in), round(y))


def one_drag(window, task_id: str, steps: int, direction: int) -> dict[str, object]:
    gantt, canvas = window.gantt, window.gantt.canvas
    start = bar_point(window, task_id, 2.5)
    hit = canvas.hit_at(start)
    assert hit is not None and hit.task_id == task_id, hit
    said: list[str] = []
    gantt.dragDates.connect(said.append)
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    def moved(days: int) -> QPoint:
        return start + QPoint(round(days * direction * gantt.scale.px_per_day), 0)

    figures = []
    for step in range(1, steps + 1):
        def move(step=step):
            QTest.mouseMove(canvas, moved(step))
            canvas.repaint()  # the preview painted now, as the event loop paints it
        figures.append(timed(move))
    before = window.document.undo_stack.count()
    drop = timed(lambda: (QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                                             moved(steps)), QApplication.processEvents()))
    gantt.dragDates.disconnect(said.append)
    dates = window.document.schedule.tasks[task_id]
    dropped = f"{dates.shown_start.isoformat()} – {dates.shown_finish.isoformat()}"
    return {"first": figures[0], "rest": figures[1:], "drop": drop, "same": said[-1].startswith(dropped),
            "steps": window.document.undo_stack.count() - before}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=20, help="days the pointer moves, a day a step")
    parser.add_argument("--drags", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    project = make_plan(args.tasks, seed=1)
    window = MainWindow(Document(project))
    window.resize(1920, 1080)
    window.show()
    QApplication.processEvents()
    window.plan_file.file_session.autosave_timer.timeout.disconnect()  # the minute's autosave is not a drag
    gantt = window.gantt
    rows = gantt.rows()
    # Two tasks of a work package in the middle of the plan, dragged in turn (one bar moved twice in a
    # row is one undo step, as MS Project merges them).
    summaries = project.summary_ids()
    tasks = [tid for tid in rows[len(rows) // 2:] if tid not in summaries and project.tasks[tid].duration >= 5]
    first = tasks[0]
    began, ended = gantt.shown_dates(first)
    second = next(tid for tid in tasks[1:] if abs((gantt.shown_dates(tid)[0] - began).days) <= 10)
    gantt.set_vertical_offset(int(max(rows.index(first) - 8, 0) * gantt.style.row_height))
    gantt.zoom_to_range(began - timedelta(days=args.steps + 15), ended + timedelta(days=args.steps + 15))
    QApplication.processEvents()
    print(f"plan: {len(project.tasks):,} tasks, {len(project.links):,} links; tasks {project.tasks[first].key} and "
          f"{project.tasks[second].key} dragged in turn, {args.steps} days a day at a time; ms (CPU ms)")
    print(f"{'drag':>5} {'first step':>18} {'median step':>18} {'slowest step':>18} {'drop':>18}  preview = drop")
    for number in range(1, args.drags + 1):
        made = one_drag(window, (first, second)[(number - 1) % 2], args.steps, 1 if (number - 1) % 4 < 2 else -1)
        rest = made["rest"]
        median = (statistics.median(w for w, _ in rest), statistics.median(c for _, c in rest))
        slowest = max(rest)

        def shown(figure: tuple[float, float]) -> str:
            return f"{figure[0] * 1000:9.0f} ({figure[1] * 1000:5.0f})"
        print(f"{number:>5} {shown(made['first'])} {shown(median)} {shown(slowest)} {shown(made['drop'])}  "
              f"{'yes' if made['same'] else 'NO'}, undo steps +{made['steps']}")
    app.quit()
    os._exit(0)  # tearing 100,000 rows' widgets down is not what is measured


if __name__ == "__main__":
    sys.exit(main())

"""Typing in the task table while the Schedule check dock is shown, on a large synthetic plan.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_check_dock.py [--tasks 100000] [--repeat 5]

Each edit gives a task in the middle of the plan a new duration, as typing into its Duration cell
does, with the check dock shown. Figures per edit: the window's own CPU time (its thread only:
the machine being shared) and wall time from the edit until the window takes the next key, and
apart the wall time until the dock shows the plan's checks again. With the check on the window's
thread, the next key waited for the whole check (about a second at 100,000 tasks).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan  # noqa: E402

from ilrs_planner.commands.tasks import SetTaskFields  # noqa: E402
from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402


def until(app: QApplication, done, limit: float = 600.0) -> None:
    """Run the event loop until `done()`; give up after `limit` seconds."""
    stop = time.perf_counter() + limit
    while not done() and time.perf_counter() < stop:
        app.processEvents()
        time.sleep(0.001)


def next_key_taken(app: QApplication) -> None:
    """Return when an event posted now has been handled: the window would take a key then."""
    taken: list[bool] = []
    QTimer.singleShot(0, lambda: taken.append(True))
    until(app, lambda: bool(taken))


def checked(panel) -> bool:
    return panel.result is not None and getattr(panel, "worker", None) is None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    project = make_plan(args.tasks)
    window = MainWindow(Document(project))
    window.resize(1300, 800)
    window.show()
    panel = window.analysis.check
    window.analysis.docks["check"].show()
    until(app, lambda: checked(panel))
    leaves = [t.id for t in project.tasks.values() if t.duration > 0]
    task_id = leaves[len(leaves) // 2]
    cpu, wall, whole = [], [], []
    for repeat in range(args.repeat):
        start_cpu, start_wall = time.thread_time(), time.perf_counter()
        window.document.push(SetTaskFields(task_id, duration=project.tasks[task_id].duration + 1 + repeat % 2))
        next_key_taken(app)
        next_key_taken(app)  # the check asked for after the edits of one event (a zero-time timer)
        cpu.append(time.thread_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
        until(app, lambda: checked(panel))
        whole.append(time.perf_counter() - start_wall)
    print(f"{args.tasks:,} tasks; load average {os.getloadavg()[0]:.2f}; median of {args.repeat} edits")
    print(f"  edit until the next key is taken: window thread CPU {statistics.median(cpu):.3f} s, "
          f"wall {statistics.median(wall):.3f} s")
    print(f"  edit until the dock shows the plan's checks again: wall {statistics.median(whole):.3f} s")
    window.document.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    main()

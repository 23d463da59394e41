"""One process: open a plan file in the main window, show it at 1920x1080, paint it once, exit.

    QT_QPA_PLATFORM=offscreen python3 bench/window_process.py PLAN.db

bench_process.py runs this as a child and takes its whole CPU and wall time (interpreter start,
imports, reading and checking the file, scheduling, building the views, the first paint). It
prints the seconds from its first line to the painted window as well.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402
from ilrs_planner.store import open_project  # noqa: E402


def main(path: str) -> None:
    app = QApplication.instance() or QApplication([])
    window = MainWindow(Document(open_project(path)))
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    window.repaint()
    app.processEvents()
    print(f"painted after {time.perf_counter() - STARTED:.2f} s", flush=True)
    os._exit(0)  # the measured work is done; tearing 100,000 rows' widgets down is not part of it


if __name__ == "__main__":
    main(sys.argv[1])

"""Copy and paste through the system clipboard on a big plan, as the planner waits for them.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_clipboard.py [--tasks 100000] [--repeat 3]

Selects every top-level phase, then in turn: Copy (the copy's snapshot, its JSON and the table's
text put on the clipboard) and the JSON read back as a paste from another window reads it (bounds,
types, text cleaning, the loop search). Paste is timed for one phase (220 tasks) into a second window
on an empty plan (read, the one undo step applied, the window brought up to date): the commands a
paste is made of (AddTask, AddLink) each look over the whole plan, so a paste of thousands of tasks
takes seconds to minutes. Figures are CPU seconds (the machine being shared), with the copy's size.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan  # noqa: E402

from ilrs_planner.domain import Project  # noqa: E402
from ilrs_planner.exchange.clip_format import MIME_TYPE  # noqa: E402
from ilrs_planner.exchange.clip_read import copy_from_json  # noqa: E402
from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402


def cpu(action) -> float:
    start = time.process_time()
    action()
    QApplication.processEvents()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    source = MainWindow(Document(make_plan(args.tasks)))
    source.show()
    roots = [task.id for task in source.document.project.tasks.values() if task.parent_id is None]
    source.document.set_selection(roots)
    figures: dict[str, list[float]] = {"copy": [], "read": [], "paste": []}
    size = text = 0
    for _ in range(args.repeat):
        figures["copy"].append(cpu(source.clip.copy_selected))
        data = bytes(app.clipboard().mimeData().data(MIME_TYPE).data())
        size, text = len(data), len(app.clipboard().text())
        figures["read"].append(cpu(lambda data=data: copy_from_json(data)))
        source.document.set_selection(roots[:1])
        source.clip.copy_selected()
        source.document.set_selection(roots)
        target = MainWindow(Document(Project(name="Empty", start=date(2026, 1, 1))))
        target.show()
        figures["paste"].append(cpu(target.clip.paste_copied))
        assert target.document.project.tasks, target.statusBar().currentMessage()
        target.document.mark_saved()
        target.close()
    print(f"{args.tasks:,} tasks, copy {size / 1e6:.1f} MB of JSON, {text / 1e6:.1f} MB of text; "
          f"load average {os.getloadavg()[0]:.2f}")
    for name, values in figures.items():
        label = f"{name} (one phase)" if name == "paste" else name
        print(f"  {label:18} median {statistics.median(values):6.2f} s CPU (min {min(values):.2f})")


if __name__ == "__main__":
    main()

"""Add, delete, indent one task or type its duration in the main window on a 100,000-task plan: how long each takes.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_tree_edits.py [--tasks 100000] [--repeat 5]

Each edit goes through the Edit menu's action with a task in the middle of the plan selected, or
types a new duration into that task's Duration cell, as a planner does it. Figures per edit (CPU
time, the machine being shared; wall time beside the whole edit's): the task table's own
work (the rows it inserts, removes or moves, with selection and open summaries kept), and the whole
edit until the window has repainted (the command, the schedule derived again for the whole plan,
the chart's arrays rebuilt, the paint). Goal for the table: < 100 ms at 100,000 tasks.
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

from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan  # noqa: E402

from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402
from ilrs_planner.qt.models.task_columns import Column  # noqa: E402


class TableClock:
    """CPU seconds the task table's model spends answering document changes."""

    def __init__(self, model):
        self.spent = 0.0
        original = model._on_changed

        def timed(changes, initiator):
            start = time.process_time()
            original(changes, initiator)
            self.spent += time.process_time() - start

        model.document.changed.disconnect(model._on_changed)
        model.document.changed.connect(timed)


def one_edit(window, clock: TableClock, perform) -> tuple[float, float, float]:
    """(table s, whole s, whole wall s) of calling `perform` (an action's trigger, a typed cell) and repainting."""
    clock.spent = 0.0
    start, wall = time.process_time(), time.perf_counter()
    perform()
    if window.tree.state() == window.tree.State.EditingState:  # Add task opens the name editor
        window.tree.closePersistentEditor(window.tree.currentIndex())
        window.tree.setState(window.tree.State.NoState)
    QApplication.processEvents()
    window.repaint()
    QApplication.processEvents()
    return clock.spent, time.process_time() - start, time.perf_counter() - wall


def type_duration(window, task_id: str, text: str):
    """A planner typing `text` into the task's Duration cell (the model's setData, as its editor calls it)."""
    return lambda: window.tree.model().setData(window.tree.proxy_index(task_id, int(Column.DURATION)), text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    project = make_plan(args.tasks, seed=1)
    window = MainWindow(Document(project))
    window.resize(1920, 1080)
    window.show()
    QApplication.processEvents()
    clock = TableClock(window.tree.source_model)
    resets: list[int] = []
    window.tree.source_model.modelReset.connect(lambda: resets.append(1))
    edit = window.edit
    rows = window.tree.visible_task_ids()
    middle = next(tid for tid in rows[len(rows) // 2:] if not window.tree.source_model.has_children(tid))
    window.document.set_selection([middle])
    window.tree.scrollTo(window.tree.proxy_index(middle))
    figures: dict[str, list[tuple[float, float, float]]] = {
        "add": [], "delete": [], "indent": [], "outdent": [], "duration": []}
    for repeat in range(args.repeat):
        figures["add"].append(one_edit(window, clock, edit.add_task.trigger))
        figures["delete"].append(one_edit(window, clock, edit.delete.trigger))  # the task just added
        window.document.set_selection([middle])
        figures["indent"].append(one_edit(window, clock, edit.indent.trigger))
        figures["outdent"].append(one_edit(window, clock, edit.outdent.trigger))
        days = f"{41 + repeat % 2}d"  # a different value each time, so each is an edit
        figures["duration"].append(one_edit(window, clock, type_duration(window, middle, days)))
    print(f"plan: {len(project.tasks):,} tasks, {len(window.tree.visible_task_ids()):,} rows shown; "
          f"median of {args.repeat}, CPU time")
    print(f"{'edit':<10}{'task table':>14}{'whole edit, repainted':>26}{'(wall)':>12}")
    for name, triples in figures.items():
        table, whole, wall = (statistics.median(t[i] for t in triples) * 1000 for i in range(3))
        print(f"{name:<10}{table:>11.1f} ms{whole:>23.1f} ms{wall:>9.1f} ms")
    print(f"table resets during the edits: {len(resets)} (rows are inserted, removed or moved instead)")
    app.quit()
    os._exit(0)  # tearing 100,000 rows' widgets down is not what is measured


if __name__ == "__main__":
    sys.exit(main())

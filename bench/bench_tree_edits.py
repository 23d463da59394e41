"""One edit in the main window on a 100,000-task plan, as the planner waits for it: where the time goes.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_tree_edits.py [--tasks 100000] [--repeat 5]

Each edit goes through the Edit menu's action with a task in the middle of the plan selected
(add, delete, indent, outdent, link two tasks, undo, redo), or types into that task's Name or
Duration cell, as a planner does it. Figures per edit, CPU time (the machine being shared; wall
time beside the whole edit's): the whole edit from the command pushed on the undo stack to the
window painted, and within it the schedule derived again for the whole plan (the engine), the
task table's own work (the rows it inserts, removes or moves), the chart's own work (its arrays
and legend brought up to date) and its paint (the shown rows' geometry, drawn); "other" is the rest,
named in a second table: the command's own work on the plan (apply, revert), the status bar's
figures, the task table's cells drawn, and what is left (selection, signals, Qt's own work).
Goal at 100,000 tasks: the whole edit under 100 ms. The minute's autosave is kept out (it copies
the whole plan; bench_autosave.py measures it). `--profile EDIT` adds cProfile's figures for
one edit over its repeats, without the schedule's derivation.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan, with_coarse_dates  # noqa: E402

from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.gantt import canvas as canvas_module  # noqa: E402
from ilrs_planner.qt.gantt.view import GanttView  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402
from ilrs_planner.qt.models.task_columns import Column  # noqa: E402
from ilrs_planner.qt.models.task_delegate import TaskDelegate  # noqa: E402
from ilrs_planner.qt.models.task_tree_model import TaskTreeModel  # noqa: E402
from ilrs_planner.qt.undo import UndoAdapter  # noqa: E402


class Clock:
    """CPU seconds spent inside some functions, summed until reset. A call inside another of the
    same clock counts once; while another clock's function runs inside, this clock stops."""

    running: list[Clock] = []  # the clocks now timing, innermost last

    def __init__(self):
        self.spent = 0.0
        self.since = 0.0

    def wrap(self, owner, name: str, when=lambda: True) -> None:
        """Time `owner.name` (an instance's method, a module's function) from now on, on calls `when` allows."""
        original = getattr(owner, name)

        def timed(*args):
            if self in Clock.running or not when():
                return original(*args)
            self._enter()
            try:
                return original(*args)
            finally:
                self._leave()

        setattr(owner, name, timed)

    def _enter(self) -> None:
        now = time.process_time()
        if Clock.running:
            outer = Clock.running[-1]
            outer.spent += now - outer.since
        Clock.running.append(self)
        self.since = now

    def _leave(self) -> None:
        now = time.process_time()
        self.spent += now - self.since
        Clock.running.pop()
        if Clock.running:
            Clock.running[-1].since = now


def class_clocks() -> tuple[Clock, Clock, Clock]:
    """The task table's and the chart's clocks around their slots for the document's changes, and
    the clock of the table's cells drawn, wrapped in their classes before a window is made. A
    connection remade afterwards would run last, after the readers that follow the table's rows (the
    columns widened to an edit's text), which would then look the edit's tasks up among the rows of
    before it."""
    table, chart, cells = Clock(), Clock(), Clock()
    table.wrap(TaskTreeModel, "_on_changed")
    chart.wrap(GanttView, "_document_changed")
    for name in ("paint", "sizeHint"):  # the table's visible cells drawn, reading the model
        cells.wrap(TaskDelegate, name)
    cells.wrap(TaskTreeModel, "data")
    return table, chart, cells


def clocks(window, table: Clock, chart: Clock, cells: Clock) -> dict[str, Clock]:
    """The engine's, the task table's, the chart's and the chart painter's clocks, wrapped around
    their work, and those of the parts of the rest that have a name."""
    engine, paint = Clock(), Clock()
    command, status = Clock(), Clock()
    document, view = window.document, window.gantt
    engine.wrap(document, "_recompute")
    # The chart's arrays and legend: told of the change and of the rows, then brought up to date.
    chart.wrap(view, "set_rows")
    chart.wrap(view, "chart_data", when=lambda: view._data is None)
    paint.wrap(view.canvas, "build_scene")  # the visible rows' geometry, then drawn
    for name in ("paint_background", "paint_scene", "paint_header"):
        paint.wrap(canvas_module, name)
    # The command on the plan: pushed (applied), undone, redone; the announcement inside is the others'.
    command.wrap(document, "push")
    for name in ("redo", "undo"):
        command.wrap(UndoAdapter, name)
    status.wrap(window.view, "update_status")
    return {"schedule": engine, "table": table, "chart": chart, "paint": paint,
            "command": command, "status": status, "cells": cells}


def one_edit(window, watches: dict[str, Clock], perform) -> dict[str, float]:
    """CPU seconds of each part and of the whole edit (and its wall time) of calling `perform`
    (an action's trigger, a typed cell) and repainting."""
    for watch in watches.values():
        watch.spent = 0.0
    start, wall = time.process_time(), time.perf_counter()
    perform()
    if window.tree.state() == window.tree.State.EditingState:  # Add task opens the name editor
        window.tree.closePersistentEditor(window.tree.currentIndex())
        window.tree.setState(window.tree.State.NoState)
    QApplication.processEvents()
    window.repaint()
    QApplication.processEvents()
    figures = {name: watch.spent for name, watch in watches.items()}
    whole = time.process_time() - start
    other = whole - sum(figures[part] for part in ("schedule", "table", "chart", "paint"))
    rest = other - sum(figures[part] for part in ("command", "status", "cells"))
    return figures | {"whole": whole, "other": other, "rest": rest, "wall": time.perf_counter() - wall}


def type_text(window, task_id: str, column: Column, text: str):
    """A planner typing `text` into one of the task's cells (the model's setData, as its editor calls it)."""
    return lambda: window.tree.model().setData(window.tree.proxy_index(task_id, int(column)), text)


def print_table(figures: dict[str, list[dict[str, float]]], parts: tuple[str, ...]) -> None:
    """One row per edit, the median of each part in ms (wall time in brackets in the heading), and
    the worst of the first part."""
    print(f"{'edit':<18}" + "".join(f"{'(wall)' if part == 'wall' else part:>10}" for part in parts)
          + f"{'(worst)':>10}")
    for name, runs in figures.items():  # the worst whole edit: a first-time cost, a garbage collection
        print(f"{name:<18}" + "".join(f"{statistics.median(run[part] for run in runs) * 1000:>10.1f}"
                                        for part in parts) + f"{max(run[parts[0]] for run in runs) * 1000:>10.1f}")


def leave_out_schedule(document, profiling: list[cProfile.Profile]) -> None:
    """Stop the profiler recording (the one in `profiling`, if any) while the schedule is derived
    again: the figures are of the rest of an edit."""
    recompute = document._recompute

    def unprofiled():
        profiler = profiling[0] if profiling and sys.getprofile() is not None else None
        if profiler is not None:  # cProfile's hook is set only while it records
            profiler.disable()
        try:
            recompute()
        finally:
            if profiler is not None:
                profiler.enable()

    document._recompute = unprofiled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coarse", type=float, default=0.0, metavar="FRACTION",
                        help="date this fraction of the tasks only to the year (0.01: 1%%, as announced dates are)")
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", metavar="EDIT", action="append", default=[],
                        help="print cProfile's figures for this edit (such as 'add' or 'link, undo') over "
                        "its repeats, sorted by own time; may be given again for other edits")
    parser.add_argument("--profile-warm", action="store_true", help="profile the repeats after the "
                        "first only (leaving out a session's first-time costs)")
    parser.add_argument("--profile-dir", metavar="DIR", help="also write each edit's figures to "
                        "DIR/EDIT.prof (pstats), printing none")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    project = with_coarse_dates(make_plan(args.tasks, seed=1), args.coarse)
    table_clock, chart_clock, cells_clock = class_clocks()
    window = MainWindow(Document(project))
    window.resize(1920, 1080)
    window.show()
    QApplication.processEvents()
    watches = clocks(window, table_clock, chart_clock, cells_clock)
    # A moment after the plan is shown the window makes, between events, what the first edits would
    # otherwise make (edit_readiness); a planner's first edit comes after that moment.
    readiness = getattr(window.edit, "readiness", None)
    while readiness is not None and readiness.pending():
        QApplication.processEvents()
        time.sleep(0.01)
    # The minute's autosave copies the whole plan between edits and writes it beside them (most of
    # a second at 100,000 tasks), sharing the machine with whichever edit was running then, which
    # is not what an edit costs.
    window.plan_file.file_session.autosave_timer.timeout.disconnect()
    resets: list[int] = []
    window.tree.source_model.modelReset.connect(lambda: resets.append(1))
    edit = window.edit
    rows = window.tree.visible_task_ids()
    leaves = [tid for tid in rows[len(rows) // 2:] if not window.tree.source_model.has_children(tid)]
    middle, successor = leaves[0], leaves[3]
    window.document.set_selection([middle])
    window.tree.scrollTo(window.tree.proxy_index(middle))
    figures: dict[str, list[dict[str, float]]] = {}
    profilers = {label: cProfile.Profile() for label in args.profile}
    profiling: list[cProfile.Profile] = []  # the profiler recording now
    leave_out_schedule(window.document, profiling)

    def timed(name: str, perform, select: list[str] | None = None) -> None:
        """The edit, its undo and its redo."""
        if select is not None:
            window.document.set_selection(select)
        for label, action in ((name, perform), (f"{name}, undo", edit.undo.trigger),
                              (f"{name}, redo", edit.redo.trigger)):
            if label in profilers and (repeat or not args.profile_warm):
                profiling.append(profilers[label])
                profiling[0].enable()
            figures.setdefault(label, []).append(one_edit(window, watches, action))
            if profiling:
                profiling.pop().disable()

    def add_and_enter() -> None:
        """Add task, then Enter on the name it opens for typing (Undo clicked while that name is still
        open takes the add back with no step left to redo)."""
        edit.add_task.trigger()
        window.tree.commit_open_editor()

    for repeat in range(args.repeat):
        before = set(project.tasks)
        timed("add", add_and_enter, [middle])
        added = next(tid for tid in project.tasks if tid not in before)
        timed("delete", edit.delete.trigger, [added])
        timed("indent", edit.indent.trigger, [middle])
        timed("outdent", edit.outdent.trigger, [middle])
        timed("rename", type_text(window, middle, Column.NAME, f"Renamed {repeat}"))
        days = f"{41 + repeat % 2}d"  # a different value each time, so each is an edit
        timed("duration", type_text(window, middle, Column.DURATION, days))
        timed("link", edit.link.trigger, [middle, successor])
        edit.undo.trigger()  # the link goes, so the next round can make it again
        QApplication.processEvents()
    print(f"plan: {len(project.tasks):,} tasks, {len(window.tree.visible_task_ids()):,} rows shown; "
          f"median of {args.repeat}, CPU time in ms")
    print_table(figures, ("whole", "schedule", "table", "chart", "paint", "other", "wall"))
    print("of which other:")
    print_table(figures, ("other", "command", "status", "cells", "rest"))
    print(f"table resets during the edits: {len(resets)} (rows are inserted, removed or moved instead)")
    for label, profiler in profilers.items():
        stats = pstats.Stats(profiler)
        if args.profile_dir:
            os.makedirs(args.profile_dir, exist_ok=True)
            stats.dump_stats(os.path.join(args.profile_dir, f"{label}.prof"))
            continue
        print(f"\n{label}:")
        stats.sort_stats("tottime").print_stats(40)
        stats.sort_stats("cumulative").print_stats(60)
    app.quit()
    os._exit(0)  # tearing 100,000 rows' widgets down is not what is measured


if __name__ == "__main__":
    sys.exit(main())

"""Copy and paste through the system clipboard on a big plan, as the planner waits for them.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_clipboard.py [--tasks 100000] [--repeat 3]
        [--sizes 1000 10000] [--small 100]

Selects every top-level phase, then in turn: Copy (the copy's snapshot, its JSON and the table's
text put on the clipboard) and the JSON read back as a paste from another window reads it (bounds,
types, text cleaning, the loop search). Paste is timed for one phase (220 tasks) into a second window
on an empty plan (read, the one undo step applied, the window brought up to date).

Then, for each of `--sizes`: that many tasks (the plan's first ones in outline order, with the
links among them) put on the clipboard as another window copies them, and pasted with Ctrl+V's
action below a row in the middle of the big plan's window and of a window on a small plan
(`--small` tasks); each paste is undone before the next. Also rows of a spreadsheet (Name,
Duration, Predecessors naming the line before) pasted into the big plan, and Duplicate of as many
selected tasks there. Each figure is the whole paste until the window has repainted, in CPU
seconds (the machine being shared), with the wall time beside it.
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

from PySide6.QtCore import QByteArray  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan  # noqa: E402

from ilrs_planner.domain import Project  # noqa: E402
from ilrs_planner.exchange.clip_format import MIME_TYPE, TaskCopy, copy_to_json  # noqa: E402
from ilrs_planner.exchange.clip_read import copy_from_json  # noqa: E402
from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402
from ilrs_planner.qt.main_window_clip import clipboard_mime_data  # noqa: E402
from ilrs_planner.qt.task_clipboard import copy_tasks  # noqa: E402


def cpu(action) -> float:
    start = time.process_time()
    action()
    QApplication.processEvents()
    return time.process_time() - start


def until_repainted(window: MainWindow, action) -> tuple[float, float]:
    """CPU and wall seconds of `action` until the window has repainted."""
    start, wall = time.process_time(), time.perf_counter()
    action()
    QApplication.processEvents()
    window.repaint()
    QApplication.processEvents()
    return time.process_time() - start, time.perf_counter() - wall


def shown_window(project: Project) -> MainWindow:
    window = MainWindow(Document(project))
    window.resize(1920, 1080)
    window.show()
    QApplication.processEvents()
    window.plan_file.file_session.autosave_timer.timeout.disconnect()  # a save mid-paste is not the paste
    return window


def first_tasks(project: Project, count: int) -> TaskCopy:
    """The plan's first `count` tasks in outline order (each summary before its tasks) and their links."""
    order = [task.id for task, _ in project.walk()][:count]
    whole = copy_tasks(project, order)
    assert whole is not None
    tasks = whole.tasks[:count]
    ids = {task.id for task in tasks}
    links = tuple(link for link in whole.links if link.pred_id in ids and link.succ_id in ids)
    return TaskCopy(tasks, links, whole.owner_keys, whole.calendar_names)


def on_clipboard(copied: TaskCopy) -> None:
    """`copied` on the clipboard as another window's Copy puts it (our JSON)."""
    mime = clipboard_mime_data()
    mime.setData(MIME_TYPE, QByteArray(copy_to_json(copied)))
    QApplication.clipboard().setMimeData(mime)


def sheet_text(count: int) -> str:
    """Spreadsheet rows under a header: each after the line before it."""
    lines = ["Name\tDuration\tPredecessors"]
    lines += [f"Row {line}\t{line % 20 + 1}d\t{line - 1 if line > 1 else ''}" for line in range(1, count + 1)]
    return "\n".join(lines) + "\n"


def middle_leaf(window: MainWindow) -> str:
    rows = window.tree.visible_task_ids()
    return next(tid for tid in rows[len(rows) // 2:] if not window.tree.source_model.has_children(tid))


class Pastes:
    """Figures of pastes into one window, each undone after it (its rows checked to have come and gone)."""

    def __init__(self, window: MainWindow, figures: dict[str, list[tuple[float, float]]]):
        self.window, self.figures = window, figures
        self.resets = 0
        window.tree.source_model.modelReset.connect(self._reset)

    def _reset(self) -> None:
        self.resets += 1

    def timed(self, label: str, action, expected: int, select: list[str] | None = None) -> None:
        window = self.window
        window.document.set_selection(select or [middle_leaf(window)])
        before = len(window.document.project.tasks)
        self.figures.setdefault(label, []).append(until_repainted(window, action))
        added = len(window.document.project.tasks) - before
        assert added == expected, f"{label}: {added} tasks added; {window.statusBar().currentMessage()}"
        self.figures.setdefault(f"{label}, undo", []).append(until_repainted(window, window.edit.undo.trigger))
        assert len(window.document.project.tasks) == before


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000])
    parser.add_argument("--small", type=int, default=100)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    source = shown_window(make_plan(args.tasks))
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
    large(source, args)


def large(source: MainWindow, args: argparse.Namespace) -> None:
    """Pastes of `--sizes` tasks into the big plan and a small one, spreadsheet rows, Duplicate."""
    small = shown_window(make_plan(args.small, seed=2))
    figures: dict[str, list[tuple[float, float]]] = {}
    big, little = Pastes(source, figures), Pastes(small, figures)
    order = [task.id for task, _ in source.document.project.walk()]
    for _ in range(args.repeat):
        for count in args.sizes:
            copied = first_tasks(source.document.project, count)
            for pastes, where in ((little, f"{args.small:,}"), (big, f"{args.tasks:,}")):
                on_clipboard(copied)
                pastes.timed(f"paste {count:,} into {where}", pastes.window.clip.paste_copied, count)
            QApplication.clipboard().setText(sheet_text(count))
            big.timed(f"{count:,} sheet rows into {args.tasks:,}", source.clip.paste_copied, count)
            chosen = copy_tasks(source.document.project, order[:count])
            assert chosen is not None
            big.timed(f"duplicate {count:,} in {args.tasks:,}", source.clip.duplicate_selected,
                      len(chosen.tasks), order[:count])
    print(f"whole paste until repainted, median of {args.repeat}, CPU / wall seconds; "
          f"load average {os.getloadavg()[0]:.2f}; table resets {big.resets + little.resets}")
    for label, values in figures.items():
        print(f"  {label:34} {statistics.median(v[0] for v in values):6.2f} / "
              f"{statistics.median(v[1] for v in values):6.2f}")


if __name__ == "__main__":
    main()

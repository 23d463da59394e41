"""File → Print on a 100,000-task plan: how long from the action to the preview shown with a page.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_print.py [--tasks 100000]

The main window shows the plan at the chart's whole-plan zoom; File → Print is triggered as the menu
does, and the clock runs until the preview shows its first page painted (wall and CPU time, the
machine being shared), of which the picture laid out (every row's chart data and column texts).
Then a page deep in the plan is typed into the Page box and shown, and three pages are printed to a
PDF file. Works with Qt's own preview too (the code before 2026-12-04 painted every page before it
showed the first), so the two can be run in turn.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from synth import make_plan  # noqa: E402

from ilrs_planner.qt import printed_columns, printing  # noqa: E402
from ilrs_planner.qt.document import Document  # noqa: E402
from ilrs_planner.qt.main_window import MainWindow  # noqa: E402


class Clock:
    """Wall and CPU seconds from start."""

    def __init__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> str:
        return f"{time.perf_counter() - self.wall:7.2f} s ({time.process_time() - self.cpu:6.2f} s CPU)"


def first_page_shown(dialog) -> bool:
    """The preview shows a painted page (ours: its first page image; Qt's: its page count, known once
    every page is painted)."""
    QApplication.processEvents()
    if hasattr(dialog, "preview"):
        return dialog.preview.pageCount() > 0 and bool(dialog.preview._painted)
    preview = dialog.findChild(QPrintPreviewWidget)
    return preview is not None and preview.pageCount() > 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    window = MainWindow(Document(make_plan(args.tasks, seed=1)))
    window.resize(1920, 1080)
    window.show()
    QApplication.processEvents()
    window.plan_file.file_session.autosave_timer.timeout.disconnect()  # the minute's autosave is not printing
    laid: list[float] = []
    made = printed_columns.PrintedTimeline.__init__

    def timed_init(self, *rest, **named):
        start = time.perf_counter()
        made(self, *rest, **named)
        laid.append(time.perf_counter() - start)

    printed_columns.PrintedTimeline.__init__ = timed_init
    clock = Clock()
    window.print_preview.trigger()
    dialog = window.print_dialog
    while not first_page_shown(dialog):
        time.sleep(0.001)
    print(f"plan: {args.tasks:,} tasks; File → Print to the preview's first page shown: {clock.read()}; "
          f"the picture laid out {sum(laid):.2f} s wall")
    if not hasattr(dialog, "preview"):
        print(f"  (Qt's preview: {dialog.findChild(QPrintPreviewWidget).pageCount():,} pages painted before it showed)")
        os._exit(0)
    preview = dialog.preview
    deep = preview.pageCount() * 2 // 3
    clock = Clock()
    dialog.page_box.setValue(deep)
    preview.viewport().repaint()
    print(f"  {preview.pageCount():,} pages; page {deep:,} typed in and shown: {clock.read()}")
    printer = dialog.printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    with tempfile.TemporaryDirectory() as folder:
        printer.setOutputFileName(os.path.join(folder, "pages.pdf"))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(deep, deep + 2)
        clock = Clock()
        printing.print_pages(printer, preview.pages)
        print(f"  pages {deep:,}-{deep + 2:,} printed to PDF: {clock.read()}")
    app.quit()
    os._exit(0)  # tearing 100,000 rows' widgets down is not what is measured


if __name__ == "__main__":
    sys.exit(main())

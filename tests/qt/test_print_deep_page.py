"""A page deep in a long plan's print: the preview shows it when its number is typed, with the rows
that fall on it (in the table's order, under the IDs the table gives them, each cell as the table
writes it), and printing that page alone puts the same rows and texts on paper; Print prints the
range of pages chosen in the printer's dialog."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from windows import shown_main_window

from ilrs_planner.domain import Link, LinkType, Project, Task, TaskKind
from ilrs_planner.qt import printing
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.printed_columns import PrintedTimeline

DEEP = 30  # the page looked at


def long_plan() -> Project:
    """40 phases of 30 tasks (1,240 rows), each task 3 to 11 days after the one before it."""
    project = Project("Long plan", date(2030, 1, 1))
    for phase in range(40):
        project.add_task(Task(f"P{phase}", f"Phase {phase + 1}", kind=TaskKind.PHASE, id=f"p{phase}", position=phase))
        for number in range(30):
            project.add_task(Task(f"T{phase}.{number}", f"Step {phase + 1}.{number + 1}", 3 + (phase + number) % 9,
                                  id=f"t{phase}.{number}", parent_id=f"p{phase}", position=number))
            if number:
                project.add_link(Link(f"t{phase}.{number - 1}", f"t{phase}.{number}", LinkType.FS, 0))
    return project


class Seen:
    """Each painted page's rows: (ID, name, the cells of the columns after Name), by page note."""

    def __init__(self, monkeypatch):
        self.pages: dict[str, list[tuple]] = {}
        seen = self

        class Recorded(PrintedTimeline):
            def _paint_columns(self, p, rect, id_width, style, first, last):
                seen.pages[self.page_note] = [
                    (self.outline[row][0], self.names[row], *(self.cells[column][row] for column in self.cells))
                    for row in range(first, last)]
                return super()._paint_columns(p, rect, id_width, style, first, last)

        monkeypatch.setattr(printing, "PrintedTimeline", Recorded)

    def note(self, number: int, count: int) -> str | None:
        """The note of page `number` of `count`, if it was painted."""
        return next((note for note in self.pages if note.split(",")[0] == f"page {number} of {count}"), None)


def test_a_page_deep_in_a_long_plan_shows_and_prints_its_own_rows(qtbot, monkeypatch, tmp_path):
    window = shown_main_window(qtbot, Document(long_plan()))
    window.gantt.zoom_to_range(date(2030, 1, 1), date(2030, 1, 1) + timedelta(days=400))
    seen = Seen(monkeypatch)
    window.print_preview.trigger()
    dialog = window.print_dialog
    qtbot.waitUntil(lambda: dialog.preview.pageCount() > DEEP, timeout=60000)
    count = dialog.preview.pageCount()
    dialog.page_box.setValue(DEEP)  # typed into the Page box
    dialog.preview.viewport().repaint()
    # A page inside a phase names it: "page 30 of 38, continuing “Phase 24”".
    qtbot.waitUntil(lambda: seen.note(DEEP, count) is not None, timeout=30000)
    note = seen.note(DEEP, count)
    assert len(seen.pages) < count  # only the pages looked at were painted
    first, last = dialog.preview.pages.rows[DEEP - 1]
    tree = window.tree
    shown = [tree.visible_task_ids()[row] for row in range(first, last)]
    phase = window.document.project.tasks[shown[0]].parent_id  # the page opens inside a phase
    assert phase is not None
    assert note == f"page {DEEP} of {count}, continuing “{window.document.project.tasks[phase].name}”"
    columns = [Column.DURATION, Column.START, Column.FINISH, Column.OWNER, Column.FLOAT, Column.PREDECESSORS]

    def table_row(task_id: str) -> tuple:
        cells = [tree.proxy_index(task_id, int(column)).data() or "" for column in (Column.ID, Column.NAME, *columns)]
        return (int(cells[0]), *cells[1:])

    page = seen.pages[note]
    assert page == [table_row(task_id) for task_id in shown]
    assert page[0][1] == tree.proxy_index(shown[0], int(Column.NAME)).data()
    # Printing page DEEP alone: the same rows and texts on paper.
    printer = dialog.printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "deep.pdf"))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(DEEP, DEEP)
    seen.pages.clear()
    assert printing.print_pages(printer, dialog.preview.pages)
    assert seen.pages == {note: page}
    dialog.reject()
    QApplication.processEvents()


def test_print_prints_the_range_of_pages_chosen_in_the_printers_dialog(qtbot, monkeypatch, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrintDialog

    window = shown_main_window(qtbot, Document(long_plan()))
    seen = Seen(monkeypatch)
    window.print_preview.trigger()
    dialog = window.print_dialog
    qtbot.waitUntil(lambda: dialog.preview.pageCount() > DEEP, timeout=60000)
    count = dialog.preview.pageCount()
    out = tmp_path / "range.pdf"

    def chosen(printers_dialog):  # the printer's dialog answered: a PDF file, pages DEEP to DEEP + 1
        printer = printers_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(DEEP, DEEP + 1)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", chosen)
    seen.pages.clear()
    qtbot.mouseClick(dialog.buttons["Print…"], Qt.MouseButton.LeftButton)
    assert [note.split(",")[0] for note in seen.pages] == [f"page {DEEP} of {count}", f"page {DEEP + 1} of {count}"]
    assert len(re.findall(rb"/Type\s*/Page[^s]", out.read_bytes())) == 2  # two pages on paper
    assert not dialog.isVisible()  # printed: the preview closes

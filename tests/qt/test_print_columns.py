"""File → Print carries the task table's columns beside the chart, as MS Project prints its Gantt
table: ID and Name, then the dates, the duration and the other columns the table shows, each cell
as the table writes it; the columns a page has no room for are named in its small print."""

from __future__ import annotations

from gestures import press
from preview_pages import look_through_pages
from PySide6.QtWidgets import QApplication

from ilrs_planner.qt import printing
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.printed_columns import PrintedTimeline


class Printed:
    """What the preview's pages painted: each column after Name with its cells, and the small print."""

    def __init__(self, monkeypatch):
        self.cells: dict[Column, dict[str, str]] = {}
        self.subtitles: list[str] = []
        printed = self

        class Recorded(PrintedTimeline):
            def paint(self, p, width, height, style, rows=None):
                super().paint(p, width, height, style, rows)
                printed.subtitles.append(self.painted_texts["subtitle"])

            def _paint_cells(self, p, rect, column, header, style, first, last):
                cells = printed.cells.setdefault(column, {})
                cells.update(zip(self.data.task_ids[first:last], self.cells[column][first:last]))
                return super()._paint_cells(p, rect, column, header, style, first, last)

        monkeypatch.setattr(printing, "PrintedTimeline", Recorded)


def print_preview(qtbot, window, monkeypatch) -> Printed:
    """Ctrl+P, as a planner prints; what every page of the preview painted."""
    printed = Printed(monkeypatch)
    window.tree.setFocus()
    press(window.tree, "Ctrl+P")
    assert look_through_pages(qtbot, window.print_dialog) <= len(printed.subtitles)  # each page seen painted
    window.print_dialog.reject()
    QApplication.processEvents()
    return printed


def table_cells(window, column: Column) -> dict[str, str]:
    tree = window.tree
    return {tid: tree.proxy_index(tid, int(column)).data() for tid in tree.visible_task_ids()}


def test_the_dates_duration_and_every_column_shown_print_as_the_table_writes_them(qtbot, window, monkeypatch):
    printed = print_preview(qtbot, window, monkeypatch)
    shown = [Column.DURATION, Column.START, Column.FINISH, Column.OWNER, Column.FLOAT, Column.PREDECESSORS]
    assert list(printed.cells) == shown  # the small plan's columns all fit, in the table's order
    for column in shown:
        assert printed.cells[column] == table_cells(window, column)
    assert printed.cells[Column.START]["b"] == "2030-01-11" and printed.cells[Column.DURATION]["b"] == "20 d"
    assert not any("not printed" in subtitle for subtitle in printed.subtitles)


def test_a_column_hidden_in_the_table_is_not_printed_and_one_shown_is(qtbot, window, monkeypatch):
    header = window.tree.header()
    header.setSectionHidden(int(Column.OWNER), True)  # as the header's column menu does
    header.setSectionHidden(int(Column.KEY), False)
    header.moveSection(header.visualIndex(int(Column.KEY)), header.visualIndex(int(Column.FINISH)))  # dragged
    printed = print_preview(qtbot, window, monkeypatch)
    assert list(printed.cells) == [Column.DURATION, Column.START, Column.FINISH, Column.KEY, Column.FLOAT,
                                   Column.PREDECESSORS]
    assert printed.cells[Column.KEY] == table_cells(window, Column.KEY)


def test_the_columns_with_no_room_are_left_out_and_named_on_every_page(qtbot, roadmap_window, monkeypatch):
    printed = print_preview(qtbot, roadmap_window, monkeypatch)
    # The roadmap's long names take the Name column's most: the dates, duration and float still fit
    # on an A4 or Letter landscape page, Predecessors after them does not.
    assert list(printed.cells)[:5] == [Column.DURATION, Column.START, Column.FINISH, Column.OWNER, Column.FLOAT]
    left_out = [column for column in (Column.FLOAT, Column.PREDECESSORS) if column not in printed.cells]
    assert left_out and len(printed.subtitles) >= 2
    named = {"Total float": Column.FLOAT, "Predecessors": Column.PREDECESSORS}
    for subtitle in printed.subtitles:
        assert subtitle.endswith("not printed: no room")
        assert [column for header, column in named.items() if header in subtitle] == left_out
    assert printed.cells[Column.FINISH] == table_cells(roadmap_window, Column.FINISH)

"""File → Print… from the window: the rows at the printed size shared evenly over as few pages as
hold them (no last page of a row or two), every row once, and each task under the ID the table
gives it, however the table is sorted or filtered."""

from __future__ import annotations

import math
from datetime import date

import pytest
from gestures import press
from preview_pages import look_through_pages
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from windows import shown_main_window

from ilrs_planner.domain import Project, Task, TaskKind
from ilrs_planner.qt import printing
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.printed_columns import PrintedTimeline


class Pages:
    """What the preview's last painting put on each page: its rows, each row's (ID, task id) and
    the pitch of the ID column's rows beside that of the chart's, both in points on paper."""

    def __init__(self, monkeypatch):
        self.runs: list[list[dict]] = []
        runs = self.runs

        class Recorded(PrintedTimeline):
            def paint(self, p, width, height, style, rows=None):
                points = p.worldTransform().m11() * 72 / p.device().logicalDpiX()
                if rows[0] == 0:  # the first page: the preview paints the pages again when laid out again
                    runs.append([])
                runs[-1].append({"note": self.page_note, "rows": rows, "ids": [], "tops": [], "points": points,
                                 "font": style.font_px * points})
                super().paint(p, width, height, style, rows)
                runs[-1][-1]["chart_row"] = self.painted_scene.row_height * points

            def _paint_row(self, p, row, top, id_width, width, style):
                page = runs[-1][-1]
                page["ids"].append((self.outline[row][0], self.data.task_ids[row]))
                page["tops"].append(top * page["points"])
                return super()._paint_row(p, row, top, id_width, width, style)

        monkeypatch.setattr(printing, "PrintedTimeline", Recorded)

    @property
    def pages(self) -> list[dict]:
        return self.runs[-1] if self.runs else []


def open_print_preview(qtbot, window, pages: Pages):
    """File → Print…, as the menu offers it; the preview once every page has been looked at."""
    (action,) = [a for a in window.menus["file"].actions() if a.text().replace("&", "") == "Print…"]
    action.trigger()
    count = look_through_pages(qtbot, window.print_dialog)
    assert len(pages.pages) == count  # each page painted once, as it came into view
    return window.print_dialog.preview


def check_even_pages(pages: list[dict], rows: int) -> int:
    """Every row printed once, in order, shared evenly between the pages (none holds more than a row
    more than another: a last page is never a leftover row or two); the most rows a page holds."""
    spans = [page["rows"] for page in pages]
    sizes = [last - first for first, last in spans]
    assert spans[0][0] == 0 and spans[-1][1] == rows and all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert max(sizes) - min(sizes) <= 1 and sizes == sorted(sizes, reverse=True)
    assert [page["note"].split(",")[0] for page in pages] == [f"page {n} of {len(pages)}"
                                                              for n in range(1, len(pages) + 1)]
    for page in pages:  # 8 pt names; the ID and Name rows as tall as the chart's, so they line up
        pitches = {round(b - a, 3) for a, b in zip(page["tops"], page["tops"][1:])}
        assert page["font"] == pytest.approx(8.0, abs=0.01) and pitches == {round(page["chart_row"], 3)}
    return max(sizes)


def close(window) -> None:
    window.print_dialog.reject()
    QApplication.processEvents()


def test_the_roadmap_prints_over_pages_sharing_its_rows_evenly(qtbot, roadmap_window, monkeypatch):
    pages = Pages(monkeypatch)
    preview = open_print_preview(qtbot, roadmap_window, pages)
    per_page = check_even_pages(pages.pages, 65)
    # An A4 or Letter landscape page holds 30 rows and more of 12 pt (it held 17 over 4 pages).
    assert per_page >= 30 and preview.pageCount() == math.ceil(65 / per_page) <= 3
    close(roadmap_window)


def two_hundred_tasks() -> Project:
    """20 phases of 9 tasks, each 10 days from the plan's start: 200 rows, all in the chart's dates."""
    project = Project("Two hundred", date(2030, 1, 1))
    for phase in range(20):
        project.add_task(Task(f"P{phase}", f"Phase {phase + 1}", kind=TaskKind.PHASE, id=f"p{phase}", position=phase))
        for number in range(9):
            project.add_task(Task(f"T{phase}.{number}", f"Work package {phase + 1}.{number + 1}", 10,
                                  id=f"t{phase}.{number}", parent_id=f"p{phase}", position=number))
    return project


def test_two_hundred_tasks_print_on_pages_sharing_the_rows_evenly(qtbot, monkeypatch):
    window = shown_main_window(qtbot, Document(two_hundred_tasks()))
    pages = Pages(monkeypatch)
    preview = open_print_preview(qtbot, window, pages)
    per_page = check_even_pages(pages.pages, 200)
    # Seven pages of 12-pt rows (an A4 or Letter page holds 30 and more): 29 or 28 rows each.
    assert preview.pageCount() == len(pages.pages) <= 7 and per_page >= 200 / 7
    printed = [pair for page in pages.pages for pair in page["ids"]]
    assert printed == [(number, task.id) for number, (task, _depth) in enumerate(window.document.project.walk(), 1)]
    close(window)


@pytest.fixture
def small_project(small_project):
    """The small plan (PH holds A → B → C, then M: IDs 1 to 4, then 6) with X (ID 5) under PH: 5 days,
    unlinked, so it has float and the Critical filter leaves it out."""
    small_project.add_task(Task("X", "Survey done", 5, id="x", parent_id="ph", position=3))
    return small_project


def test_a_sorted_and_filtered_print_names_each_task_by_the_id_the_table_shows(qtbot, window, small_project,
                                                                               monkeypatch):
    window.tree.sortByColumn(int(Column.DURATION), Qt.SortOrder.DescendingOrder)
    combo = window.filters.combo
    combo.setFocus()
    press(combo, "Home")
    while combo.currentText() != "Critical":
        press(combo, "Down")
    table_ids = {tid: window.tree.proxy_index(tid, int(Column.ID)).data() for tid in window.tree.visible_task_ids()}
    pages = Pages(monkeypatch)
    window.tree.setFocus()
    press(window.tree, "Ctrl+P")
    look_through_pages(qtbot, window.print_dialog)
    printed = [pair for page in pages.pages for pair in page["ids"]]
    close(window)
    assert "x" not in {tid for _id, tid in printed}  # X has float: the Critical filter leaves it out
    assert {tid: str(number) for number, tid in printed} == table_ids
    assert dict((tid, number) for number, tid in printed)["m"] == 6  # its ID, not its place among the printed

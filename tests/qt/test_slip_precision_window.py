"""The roadmap compared with the Hefei baseline in the window: each row's slip colour, in the chart and
behind the Finish variance cell, says what the cell's words say. Hefei said Chang'e 6 "in 2024"; it
came back on 2024-06-25, '0 y': no slip mark on its row (by days it was 123 days late). The founding
agreements, "2023", came in 2024, '+1 y': drawn "1–12 months late", as 365 days late would be."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView

from ilrs_planner.chart import palette
from ilrs_planner.qt.models.task_columns import Column

HEFEI = "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)"
SLIP_MARKS = {name: getattr(palette, name) for name in (
    "EARLY_BY_YEARS", "EARLY_BY_MONTHS", "LATE_BY_MONTHS", "LATE_BY_YEARS", "LATE_BY_MORE_YEARS")}


def _compare_with_hefei(window) -> None:
    menu = window.view.baseline_menu
    menu.aboutToShow.emit()  # what opening View → Compare with baseline does
    next(action for action in menu.actions() if action.text().endswith(HEFEI)).trigger()
    assert window.document.baseline_name == HEFEI


def _row_marks(qtbot, window, key: str) -> dict[str, int]:
    """The slip colours' pixels on the task's row of the chart, scrolled to it as the table is."""
    task_id = window.document.project.task_by_key(key).id
    window.tree.scrollTo(window.tree.proxy_index(task_id), QAbstractItemView.ScrollHint.PositionAtCenter)
    gantt = window.gantt
    gantt.zoom_to_range(date(2022, 6, 1), date(2026, 1, 1))
    row = gantt.rows().index(task_id)
    top = gantt.style.header_height + row * gantt.style.row_height - gantt.vertical_offset
    qtbot.waitUntil(lambda: gantt.style.header_height <= top + gantt.style.row_height / 2 < gantt.canvas.height())
    image = gantt.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    found = dict.fromkeys(SLIP_MARKS, 0)
    for y in range(int(top) + 1, int(top + gantt.style.row_height) - 1):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            for name, color in SLIP_MARKS.items():
                want = (int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16))
                found[name] += all(abs(a - b) <= 12 for a, b in zip((c.red(), c.green(), c.blue()), want))
    return found


def _variance_cell(window, key: str) -> tuple[str, str | None]:
    """The Finish variance cell's words and its tint, as the table shows them."""
    index = window.tree.proxy_index(window.document.project.task_by_key(key).id, int(Column.VARIANCE))
    brush = index.data(Qt.ItemDataRole.BackgroundRole)
    return index.data(), brush.color().name() if brush is not None else None


def test_a_rows_slip_colour_says_what_its_finish_variance_says(qtbot, roadmap_window):
    _compare_with_hefei(roadmap_window)
    assert _variance_cell(roadmap_window, "change-6") == ("0 y", None)
    assert not any(_row_marks(qtbot, roadmap_window, "change-6").values())  # on time: no mark
    assert _variance_cell(roadmap_window, "ilrs-founding-agreements") == ("+1 y", palette.LATE_BY_MONTHS)
    marks = _row_marks(qtbot, roadmap_window, "ilrs-founding-agreements")
    assert marks["LATE_BY_MONTHS"] > 20 and not marks["LATE_BY_YEARS"]


def test_a_spreadsheet_exported_from_the_window_compares_with_the_baseline_the_window_compares_with(
        roadmap_window, tmp_path, monkeypatch):
    """Hefei chosen in the window, File → Export… to .xlsx: the sheet's variances are against Hefei
    (not the latest baseline), in the table's words beside their days."""
    from openpyxl import load_workbook

    from ilrs_planner.qt.sharing import prompts

    _compare_with_hefei(roadmap_window)
    monkeypatch.setattr(prompts, "save_file", lambda *_a: (str(tmp_path / "roadmap.xlsx"), ""))
    roadmap_window.sharing.export.trigger()
    book = load_workbook(tmp_path / "roadmap.xlsx")
    plan = {row[0].value: row[1].value for row in book["Plan"].iter_rows(min_row=2)}
    assert plan["Compared with baseline"] == HEFEI
    header = [cell.value for cell in book["Tasks"][1]]
    rows = {row["Key"]: row for row in (dict(zip(header, (cell.value for cell in cells)))
                                        for cells in book["Tasks"].iter_rows(min_row=2))}
    assert (rows["change-6"]["Finish variance (d)"], rows["change-6"]["Finish variance"]) == (123, "0 y")
    assert _variance_cell(roadmap_window, "change-6")[0] == rows["change-6"]["Finish variance"]

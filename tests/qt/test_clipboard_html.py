"""Copy puts an HTML table beside the text, so mail, Word, LibreOffice Writer or a wiki paste a real
table: the table's visible columns under a header row, a row per task, names indented by outline
level, summaries in bold, and every value escaped (a task's name is anyone's text)."""

from __future__ import annotations

from html.parser import HTMLParser

from gestures import click_cell, press
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.qt.models.task_columns import Column

HOSTILE = '<script>&"'


class Cells(HTMLParser):
    """The rows of the one table, each cell as (text, its style, whether its text is bold)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[tuple[str, str, bool]]] = []
        self.tables = 0
        self._cell: list[str] | None = None
        self._style, self._bold = "", False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables += 1
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell, self._style, self._bold = [], dict(attrs).get("style") or "", False
        elif tag == "b":
            self._bold = True
        elif tag == "script":
            raise AssertionError("a task's name ran as markup")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append(("".join(self._cell), self._style, self._bold))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def copied_html(qtbot, window) -> Cells:
    window.activateWindow()
    qtbot.waitActive(window)
    click_cell(window.tree, "ph", Column.NAME)
    press(window.tree, "Ctrl+C")
    parsed = Cells()
    parsed.feed(QApplication.clipboard().mimeData().html())
    parsed.close()
    return parsed


def shown_headers(window) -> list[str]:
    header = window.tree.header()
    shown = [header.logicalIndex(visual) for visual in range(header.count())]
    return [" ".join(window.tree.model().headerData(i, Qt.Orientation.Horizontal).split())
            for i in shown if not header.isSectionHidden(i)]


def indent_em(style: str) -> float:
    """The left padding a cell's style gives, in em (0 without one)."""
    for part in style.split(";"):
        name, _, value = part.partition(":")
        if name.strip() == "padding-left":
            return float(value.strip().removesuffix("em"))
    return 0.0


def test_the_html_table_holds_the_visible_columns_and_a_row_per_copied_task(qtbot, window):
    window.tree.header().hideSection(int(Column.OWNER))
    table = copied_html(qtbot, window)
    headers = shown_headers(window)
    assert table.tables == 1 and [text for text, _, _ in table.rows[0]] == headers and "Owner" not in headers
    name, duration = headers.index("Name"), headers.index("Duration")
    assert [row[name][0] for row in table.rows[1:]] == ["Phase", "Task A", "Task B", "Task C"]
    assert table.rows[2][duration][0] == window.tree.proxy_index("a", int(Column.DURATION)).data() == "10 d"


def test_names_are_indented_by_outline_level_and_summaries_are_bold(qtbot, window):
    table = copied_html(qtbot, window)
    name = shown_headers(window).index("Name")
    phase, *tasks = (row[name] for row in table.rows[1:])
    assert all(indent_em(style) > indent_em(phase[1]) for _, style, _ in tasks)
    assert len({indent_em(style) for _, style, _ in tasks}) == 1  # one level: the same indent
    assert phase[2] and not any(bold for _, _, bold in tasks)  # the summary's name in bold, its tasks' not
    assert all(cell[2] for cell in table.rows[1] if cell[0])  # its whole row


def test_a_name_that_is_markup_is_copied_as_text(qtbot, window):
    window.document.push(SetTaskFields("a", name=HOSTILE))
    raw_table = copied_html(qtbot, window)
    name = shown_headers(window).index("Name")
    assert raw_table.rows[2][name][0] == HOSTILE
    assert HOSTILE not in QApplication.clipboard().mimeData().html()  # escaped, not written as it is
